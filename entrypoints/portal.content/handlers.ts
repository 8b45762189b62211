import { handle } from '@/utils/messaging';
import type { PageInfo } from '@/utils/detect/page';
import { getPageInfo, setClaimContext, setLayout, type ClaimContext } from '@/utils/panel/messages';
import type { PanelHost } from './panel-host';

export interface PortalState {
  page: PageInfo | null;
  panel: PanelHost | null;
  claimContext: ClaimContext | null;
}

/** What the panel may ask of the page it sits in. */
export function portalHandlers(state: PortalState) {
  return [
    handle(getPageInfo, () => ({ page: state.page })),
    handle(setLayout, ({ collapsed }) => {
      state.panel?.setCollapsed(collapsed);
      return { collapsed };
    }),
    handle(setClaimContext, (ctx) => {
      state.claimContext = ctx;
      return { ok: true };
    }),
  ];
}
