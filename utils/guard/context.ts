/** The guard's context from what the content script holds: the panel's claim context and the page detector's verdict. */
import type { PageInfo } from '@/utils/detect/page';
import type { ClaimContext } from '@/utils/schemas';
import type { GuardContext } from './read-page';

export function guardContextFrom(claim: ClaimContext | null, page: PageInfo | null, history: string[] = []): GuardContext {
  const { claimantInsurance: _ignored, ...rest } = claim ?? { invoices: [] };
  return {
    ...rest,
    page: page?.kind === 'logistics' ? 'logistics' : page?.kind === 'application' ? 'application' : null,
    item: page && page.kind !== 'guide' ? page.item : null,
    history,
  };
}
