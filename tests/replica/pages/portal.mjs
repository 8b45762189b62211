// 一网通办 portal pages on zwdt.sh.gov.cn: home, 办事指南, header/footer frames, embed wrapper, 404.
import { doc, esc, inlineJson, portalHeaderHtml, portalFooterHtml } from './layout.mjs';
import { ITEMS } from './data.mjs';

const CSS = `<link rel="stylesheet" href="/static/css/portal.css">`;

export function home() {
  const links = ITEMS.map((i) => `<li><a href="/govPortals/bsfw/item/${i.id}" target="_blank">${esc(i.name)}</a> <span style="color:#999;font-size:12px">${esc(i.dept)}</span></li>`).join('\n');
  return doc({
    title: '上海市一网通办',
    head: CSS,
    body: `${portalHeaderHtml()}
<div class="home-banner"><div class="gp-wrap"><h2>一网通办&nbsp;&nbsp;高效办成一件事</h2><p>上海市人民政府政务服务总门户</p></div></div>
<div class="gp-wrap">
  <div class="home-grid">
    <div class="gp-box"><div class="gp-box-hd">松江区医疗保障局</div><div class="gp-box-bd"><ul class="home-list">
${links}
      <li><a href="javascript:;">医保关系转移接续</a></li>
      <li><a href="javascript:;">异地就医备案</a></li>
    </ul></div></div>
    <div class="gp-box"><div class="gp-box-hd">热门服务</div><div class="gp-box-bd"><ul class="home-list">
      <li><a href="javascript:;">居住证办理</a></li><li><a href="javascript:;">公积金提取</a></li>
      <li><a href="javascript:;">社保卡申领</a></li><li><a href="/govPortals/my/banjian">我的办件</a></li>
    </ul></div></div>
  </div>
</div>
${portalFooterHtml()}`,
  });
}

/** Header served inside an iframe (links target the top window). */
export function headerFrame() {
  return doc({
    title: '一网通办',
    head: `${CSS}<base target="_top"><style>body{background:#fff}</style>`,
    body: portalHeaderHtml(),
  });
}

export function footerFrame() {
  return doc({ title: '一网通办', head: `${CSS}<base target="_top"><style>body{background:#2b3440}.gp-footer{margin:0}</style>`, body: portalFooterHtml() });
}

export function notFound() {
  return doc({
    title: '页面不存在 - 上海市一网通办',
    head: CSS,
    body: `${portalHeaderHtml()}<div class="gp-wrap"><div class="nf"><h1>404</h1><p>抱歉，您访问的页面不存在或已下线。</p><p><a href="/">返回首页</a></p></div></div>${portalFooterHtml()}`,
  });
}

export function maintenance() {
  return doc({
    title: '系统维护公告 - 上海市一网通办',
    head: CSS,
    body: `${portalHeaderHtml()}<div class="gp-wrap"><div class="nf"><h1 style="font-size:36px;color:#e6a23c">系统升级维护中</h1>
<p>为提供更好的服务，本系统正在进行升级维护，维护期间暂停网上申请服务，给您带来不便敬请谅解。</p><p>请稍后再试。</p><p><a href="/">返回首页</a></p></div></div>${portalFooterHtml()}`,
  });
}

/** What an application page answers after the login expired (replica mode `loggedOut`): the portal's own host. */
export function loginTimeout() {
  return doc({
    title: '登录超时 - 上海市一网通办',
    head: CSS,
    body: `${portalHeaderHtml()}<div class="gp-wrap"><div class="nf"><h1 style="font-size:32px;color:#e6a23c">登录超时</h1>
<p>您的登录状态已失效，请重新登录后再办理。</p><p><a href="https://zwdtuser.sh.gov.cn/uc/login/login.jsp">重新登录</a> &nbsp; <a href="/">返回首页</a></p></div></div>${portalFooterHtml()}`,
  });
}

/** Where 立即前往 leads. 职保 → Element SPA on zwdt; 居保 → old Bootstrap app on ywtb (override with ?app=). */
export function applyUrl(item, app) {
  const kind = app || (item.kind === '职保' ? 'element' : 'bootstrap');
  if (kind === 'bootstrap') return `https://ywtb.sh.gov.cn:18018/ac-product-net/netapply/apply.do?itemCode=${encodeURIComponent(item.code)}`;
  if (kind === 'embed') return `https://zwdt.sh.gov.cn/govPortals/apply/embed/${item.id}`;
  return `https://zwdt.sh.gov.cn/govPortals/apply/${item.id}/basic`;
}

