/**
 * The page side of the invoice section (issue 6): list the rows the page shows and add the confirmed
 * invoices (the work is in utils/autofill/invoice-rows.ts).
 */
import { handle } from '@/utils/messaging';
import { findButtonByText, findInvoiceRows } from '@/utils/autofill';
import { ADD_TEXTS, addInvoiceRow } from '@/utils/autofill/invoice-rows';
import { t } from '@/utils/i18n';
import { fillInvoiceRows, listInvoiceRows, setClaimInvoices, type InvoiceRowOutcome } from '@/utils/panel/invoice-messages';
import type { PortalState } from './handlers';

export function invoiceHandlers(state: PortalState) {
  let busy = false;
  return [
    handle(listInvoiceRows, () => ({
      rows: findInvoiceRows(document).map((r) => ({ number: r.number, code: r.code })),
      canAdd: !!findButtonByText(document, ADD_TEXTS),
    })),
    handle(fillInvoiceRows, async ({ invoices }) => {
      if (busy) return { results: invoices.map((i) => ({ id: i.id, status: 'failed' as const, failed: [], message: t('invoiceUiRowBusy') })) };
      busy = true;
      try {
        const results: InvoiceRowOutcome[] = [];
        for (const inv of invoices) {
          try {
            results.push(await addInvoiceRow(document, inv.id, inv.values));
          } catch (e) {
            results.push({ id: inv.id, status: 'failed', failed: [], message: e instanceof Error ? e.message : String(e) });
          }
        }
        return { results };
      } finally {
        busy = false;
      }
    }),
    handle(setClaimInvoices, ({ invoices }) => {
      state.claimInvoices = invoices;
      return { ok: true };
    }),
  ];
}
