// Application forms (基本信息 step) built with other UI libraries than Element, each from the library's own
// npm dist files — layui 2, Ant Design Vue 4 (Vue 3), View UI 4 (view-design, Vue 2). The widget drivers
// are tested against these (issue 15). Markup comes from the library; only the templates below are ours.
// Each family words its labels a little differently, as real portals do.
import { doc, esc, inlineJson } from './layout.mjs';
import { SH_DISTRICTS, REGIONS } from './data.mjs';

/**
 * A long bank list (real portals list dozens): 上海农商银行 sits far down, below what a virtual list draws
 * before scrolling or searching.
 */
export const WIDGET_BANKS = [
  '中国工商银行', '中国农业银行', '中国银行', '中国建设银行', '交通银行', '中国邮政储蓄银行', '招商银行', '浦发银行',
  '中信银行', '中国光大银行', '华夏银行', '中国民生银行', '广发银行', '平安银行', '兴业银行', '浙商银行', '渤海银行',
  '恒丰银行', '北京银行', '上海银行', '江苏银行', '南京银行', '宁波银行', '杭州银行', '上海农商银行', '上海华瑞银行',
  '汇丰银行（中国）', '东亚银行（中国）',
].map((label, i) => ({ value: `B${String(i + 1).padStart(3, '0')}`, label }));

export const FAMILIES = {
  layui: { title: 'layui 2', path: '/govPortals/widgets/layui/apply' },
  antdv: { title: 'Ant Design Vue 4', path: '/govPortals/widgets/antdv/apply' },
  viewui: { title: 'View UI 4 (view-design)', path: '/govPortals/widgets/viewui/apply' },
};

const boot = (family) => `<script>window.__WIDGET_DATA__ = ${inlineJson({ family, banks: WIDGET_BANKS, districts: SH_DISTRICTS, regions: REGIONS })};</script>`;

const CAPTCHA = '<img src="/api/captcha" alt="验证码" style="height:36px;vertical-align:middle;margin-left:8px">';

export function layui() {
  const star = '<span class="layui-font-red">*</span>';
  const text = (name, label, { required = true, verify = 'required', placeholder = '' } = {}) => `
    <div class="layui-form-item">
      <label class="layui-form-label">${required ? star : ''}${label}</label>
      <div class="layui-input-block"><input type="text" name="${name}" ${verify ? `lay-verify="${verify}"` : ''} autocomplete="off" class="layui-input"${placeholder ? ` placeholder="${esc(placeholder)}"` : ''}></div>
    </div>`;
  return doc({
    title: '医疗费零星报销 网上申请',
    head: `<link rel="stylesheet" href="/vendor/layui/css/layui.css">
<style>.layui-form-label{width:130px}.layui-input-block{margin-left:160px}.site-head{background:#23262e;padding:10px 20px;color:#fff;display:flex;justify-content:space-between;align-items:center}
.site-head .layui-input{width:260px;display:inline-block}.apply-wrap{max-width:900px;margin:20px auto}</style>`,
    body: `<div class="site-head"><span style="font-size:18px">松江区医疗保障局 网上办事大厅</span>
  <span><input type="text" class="layui-input" placeholder="请输入关键词搜索" autocomplete="off"><button type="button" class="layui-btn layui-btn-normal">搜索</button></span></div>
<div class="apply-wrap">
<form class="layui-form" lay-filter="apply" onsubmit="return false">
  <fieldset class="layui-elem-field layui-field-title"><legend>基本信息</legend></fieldset>
  <div class="layui-form-item">
    <label class="layui-form-label">${star}办理方式</label>
    <div class="layui-input-block">
      <input type="radio" name="blfs" value="1" title="本人" lay-filter="blfs">
      <input type="radio" name="blfs" value="2" title="委托" lay-filter="blfs">
    </div>
  </div>
  ${text('bxrxm', '报销人姓名')}
  ${text('bxrsfzh', '报销人身份证号', { verify: 'required|identity' })}
  <div id="dbr-box"></div>
  ${text('lxdh', '联系电话', { verify: 'required|phone' })}
  ${text('jjlxrdh', '紧急联系人电话', { required: false, verify: '' })}
  <div class="layui-form-item">
    <label class="layui-form-label">${star}申请日期</label>
    <div class="layui-input-inline"><input type="text" name="sqrq" id="sqrq" lay-verify="required" readonly class="layui-input" placeholder="请选择日期"></div>
  </div>
  <div class="layui-form-item">
    <label class="layui-form-label">${star}开户银行</label>
    <div class="layui-input-block"><select name="khyh" lay-verify="required" lay-search><option value="">请选择或输入搜索</option>
      ${WIDGET_BANKS.map((b) => `<option value="${b.value}">${esc(b.label)}</option>`).join('')}</select></div>
  </div>
  ${text('yhzh', '银行账号')}
  <div class="layui-form-item">
    <label class="layui-form-label">${star}邮寄地址</label>
    <div class="layui-input-inline" style="width:80px;line-height:38px">上海市</div>
    <div class="layui-input-inline" style="width:160px"><select name="qx" lay-verify="required" lay-filter="qx"><option value="">请选择区</option>
      ${SH_DISTRICTS.map((d) => `<option value="${d.value}">${esc(d.label)}</option>`).join('')}</select></div>
    <div class="layui-input-inline" style="width:340px"><input type="text" name="xxdz" lay-verify="required" autocomplete="off" class="layui-input" placeholder="详细地址（街道、门牌号）"></div>
  </div>
  <div class="layui-form-item">
    <label class="layui-form-label">验证码</label>
    <div class="layui-input-inline"><input type="text" name="yzm" autocomplete="off" class="layui-input"></div>${CAPTCHA}
  </div>
  <div class="layui-form-item"><div class="layui-input-block">
    <button type="button" class="layui-btn" lay-submit lay-filter="apply-submit">提交</button>
    <button type="reset" class="layui-btn layui-btn-primary">重置</button>
  </div></div>
</form>
</div>
<template id="dbr-tpl">
  <fieldset class="layui-elem-field layui-field-title"><legend>代办人信息</legend></fieldset>
  ${text('dbrxm', '代办人姓名')}
  ${text('dbrsfzh', '代办人身份证号', { verify: 'required|identity' })}
  <div class="layui-form-item">
    <label class="layui-form-label">与报销人关系</label>
    <div class="layui-input-block"><select name="dbrgx"><option value="">请选择</option><option value="1">配偶</option><option value="2">子女</option><option value="3">其他</option></select></div>
  </div>
</template>
${boot('layui')}
<script src="/vendor/layui/layui.js"></script>
<script src="/static/js/widgets-layui.js"></script>`,
  });
}

