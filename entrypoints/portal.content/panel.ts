/**
 * Feature: the helper's panel — one per window: a frame that finds a portal page mounts it in the topmost
 * same-origin document, unless another frame already did; this frame then answers the panel's messages.
 */
import { handle } from '@/utils/messaging';
import { getPageInfo, setLayout } from '@/utils/panel/messages';
import type { Feature } from '@/utils/content/features';
import { hasLivePanel, mountPanel, panelDocument, type PanelHost } from './panel-host';
import type { PortalContext } from './context';
import { PAGE_HOST_ADDRESS } from '@/utils/page-status/messages';

export const panelFeature: Feature<PortalContext> = {
  name: 'panel',
  when: (page) => page !== null,
  start(ctx, signal) {
    let panel: PanelHost | null = null;
    const place = () => {
      const doc = panelDocument();
      // another frame's live panel serves this window; a panel nobody answers for is removed (issue 10 item 10)
      if (panel || hasLivePanel(doc)) return;
      const mounted = mountPanel(ctx.url('/panel.html'), { doc, alive: () => ctx.alive() && !signal.aborted, onGone: () => (panel = null) });
      panel = mounted;
      ctx.hub.listenAt(mounted.token, signal);
    };
    place();
    if (!panel) return; // another frame hosts the panel of this window
    // back from the back-forward cache: the panel went with `pagehide`
    const onShow = (e: PageTransitionEvent) => {
      if (e.persisted && ctx.alive()) place();
    };
    window.addEventListener('pageshow', onShow, { signal });
    ctx.hub.listenAt(PAGE_HOST_ADDRESS, signal); // the toolbar popup asks the frame that hosts the panel (issue 14)
    ctx.hub.answer(
      [
        handle(getPageInfo, () => ({ page: ctx.page() })),
        handle(setLayout, ({ collapsed, height, width }) => {
          panel?.setLayout(collapsed, height, width);
          return { collapsed };
        }),
      ],
      signal,
    );
    signal.addEventListener('abort', () => {
      panel?.remove();
      panel = null;
    });
  },
};
