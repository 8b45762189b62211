import { handle } from '@/utils/messaging';
import type { PageInfo } from '@/utils/detect/page';
import { getPageInfo, runAutofill, setClaimContext, setLayout, type ClaimContext } from '@/utils/panel/messages';
import { runAutofill as fillPage, isTaughtMeaning, type TaughtMapping } from '@/utils/autofill';
import type { PanelHost } from './panel-host';
import { invoiceHandlers } from './invoice-handlers'; // invoice rows (issue 6)

export interface PortalState {
  page: PageInfo | null;
  panel: PanelHost | null;
  claimContext: ClaimContext | null;
}

/** What the panel may ask of the page it sits in. */
export function portalHandlers(state: PortalState) {
  return [
    handle(getPageInfo, () => ({ page: state.page })),
    handle(setLayout, ({ collapsed, height, width }) => {
      state.panel?.setLayout(collapsed, height, width);
      return { collapsed };
    }),
    handle(runAutofill, async ({ claimant, agent, claimantInsurance, overwrite, mappings }) => {
      const item = state.page && state.page.kind !== 'guide' ? state.page.item : state.page?.item ?? null;
      const taught: TaughtMapping[] = mappings.flatMap((m) => (isTaughtMeaning(m.meaning) ? [{ ...m, meaning: m.meaning }] : []));
      return fillPage(document, { claimant, agent, item, claimantInsurance, overwrite }, { mappings: taught });
    }),
    handle(setClaimContext, (ctx) => {
      state.claimContext = ctx;
      return { ok: true };
    }),
    ...invoiceHandlers(state), // invoice rows (issue 6)
  ];
}
