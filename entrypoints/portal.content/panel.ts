/**
 * Feature: the helper's panel — one per window: a frame that finds a portal page mounts it in the topmost
 * same-origin document, unless another frame already did; this frame then answers the panel's messages.
 */
import { handle } from '@/utils/messaging';
import { getPageInfo, setLayout } from '@/utils/panel/messages';
import type { Feature } from '@/utils/content/features';
import { HOST_TAG, mountPanel, panelDocument } from './panel-host';
import type { PortalContext } from './context';
import { PAGE_HOST_ADDRESS } from '@/utils/page-status/messages';

export const panelFeature: Feature<PortalContext> = {
  name: 'panel',
  when: (page) => page !== null,
  start(ctx, signal) {
    const doc = panelDocument();
    if (doc.querySelector(HOST_TAG)) return;
    const panel = mountPanel(ctx.url('/panel.html'), doc);
    ctx.hub.listenAt(panel.token, signal);
    ctx.hub.listenAt(PAGE_HOST_ADDRESS, signal); // the toolbar popup asks the frame that hosts the panel (issue 14)
    ctx.hub.answer(
      [
        handle(getPageInfo, () => ({ page: ctx.page() })),
        handle(setLayout, ({ collapsed, height, width }) => {
          panel.setLayout(collapsed, height, width);
          return { collapsed };
        }),
      ],
      signal,
    );
    signal.addEventListener('abort', () => panel.remove());
  },
};
