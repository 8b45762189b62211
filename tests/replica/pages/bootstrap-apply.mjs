// Old-style server-rendered application (Bootstrap 3 + jQuery) on ywtb.sh.gov.cn:18018/ac-product-net.
// Opaque field names (f_0192 …); stars come as label.is-required (CSS ::before) or a literal <span class="red">*</span>.
import { doc, esc, inlineJson } from './layout.mjs';
import { BANKS, SH_DISTRICTS, MATERIALS } from './data.mjs';

const CTX = '/ac-product-net';

/** Field name -> normalized state key (also used by the page script, which reads the DOM). */
export const FIELD_MAP = {
  f_0188: 'handleMode',
  f_0192: 'reimburserName',
  f_0193: 'reimburserIdNo',
  f_0195: 'agentName',
  f_0196: 'agentIdNo',
  f_0201: 'mobile',
  f_0202: 'emergencyPhone',
  f_0203: 'workPhone',
  f_0205: 'date',
  f_0207: 'bank',
  f_0208: 'bankCardNo',
  f_0211: 'district',
  f_0212: 'addressDetail',
  f_0213: 'postcode',
  f_0220: 'captcha',
};
export const INVOICE_MAP = { f_0311: 'code', f_0312: 'number', f_0313: 'date', f_0314: 'type', f_0315: 'hospital', f_0316: 'amount', f_0317: 'inStart', f_0318: 'inEnd' };
export const HANDLE_MODES = { '01': '本人办理', '02': '委托人办理' };
export const VISIT_TYPES = { '11': '门诊', '12': '急诊', '21': '住院' };
/** Upload field name per material, in order. */
export const MATERIAL_FIELDS = MATERIALS.map((m, i) => ({ name: `f_04${String(i + 1).padStart(2, '0')}`, ...m }));

const HEAD = `<link rel="stylesheet" href="${CTX}/vendor/bootstrap/css/bootstrap.min.css">
<link rel="stylesheet" href="${CTX}/static/css/netapply.css">`;

export function headerFrame() {
  return doc({
    title: '上海市一网通办',
    head: `${HEAD}<base target="_top">`,
    bodyClass: 'hd-body',
    body: `<div class="ywtb-top"><div class="container">
  <span>上海市人民政府门户网站</span>
  <span class="pull-right"><a href="https://zwdt.sh.gov.cn/govPortals/my/banjian">张**</a>&nbsp;|&nbsp;<a href="javascript:;">退出</a></span>
</div></div>
<div class="ywtb-hd"><div class="container">
  <div class="ywtb-logo"><span class="ywtb-emblem">沪</span>上海市人民政府&nbsp;<small>一网通办 · 网上办事大厅</small></div>
  <form class="navbar-form ywtb-search" onsubmit="return false">
    <div class="input-group input-group-sm">
      <input type="text" class="form-control" name="keyword" placeholder="请输入事项名称搜索">
      <span class="input-group-btn"><button class="btn btn-default" type="button">搜索</button></span>
    </div>
  </form>
</div></div>`,
  });
}

function opt(list, placeholder) {
  return `<option value="">${placeholder}</option>` + list.map((o) => `<option value="${esc(o.value)}">${esc(o.label)}</option>`).join('');
}

