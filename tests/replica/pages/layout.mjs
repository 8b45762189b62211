// HTML helpers shared by the replica pages.

export const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

/** Inline JSON safe for a <script> element. */
export const inlineJson = (v) => JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

export function doc({ title, head = '', body, bodyClass = '' }) {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="keywords" content="一网通办,上海市,政务服务,办事指南">
<title>${esc(title)}</title>
<link rel="icon" href="/favicon.ico">
${head}
</head>
<body${bodyClass ? ` class="${bodyClass}"` : ''}>
${body}
</body>
</html>`;
}

/** The portal header as rendered inline (Vue-era pages that do not use the header iframe). */
export function portalHeaderHtml({ user = '张**' } = {}) {
  return `<div class="gp-topbar"><div class="gp-wrap">
  <span class="gp-topbar-l">上海市人民政府&nbsp;&nbsp;|&nbsp;&nbsp;<a href="/">一网通办</a></span>
  <span class="gp-topbar-r"><a href="javascript:;">无障碍</a><a href="javascript:;">长者模式</a><a href="javascript:;">English</a>
  <span class="gp-user"><i class="gp-ico-user"></i><a href="/govPortals/my/banjian">${esc(user)}</a>&nbsp;您好</span><a href="javascript:;">退出</a></span>
</div></div>
<div class="gp-header"><div class="gp-wrap">
  <a class="gp-logo" href="/"><span class="gp-logo-emblem">沪</span><span class="gp-logo-t1">上海市</span><span class="gp-logo-t2">一网通办</span></a>
  <div class="gp-search"><input type="text" class="gp-search-input" placeholder="搜索 事项、服务、政策" autocomplete="off"><button type="button" class="gp-search-btn">搜索</button></div>
</div></div>
<div class="gp-nav"><div class="gp-wrap"><a href="/">首页</a><a href="javascript:;" class="on">个人服务</a><a href="javascript:;">法人服务</a><a href="javascript:;">主题服务</a><a href="javascript:;">区级旗舰店</a><a href="javascript:;">好差评</a></div></div>`;
}

export function portalFooterHtml() {
  return `<div class="gp-footer"><div class="gp-wrap">
  <p><a href="javascript:;">网站地图</a> | <a href="javascript:;">关于我们</a> | <a href="javascript:;">联系我们</a> | <a href="javascript:;">使用帮助</a></p>
  <p>主办：上海市人民政府办公厅&nbsp;&nbsp;运行管理：上海市大数据中心</p>
  <p>沪ICP备2022000000号-1&nbsp;&nbsp;沪公网安备31010102000000号&nbsp;&nbsp;政府网站标识码：3100000000</p>
</div></div>`;
}