export function guide(item, { app } = {}) {
  const url = applyUrl(item, app && ['element', 'bootstrap', 'embed'].includes(app) ? app : undefined);
  const footerIframe = item.kind === '居保';
  const data = {
    url,
    name: item.name,
    dept: item.dept,
    materials: [
      ['医疗费发票', '原件', '电子发票或纸质发票原件照片；纸质原件由快递上门收取', '1', '必要'],
      ['医疗费用明细清单（发票明细）', '原件', '与发票对应的费用明细', '1', '必要'],
      ['报销人身份证', '原件', '未成年人无身份证的提供户口本本人页；报销人员过世的提供死亡证明或户籍注销证明或火化证明', '1', '必要'],
      ['报销人社会保障卡', '原件', '无社保卡的提供医保卡', '1', '必要'],
      ['报销人银行卡', '原件', '报销人本人的银行卡（借记卡）', '1', '必要'],
      ['出院小结', '复印件', '报销住院医疗费的提供', '1', '容缺后补'],
      ['被委托人身份证', '原件', '委托他人办理的提供被委托人（一网通办账号持有人）身份证', '1', '非必要'],
    ],
  };
  return doc({
    title: `${item.name} - 办事指南 - 上海市一网通办`,
    head: `${CSS}<script src="/vendor/vue.min.js"></script>`,
    body: `<iframe class="hd-frame" src="/govPortals/common/header" scrolling="no" frameborder="0" title="页头"></iframe>
<div id="guide-app" class="gp-wrap">
  <div class="gp-crumb"><a href="/">首页</a> &gt; <a href="javascript:;">个人服务</a> &gt; <a href="javascript:;">{{ dept }}</a> &gt; 办事指南</div>
  <div class="guide-head">
    <h1>{{ name }}</h1>
    <div class="guide-tags"><span>全程网办</span><span>零跑动</span><span>快递收件</span><span>承诺件</span></div>
    <div class="guide-meta"><span>实施主体：<b>{{ dept }}</b></span><span>办件类型：<b>承诺件</b></span><span>承诺时限：<b>10个工作日</b></span><span>是否收费：<b>不收费</b></span></div>
    <div class="guide-actions">
      <button type="button" class="btn-gov">收藏</button>
      <button type="button" class="btn-gov">在线咨询</button>
      <button type="button" class="btn-gov primary" @click="showTip = true">立即办理</button>
    </div>
  </div>
  <div class="guide-tabs"><a href="javascript:;" :class="{on: tab===0}" @click="tab=0">办事指南</a><a href="javascript:;" :class="{on: tab===1}" @click="tab=1">办理流程</a><a href="javascript:;" :class="{on: tab===2}" @click="tab=2">常见问题</a></div>
  <div class="gp-box" v-show="tab===0">
    <div class="gp-box-hd">基本信息</div>
    <div class="gp-box-bd"><table class="gtable">
      <tr><th>事项名称</th><td>{{ name }}</td><th>事项类型</th><td>公共服务</td></tr>
      <tr><th>实施主体</th><td>{{ dept }}</td><th>受理机构</th><td>上海市松江区医疗保险事务中心</td></tr>
      <tr><th>办理形式</th><td>网上办理、窗口办理</td><th>到现场次数</th><td>0次</td></tr>
      <tr><th>法定办结时限</th><td>20个工作日</td><th>承诺办结时限</th><td>10个工作日</td></tr>
    </table></div>
    <div class="gp-box-hd">受理条件</div>
    <div class="gp-box-bd">
      <p>在本市参加职工医保或居民医保的松江区居民，发生以下医疗费用的，可申请零星报销：</p>
      <p>1. 在外省市医疗保险定点医疗机构发生的急诊医疗费；</p>
      <p>2. 在本市因院前急救发生的医疗费，以及医疗保险卡报损或报失期间发生的门急诊医疗费；</p>
      <p>3. 就医关系转外省市的参保人员在外省市居住地发生的门急诊、急诊观察室留院观察及住院医疗费。</p>
    </div>
    <div class="gp-box-hd">办理材料</div>
    <div class="gp-box-bd"><table class="gtable">
      <thead><tr><th style="width:50px">序号</th><th>材料名称</th><th style="width:80px">材料形式</th><th>材料要求</th><th style="width:50px">份数</th><th style="width:80px">必要性</th></tr></thead>
      <tbody><tr v-for="(m, i) in materials" :key="i"><td>{{ i + 1 }}</td><td>{{ m[0] }}</td><td>{{ m[1] }}</td><td>{{ m[2] }}</td><td>{{ m[3] }}</td><td>{{ m[4] }}</td></tr></tbody>
    </table></div>
    <div class="gp-box-hd">办理地点</div>
    <div class="gp-box-bd"><p>松江区行政服务中心（松江区荣乐东路2388号）医保综合窗口；工作日 9:00-17:00。</p><p>咨询电话：021-00000000（仅供演示）</p></div>
  </div>
  <div class="gp-box" v-show="tab===1"><div class="gp-box-hd">办理流程</div><div class="gp-box-bd">
    <p>1. 网上申请：登录一网通办，点击“立即办理”，填写基本信息、发票信息并上传材料；</p>
    <p>2. 预审：工作人员审核材料，预审通过后短信通知；</p>
    <p>3. 物流申请：在“我的办件”中点击“查看与评价”发起物流申请，选择EMS、线下支付，快递员上门收取纸质原件（取件地址限松江区内）；</p>
    <p>4. 办结：一般在10个工作日内报销款发放至报销人银行卡。</p>
  </div></div>
  <div class="gp-box" v-show="tab===2"><div class="gp-box-hd">常见问题</div><div class="gp-box-bd">
    <p>问：职保人员和居保人员如何选择？<br>答：根据报销发票上报销人的人员类型选择对应事项。</p>
    <p>问：邮寄地址可以填写松江区以外吗？<br>答：目前仅支持松江区内地址。</p>
  </div></div>

  <div v-if="showTip">
    <div class="gmodal-mask" @click="showTip = false"></div>
    <div class="gmodal" role="dialog">
      <div class="gmodal-hd">温馨提示<span class="gmodal-close" @click="showTip = false">×</span></div>
      <div class="gmodal-bd">
        <p>本事项已实现“全程网办”。请根据报销发票上报销人的人员类型，确认选择“{{ name }}”。</p>
        <p>办理过程中请按要求填写标有 <span style="color:#e23b2e">*</span> 号的内容并上传材料，预审通过后请及时在“我的办件”中发起物流申请。</p>
      </div>
      <div class="gmodal-ft">
        <button type="button" class="btn-gov" @click="showTip = false">取消</button>
        <button type="button" class="btn-gov blue" id="bwptBtn" @click="go">立即前往</button>
      </div>
    </div>
  </div>
</div>
${footerIframe ? '<iframe class="ft-frame" src="/govPortals/common/footer" scrolling="no" frameborder="0" title="页脚"></iframe>' : portalFooterHtml()}
<script>
(function () {
  var d = ${inlineJson(data)};
  d.tab = 0; d.showTip = false;
  new Vue({ el: '#guide-app', data: d, methods: { go: function () { this.showTip = false; window.open(this.url, '_blank'); } } });
})();
</script>`,
  });
}