export function render(item) {
  const materialsRows = MATERIAL_FIELDS.map((m, i) => {
    const star = m.required === true ? '<span class="red">*</span>' : m.required ? '<span class="red cond-star" style="display:none">*</span>' : '';
    return `<tr class="${m.required === 'delegate' ? 'cl-wt' : m.required === 'inpatient' ? 'cl-zy' : ''}">
        <td class="text-center">${i + 1}</td>
        <td>${star}${esc(m.label)}</td>
        <td class="text-muted small">${esc(m.tip)}</td>
        <td><input type="file" name="${m.name}" multiple accept="image/*,.pdf"><ul class="list-unstyled file-names"></ul></td>
      </tr>`;
  }).join('\n');

  return doc({
    title: `网上申请-${item.name}`,
    head: HEAD,
    body: `<iframe src="${CTX}/common/header.html" class="hd-iframe" frameborder="0" scrolling="no"></iframe>
<div class="container main">
  <ol class="breadcrumb"><li><a href="https://zwdt.sh.gov.cn/">首页</a></li><li>${esc(item.dept)}</li><li class="active">网上申请</li></ol>
  <div class="panel panel-default">
    <div class="panel-heading"><h3 class="panel-title">${esc(item.name)} <small>网上申请</small></h3></div>
    <div class="panel-body">
      <ul class="nav nav-pills nav-justified step-nav">
        <li class="active"><a href="javascript:;"><span class="badge">1</span> 基本信息</a></li>
        <li><a href="javascript:;"><span class="badge">2</span> 发票信息</a></li>
        <li><a href="javascript:;"><span class="badge">3</span> 材料上传</a></li>
      </ul>
      <form id="form1" class="form-horizontal" method="post" action="${CTX}/netapply/submit.do" enctype="multipart/form-data" autocomplete="off">
        <input type="hidden" name="itemCode" value="${esc(item.code)}">
        <input type="hidden" name="token" value="ac${Date.now().toString(36)}">

        <div class="step-pane" id="pane1">
          <div class="alert alert-info small">说明：带 <span class="red">*</span> 号为必填项。报销人姓名是指发票上的姓名；委托人为一网通办账号人。邮寄地址只能填写上海市松江区内的地址。</div>
          <fieldset><legend>申请人信息</legend>
          <div class="form-group">
            <label class="col-sm-2 control-label is-required">办理方式</label>
            <div class="col-sm-10">
              <label class="radio-inline"><input type="radio" name="f_0188" value="01"> 本人办理</label>
              <label class="radio-inline"><input type="radio" name="f_0188" value="02"> 委托人办理</label>
            </div>
          </div>
          <div class="form-group">
            <label class="col-sm-2 control-label is-required" for="i_0192">报销人姓名</label>
            <div class="col-sm-4"><input type="text" class="form-control" id="i_0192" name="f_0192" maxlength="30"></div>
            <label class="col-sm-2 control-label" for="i_0193"><span class="red">*</span>报销人身份证</label>
            <div class="col-sm-4"><input type="text" class="form-control" id="i_0193" name="f_0193" maxlength="18"></div>
          </div>
          <div class="form-group row-wt" style="display:none">
            <label class="col-sm-2 control-label is-required" for="i_0195">委托人姓名</label>
            <div class="col-sm-4"><input type="text" class="form-control" id="i_0195" name="f_0195" maxlength="30"></div>
            <label class="col-sm-2 control-label is-required" for="i_0196">委托人身份证号</label>
            <div class="col-sm-4"><input type="text" class="form-control" id="i_0196" name="f_0196" maxlength="18"></div>
          </div>
          <div class="form-group">
            <label class="col-sm-2 control-label" for="i_0201"><span class="red">*</span>联系电话（手机）</label>
            <div class="col-sm-4"><input type="text" class="form-control" id="i_0201" name="f_0201" maxlength="11"></div>
            <label class="col-sm-2 control-label" for="i_0205"><span class="red">*</span>就诊日期</label>
            <div class="col-sm-4"><input type="text" class="form-control" id="i_0205" name="f_0205" placeholder="yyyy-mm-dd" maxlength="10"></div>
          </div>
          <div class="form-group">
            <label class="col-sm-2 control-label" for="i_0202">紧急联系人电话</label>
            <div class="col-sm-4"><input type="text" class="form-control" id="i_0202" name="f_0202"></div>
            <label class="col-sm-2 control-label" for="i_0203">单位电话</label>
            <div class="col-sm-4"><input type="text" class="form-control" id="i_0203" name="f_0203"></div>
          </div>
          </fieldset>

          <fieldset><legend>银行账户信息</legend>
          <table class="table table-bordered form-table">
            <tbody>
              <tr>
                <td class="td-label"><span class="red">*</span>开户银行：</td>
                <td><select class="form-control" name="f_0207">${opt(BANKS, '--请选择--')}</select></td>
                <td class="td-label"><span class="red">*</span>银行账号：</td>
                <td><input type="text" class="form-control" name="f_0208" maxlength="23"><span class="help-inline small text-muted">须为报销人本人账户</span></td>
              </tr>
            </tbody>
          </table>
          </fieldset>

          <fieldset><legend>邮寄信息</legend>
          <div class="form-group">
            <label class="col-sm-2 control-label is-required">邮寄地址</label>
            <div class="col-sm-2"><p class="form-control-static">上海市</p></div>
            <div class="col-sm-2"><select class="form-control" name="f_0211">${opt(SH_DISTRICTS, '请选择区')}</select></div>
            <div class="col-sm-6"><input type="text" class="form-control" name="f_0212" placeholder="详细地址（街道、路、门牌号）" maxlength="100"></div>
          </div>
          <div class="form-group">
            <label class="col-sm-2 control-label" for="i_0213">邮政编码</label>
            <div class="col-sm-4"><input type="text" class="form-control" id="i_0213" name="f_0213" maxlength="6"></div>
            <label class="col-sm-2 control-label" for="i_0220">验证码</label>
            <div class="col-sm-2"><input type="text" class="form-control" id="i_0220" name="f_0220" maxlength="4"></div>
            <div class="col-sm-2"><img src="${CTX}/captcha.do?r=${Date.now()}" class="yzm-img" alt="验证码" onclick="this.src='${CTX}/captcha.do?r='+Math.random()"></div>
          </div>
          </fieldset>
        </div>

        <div class="step-pane" id="pane2" style="display:none">
          <div class="clearfix toolbar"><span class="pane-title">发票信息</span>
            <button type="button" class="btn btn-primary btn-sm pull-right" id="btnAddFp"><span class="glyphicon glyphicon-plus"></span> 新增</button></div>
          <table class="table table-bordered table-striped table-condensed" id="tbFp">
            <thead><tr><th>序号</th><th>票据代码</th><th>票据号码</th><th>开票日期</th><th>就诊类型</th><th>收款单位</th><th>金额(元)</th><th>住院日期</th><th>操作</th></tr></thead>
            <tbody><tr class="empty-row"><td colspan="9" class="text-center text-muted">暂无数据</td></tr></tbody>
          </table>
        </div>

        <div class="step-pane" id="pane3" style="display:none">
          <div class="alert alert-warning small">请上传材料的照片或扫描件（jpg/png/pdf）。如果报销住院发票，必须上传出院小结；选择委托办理的，被委托人身份证必须上传。</div>
          <table class="table table-bordered material-tb">
            <thead><tr><th style="width:50px">序号</th><th style="width:260px">材料名称</th><th>说明</th><th style="width:330px">上传文件</th></tr></thead>
            <tbody>
${materialsRows}
            </tbody>
          </table>
        </div>

        <div class="form-actions text-center">
          <button type="button" class="btn btn-default" id="btnPrev" style="display:none">上一步</button>
          <button type="button" class="btn btn-primary" id="btnNext">下一步</button>
          <button type="button" class="btn btn-success" id="btnSubmit" style="display:none">提交</button>
        </div>
      </form>
    </div>
  </div>
</div>

<div class="modal fade" id="fpModal" tabindex="-1" role="dialog">
  <div class="modal-dialog" role="document"><div class="modal-content">
    <div class="modal-header"><button type="button" class="close" data-dismiss="modal"><span>&times;</span></button><h4 class="modal-title">新增发票</h4></div>
    <div class="modal-body">
      <div class="form-horizontal" id="fpForm">
        <div class="form-group"><label class="col-sm-3 control-label is-required">票据代码</label><div class="col-sm-8"><input type="text" class="form-control" name="f_0311"></div></div>
        <div class="form-group"><label class="col-sm-3 control-label is-required">票据号码</label><div class="col-sm-8"><input type="text" class="form-control" name="f_0312"></div></div>
        <div class="form-group"><label class="col-sm-3 control-label is-required">开票日期</label><div class="col-sm-8"><input type="text" class="form-control" name="f_0313" placeholder="yyyy-mm-dd"></div></div>
        <div class="form-group"><label class="col-sm-3 control-label is-required">就诊类型</label><div class="col-sm-8"><select class="form-control" name="f_0314"><option value="">--请选择--</option><option value="11">门诊</option><option value="12">急诊</option><option value="21">住院</option></select></div></div>
        <div class="form-group"><label class="col-sm-3 control-label is-required">收款单位（医疗机构）</label><div class="col-sm-8"><input type="text" class="form-control" name="f_0315"></div></div>
        <div class="form-group"><label class="col-sm-3 control-label is-required">金额（元）</label><div class="col-sm-8"><input type="text" class="form-control" name="f_0316"></div></div>
        <div class="form-group fp-zy" style="display:none"><label class="col-sm-3 control-label is-required">住院日期</label>
          <div class="col-sm-4"><input type="text" class="form-control" name="f_0317" placeholder="入院 yyyy-mm-dd"></div>
          <div class="col-sm-4"><input type="text" class="form-control" name="f_0318" placeholder="出院 yyyy-mm-dd"></div></div>
      </div>
    </div>
    <div class="modal-footer"><button type="button" class="btn btn-default" data-dismiss="modal">取消</button><button type="button" class="btn btn-primary" id="btnFpOk">确定</button></div>
  </div></div>
</div>
<div class="footer"><div class="container">主办单位：上海市人民政府办公厅 &nbsp; 技术支持：上海市大数据中心 &nbsp; 建议使用 IE9 以上浏览器</div></div>

<script src="${CTX}/vendor/jquery.min.js"></script>
<script src="${CTX}/vendor/bootstrap/js/bootstrap.min.js"></script>
<script src="${CTX}/static/js/netapply.js"></script>
<script src="/__replica/hook/netapply-state.js"></script>`,
  });
}