export function antdv() {
  return doc({
    title: '医疗费零星报销 - 在线申请',
    head: `<link rel="stylesheet" href="/vendor/ant-design-vue/reset.css">
<style>body{background:#f0f2f5}.site-head{background:#001529;padding:12px 24px;display:flex;justify-content:space-between;align-items:center;color:#fff}
.apply-wrap{max-width:900px;margin:24px auto;background:#fff;padding:24px}</style>`,
    body: `<div id="app"></div>
${boot('antdv')}
<script src="/vendor/vue3/vue.global.prod.js"></script>
<script src="/vendor/dayjs/dayjs.min.js"></script>
${['advancedFormat', 'customParseFormat', 'localeData', 'quarterOfYear', 'weekOfYear', 'weekYear', 'weekday'].map((p) => `<script src="/vendor/dayjs/plugin/${p}.js"></script>`).join('\n')}
<script src="/vendor/dayjs/locale/zh-cn.js"></script>
<script src="/vendor/ant-design-vue/antd-with-locales.min.js"></script>
<script src="/static/js/widgets-antdv.js"></script>`,
  });
}

export function viewui() {
  return doc({
    title: '医疗费零星报销申请',
    head: `<link rel="stylesheet" href="/vendor/view-design/styles/iview.css">
<style>.site-head{background:#515a6e;padding:10px 24px;display:flex;justify-content:space-between;align-items:center;color:#fff}
.apply-wrap{max-width:860px;margin:24px auto}</style>`,
    body: `<div id="app"></div>
${boot('viewui')}
<script src="/vendor/vue.min.js"></script>
<script src="/vendor/view-design/iview.min.js"></script>
<script src="/static/js/widgets-viewui.js"></script>`,
  });
}

/** The index of the widget pages (for humans). */
export function index() {
  const rows = Object.values(FAMILIES).map((f) => `<li><a href="${f.path}">${esc(f.title)}</a></li>`).join('');
  return doc({ title: 'widget fixtures', body: `<ul>${rows}</ul>` });
}
