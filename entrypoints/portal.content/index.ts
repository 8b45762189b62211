import { watchPage } from '@/utils/detect/watch';
import type { PageInfo } from '@/utils/detect/page';
import { createRouter } from '@/utils/messaging';
import { HOST_TAG, mountPanel, panelDocument } from './panel-host';
import { portalHandlers, type PortalState } from './handlers';
import { createGuardFeature } from './guard-feature';
import { pageStatusListener } from './page-status-handler'; // issue 14: the popup asks what the page shows
import { onSessionEnded } from '@/utils/drafts/session-end';

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

    const state: PortalState = { page: null, panel: null, claimContext: null, claimInvoices: [] };
    const controller = new AbortController();
    ctx.onInvalidated(() => {
      controller.abort();
      state.panel?.remove();
      delete root.dataset.zwdtHelper;
    });

    const listener = createRouter(portalHandlers(state), { address: () => state.panel?.token });
    browser.runtime.onMessage.addListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener as Parameters<typeof browser.runtime.onMessage.removeListener>[0]));

    type Listener = Parameters<typeof browser.runtime.onMessage.addListener>[0];
    const statusListener = pageStatusListener(state) as Listener; // issue 14
    browser.runtime.onMessage.addListener(statusListener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(statusListener));
    // 结束本次服务: drop the claimant's values held for the guard (issue 10 item 13).
    ctx.onInvalidated(
      onSessionEnded(() => {
        state.claimContext = null;
        state.claimInvoices = [];
      }),
    );

    // Pre-submission warnings (issue 7) on the application and 物流申请 pages.
    const guard = createGuardFeature(state);
    ctx.onInvalidated(() => guard.dispose());

    watchPage({
      doc: document,
      getUrl: () => location.href,
      signal: controller.signal,
      onChange(page: PageInfo | null) {
        state.page = page;
        root.dataset.zwdtHelperPage = page ? page.kind : 'none';
        guard.update(page);
        // One panel per window: a frame that finds the application mounts it in the topmost
        // same-origin document, unless another frame already did.
        const doc = panelDocument();
        if (page && !state.panel && !doc.querySelector(HOST_TAG)) state.panel = mountPanel(browser.runtime.getURL('/panel.html'), doc);
        if (!page && state.panel) {
          state.panel.remove();
          state.panel = null;
        }
      },
    });
  },
});