/**
 * Test hook (kept out of the page's own script and markup): window.__replica.state() read from the DOM,
 * in the same shape as the Element app's.
 */
export function stateHookJs() {
  const cfg = { fieldMap: FIELD_MAP, handleModes: HANDLE_MODES, visitTypes: VISIT_TYPES, materials: MATERIAL_FIELDS.map(({ name, label }) => ({ name, label })) };
  return `(function () {
  var CFG = ${inlineJson(cfg)};
  function q(s) { return document.querySelector(s); }
  function val(name) {
    var els = document.querySelectorAll('#form1 [name="' + name + '"]');
    if (!els.length) return '';
    if (els[0].type === 'radio') { for (var i = 0; i < els.length; i++) if (els[i].checked) return els[i].value; return ''; }
    return String(els[0].value || '').trim();
  }
  function optText(name) { var s = q('#form1 [name="' + name + '"]'); return s && s.value ? s.options[s.selectedIndex].text : ''; }
  function state() {
    var form = {};
    Object.keys(CFG.fieldMap).forEach(function (n) { form[CFG.fieldMap[n]] = val(n); });
    form.handleMode = CFG.handleModes[form.handleMode] || '';
    form.bank = optText('f_0207');
    form.district = optText('f_0211');
    form.region = form.district ? ['上海市', form.district] : [];
    if (form.handleMode !== '委托人办理') { form.agentName = ''; form.agentIdNo = ''; }
    var invoices = Array.prototype.map.call(document.querySelectorAll('#tbFp tbody tr.fp-row'), function (tr) {
      var r = {};
      Array.prototype.forEach.call(tr.querySelectorAll('input[type=hidden]'), function (h) { r[h.name.replace(/^.*\\./, '')] = h.value; });
      return { code: r.f_0311, number: r.f_0312, date: r.f_0313, type: CFG.visitTypes[r.f_0314] || '', hospital: r.f_0315, amount: r.f_0316, inpatientRange: r.f_0317 ? [r.f_0317, r.f_0318] : null };
    });
    var uploads = {};
    CFG.materials.forEach(function (m) {
      var input = q('#form1 input[name="' + m.name + '"]');
      uploads[m.label] = Array.prototype.map.call((input && input.files) || [], function (f) { return f.name; });
    });
    var idx = 0;
    ['#pane1', '#pane2', '#pane3'].forEach(function (s, i) { var p = q(s); if (p && p.style.display !== 'none') idx = i; });
    var title = q('.panel-title');
    return JSON.parse(JSON.stringify({
      step: ['basic', 'invoice', 'materials'][idx], stepIndex: idx, stepTitle: ['基本信息', '发票信息', '材料上传'][idx], loading: false, submitted: false,
      itemCode: val('itemCode'), itemName: title ? title.firstChild.textContent.trim() : '',
      form: form, invoices: invoices, uploads: uploads
    }));
  }
  window.__replica = { state: state };
})();
`;
}

