/**
 * Issue 14: the toolbar popup asks the page in its tab what it shows (`page/status`). Only the frame
 * that hosts the helper answers (address PAGE_HOST_ADDRESS); the reading is the adapter's
 * (utils/page-status/adapter.ts).
 */
import { createRouter, handle } from '@/utils/messaging';
import { getPageStatus, PAGE_HOST_ADDRESS } from '@/utils/page-status/messages';
import { readPageStatus } from '@/utils/page-status/adapter';
import { claimForGuard, type PortalState } from './handlers';

export function pageStatusListener(state: PortalState) {
  return createRouter(
    [
      handle(getPageStatus, ({ history }) =>
        readPageStatus(document, { page: state.page, claim: claimForGuard(state), invoicesRead: state.claimInvoices.length, history }),
      ),
    ],
    { address: () => (state.panel ? PAGE_HOST_ADDRESS : undefined) },
  );
}
