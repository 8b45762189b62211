import { handle } from '@/utils/messaging';
import type { PageInfo } from '@/utils/detect/page';
import { getPageInfo, runAutofill, setClaimContext, setLayout, type ClaimContext } from '@/utils/panel/messages';
import { runAutofill as fillPage, isTaughtMeaning, type TaughtMapping } from '@/utils/autofill';
import type { PanelHost } from './panel-host';
import { invoiceHandlers } from './invoice-handlers'; // invoice rows (issue 6)
import { getApplicationId } from '@/utils/drafts/messages'; // drafts keyed by the application (issue 10)
import { applicationIdOf } from '@/utils/page/application-id';

export interface PortalState {
  page: PageInfo | null;
  panel: PanelHost | null;
  /** Who files for whom (the panel's people chooser). */
  claimContext: ClaimContext | null;
  /** What the panel read from the invoices (医保类型, 交款人 …), kept apart so a new choice of people keeps them. */
  claimInvoices: ClaimContext['invoices'];
}

/** The guard's view of the claim: the people chosen, with the recognised invoices when there are any. */
export function claimForGuard(state: PortalState): ClaimContext | null {
  if (!state.claimContext && state.claimInvoices.length === 0) return null;
  const invoices = state.claimInvoices.length ? state.claimInvoices : (state.claimContext?.invoices ?? []);
  return { ...(state.claimContext ?? {}), invoices };
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
    // The application's number, where the page shows one (until the page model hands it over).
    handle(getApplicationId, () => ({
      application: applicationIdOf({
        url: location.href,
        texts: (document.body?.innerText ?? '').split('\n').slice(0, 3000),
        attributes: [...document.querySelectorAll<HTMLInputElement>('input[type=hidden][name]')].map((e) => ({ name: e.name, value: e.value })),
      }),
    })),
  ];
}