/** Server-side view of a Bootstrap form POST in the same shape as state() (minus step). */
export function normalize(fields, files) {
  const f = fields && typeof fields === 'object' ? fields : {};
  const get = (k) => (Array.isArray(f[k]) ? f[k][0] : f[k]) ?? '';
  const form = {};
  for (const [name, key] of Object.entries(FIELD_MAP)) form[key] = get(name);
  form.handleMode = HANDLE_MODES[form.handleMode] || '';
  form.bank = BANKS.find((b) => b.value === form.bank)?.label || '';
  form.district = SH_DISTRICTS.find((d) => d.value === form.district)?.label || '';
  form.region = form.district ? ['上海市', form.district] : [];
  if (form.handleMode !== '委托人办理') { form.agentName = ''; form.agentIdNo = ''; }
  const rows = {};
  for (const [k, v] of Object.entries(f)) {
    const m = /^fp_list\[(\d+)\]\.(f_\d+)$/.exec(k);
    if (m && INVOICE_MAP[m[2]]) (rows[m[1]] ||= {})[INVOICE_MAP[m[2]]] = Array.isArray(v) ? v[0] : v;
  }
  const invoices = Object.keys(rows).sort((a, b) => a - b).map((i) => {
    const r = rows[i];
    return { code: r.code || '', number: r.number || '', date: r.date || '', type: VISIT_TYPES[r.type] || '', hospital: r.hospital || '', amount: r.amount || '', inpatientRange: r.inStart ? [r.inStart, r.inEnd || ''] : null };
  });
  const uploads = {};
  for (const m of MATERIAL_FIELDS) uploads[m.label] = (files || []).filter((x) => x.field === m.name).map((x) => x.filename);
  return { form, invoices, uploads };
}

export function errorPage(msg) {
  return doc({
    title: '提示信息',
    head: HEAD,
    body: `<div class="container" style="margin-top:60px"><div class="alert alert-danger"><strong>提示：</strong>${esc(msg)}</div><a href="https://zwdt.sh.gov.cn/">返回一网通办首页</a></div>`,
  });
}

export function successPage(no) {
  return doc({
    title: '提交成功',
    head: HEAD,
    body: `<iframe src="${CTX}/common/header.html" class="hd-iframe" frameborder="0" scrolling="no"></iframe>
<div class="container main"><div class="panel panel-success"><div class="panel-heading"><h3 class="panel-title">提交成功</h3></div>
<div class="panel-body"><p>您的申请已成功提交，申办流水号：<strong>${esc(no)}</strong>。</p><p>预审通过后将以短信方式通知您，请在一网通办“我的办件”中查看办理进度并发起物流申请。</p>
<p><a class="btn btn-primary" href="https://zwdt.sh.gov.cn/govPortals/my/banjian">查看我的办件</a></p></div></div></div>
<script>window.__replica = { state: function () { return { step: 'submitted', stepIndex: 3, stepTitle: '提交成功', submitted: true, form: {}, invoices: [], uploads: {} }; } };</script>`,
  });
}
