import { watchPage } from '@/utils/detect/watch';
import { PORTAL_MATCHES } from '@/utils/hosts';
import { FEATURE_HOST_KEY, runFeatures, type Feature, type FeatureHost } from '@/utils/content/features';
import { createClaim } from '@/utils/content/claim';
import { createHub } from '@/utils/content/hub';
import { loadPageFeatures } from '@/utils/content/load-features';
import { SUCCESS_TEXT } from '@/utils/guard/history-messages';
import { sendMessage } from '@/utils/messaging';
import type { PageInfo } from '@/utils/detect/page';
import type { PortalContext } from './context';
import { panelFeature } from './panel';
import { claimFeature } from './claim';
import { watchForOutage } from './kept-notice';
import { quietly, watchForStaleness } from './lifecycle';

/**
 * The portal content script (all frames of zwdt.sh.gov.cn / ywtb.sh.gov.cn): it decides which page this is and
 * runs the features whose page condition holds; each feature cleans up after itself. The page features (page
 * model, autofill, invoice rows, the guard) are loaded only into frames that show the application or 物流申请
 * (entrypoints/portal-features.ts), so every other frame carries only this small script.
 */
export default defineContentScript({
  matches: PORTAL_MATCHES,
  allFrames: true,
  runAt: 'document_idle',
  main(wxt) {
    const root = document.documentElement;
    if (root.dataset.zwdtHelper) return; // injected twice (extension reload): the first one serves
    root.dataset.zwdtHelper = 'loaded';
    root.dataset.zwdtHelperPage = 'none';

    // Extension updated while the page stays open: everything below steps aside (issue 10 item 10).
    watchForStaleness(wxt);
    let page: PageInfo | null = null;
    const hub = createHub();
    const claim = createClaim();
    const ctx: PortalContext = { doc: document, page: () => page, claim, hub, alive: () => wxt.isValid, url: (path) => browser.runtime.getURL(path as '/panel.html') };
    const controller = new AbortController();

    let requested = false;
    const loadPage = () => {
      if (requested) return;
      requested = true;
      const done = sendMessage(loadPageFeatures, {}).catch((err) => {
        requested = false; // the background was asleep or updating: ask again on the next change
        console.warn('[zwdt] page features not loaded', err);
      });
      hub.loading(done);
    };
    // A submission's success page reached by navigation: the page features note the filed invoices there.
    if (SUCCESS_TEXT.test(document.body?.innerText ?? '')) loadPage();
    const pageFeatures: Feature<PortalContext> = {
      name: 'load-page-features',
      when: (p) => p?.kind === 'application' || p?.kind === 'logistics',
      start: loadPage,
    };

    const features = runFeatures([panelFeature, claimFeature, pageFeatures], ctx);
    const host: FeatureHost<PortalContext> = { ctx, signal: controller.signal, add: (more) => features.add(more), loaded: false };
    (globalThis as Record<string, unknown>)[FEATURE_HOST_KEY] = host;

    const listener = hub.listener as Parameters<typeof browser.runtime.onMessage.addListener>[0];
    browser.runtime.onMessage.addListener(listener);
    wxt.onInvalidated(
      quietly(() => {
        controller.abort();
        features.dispose();
        delete (globalThis as Record<string, unknown>)[FEATURE_HOST_KEY];
        delete root.dataset.zwdtHelper;
        browser.runtime.onMessage.removeListener(listener); // may throw: the extension's APIs are gone
      }),
    );

    // Issue 10: a 登录超时 / 系统维护 page (or message) says that what was typed here is kept.
    watchForOutage(document, controller.signal);

    watchPage({
      doc: document,
      getUrl: () => location.href,
      signal: controller.signal,
      onChange(next) {
        page = next;
        root.dataset.zwdtHelperPage = next ? next.kind : 'none';
        if (wxt.isInvalid) return;
        features.update(next);
      },
    });
  },
});