/** A page whose application form lives in a same-origin iframe (the Element app). */
export function embed(item) {
  return doc({
    title: `${item.name} - 网上申请 - 上海市一网通办`,
    head: `${CSS}<style>.embed-frame{display:block;width:100%;height:1250px;border:0;background:#fff}</style>`,
    body: `${portalHeaderHtml()}
<div class="gp-wrap">
  <div class="gp-crumb"><a href="/">首页</a> &gt; ${esc(item.dept)} &gt; 网上申请</div>
  <div class="gp-box"><div class="gp-box-hd">${esc(item.name)}</div>
    <div class="gp-box-bd" style="padding:0"><iframe class="embed-frame" name="applyFrame" src="/govPortals/apply/${item.id}/basic?embed=1" title="网上申请"></iframe></div>
  </div>
</div>
${portalFooterHtml()}
<script>
window.__replica = {
  frame: function () { return document.querySelector('iframe[name=applyFrame]'); },
  state: function () { var w = document.querySelector('iframe[name=applyFrame]').contentWindow; return w.__replica ? w.__replica.state() : null; }
};
</script>`,
  });
}

/** localhost index: every page URL and the Chromium flags. */
export function devIndex(replica) {
  const urls = replica.urls();
  const rows = Object.entries(urls).map(([k, v]) => `<tr><td>${esc(k)}</td><td><a href="${esc(v)}">${esc(v)}</a></td></tr>`).join('\n');
  return doc({
    title: '一网通办本地复刻',
    head: CSS,
    body: `<div class="gp-wrap" style="background:#fff;padding:20px;margin-top:20px">
<h2>一网通办本地复刻（测试夹具）</h2>
<p>以下地址需在 Chromium 启动参数中加入：</p>
<pre style="background:#f5f5f5;padding:10px;white-space:pre-wrap">${esc(replica.chromiumArgs.map((a) => JSON.stringify(a)).join(' '))}</pre>
<table class="gtable">${rows}</table>
<p><a href="/__replica/submissions">/__replica/submissions</a> · <a href="/__replica/uploads">/__replica/uploads</a></p>
</div>`,
  });
}
