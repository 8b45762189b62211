// Shell of the Vue 2 + Element UI application (single-page; steps via history.pushState).
import { doc, esc, inlineJson } from './layout.mjs';

export function render({ item, basePath, embedded = false, submitOnEnter = false, siteTitle = '上海市一网通办' }) {
  const boot = { itemId: item.id, basePath, embedded, submitOnEnter };
  return doc({
    title: `${item.name} - ${siteTitle}`,
    bodyClass: embedded ? 'is-embedded' : '',
    head: `<link rel="stylesheet" href="/vendor/element-ui/theme-chalk/index.css">
<link rel="stylesheet" href="/static/css/portal.css">
<link rel="stylesheet" href="/static/css/apply-el.css">`,
    body: `<noscript>您的浏览器未启用JavaScript，请启用后再访问本页面。</noscript>
<div id="app"><div class="app-boot"><div class="app-boot-spin"></div></div></div>
<script>window.__GOV_APPLY_CONF__ = ${inlineJson(boot)};</script>
<script src="/vendor/vue.min.js"></script>
<script src="/vendor/element-ui/index.js"></script>
<script src="/static/js/apply-el.js"></script>`,
  });
}

export { esc };
