import { watchPage } from '@/utils/detect/watch';
import type { PageInfo } from '@/utils/detect/page';
import { createRouter } from '@/utils/messaging';
import { hasLivePanel, mountPanel, panelDocument } from './panel-host';
import { portalHandlers, type PortalState } from './handlers';
import { createGuardFeature } from './guard-feature';
import { quietly, watchForStaleness } from './lifecycle';

/**
 * The portal content script (all frames of zwdt.sh.gov.cn / ywtb.sh.gov.cn): it only decides
 * which page this is and mounts the features; the features live in utils/.
 */
export default defineContentScript({
  matches: ['https://zwdt.sh.gov.cn/*', 'https://ywtb.sh.gov.cn/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    const root = document.documentElement;
    if (root.dataset.zwdtHelper) return; // injected twice (extension reload): the first one serves
    root.dataset.zwdtHelper = 'loaded';
    root.dataset.zwdtHelperPage = 'none';

    // Extension updated while the page stays open: everything below steps aside (issue 10).
    watchForStaleness(ctx);
    const state: PortalState = { page: null, panel: null, claimContext: null, claimInvoices: [] };
    const controller = new AbortController();
    ctx.onInvalidated(
      quietly(() => {
        controller.abort();
        state.panel?.remove();
        state.panel = null;
        delete root.dataset.zwdtHelper;
      }),
    );

    const listener = createRouter(portalHandlers(state), { address: () => state.panel?.token });
    browser.runtime.onMessage.addListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
    ctx.onInvalidated(quietly(() => browser.runtime.onMessage.removeListener(listener as Parameters<typeof browser.runtime.onMessage.removeListener>[0])));

    // Pre-submission warnings (issue 7) on the application and 物流申请 pages.
    const guard = createGuardFeature(state, document, () => ctx.isValid);
    ctx.onInvalidated(quietly(() => guard.dispose()));

    // One panel per window: a frame that finds the application mounts it in the topmost
    // same-origin document, unless another frame's live panel is there.
    const placePanel = () => {
      const doc = panelDocument();
      if (state.page && !state.panel && !hasLivePanel(doc)) {
        state.panel = mountPanel(browser.runtime.getURL('/panel.html'), { doc, alive: () => ctx.isValid, onGone: () => (state.panel = null) });
      }
      if (!state.page && state.panel) {
        state.panel.remove();
        state.panel = null;
      }
    };
    // back from the back-forward cache: the panel went with `pagehide`
    ctx.addEventListener(window, 'pageshow', (e) => {
      if ((e as PageTransitionEvent).persisted && ctx.isValid) placePanel();
    });

    watchPage({
      doc: document,
      getUrl: () => location.href,
      signal: controller.signal,
      onChange(page: PageInfo | null) {
        state.page = page;
        root.dataset.zwdtHelperPage = page ? page.kind : 'none';
        if (ctx.isInvalid) return;
        guard.update(page);
        placePanel();
      },
    });
  },
});
