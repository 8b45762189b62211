/**
 * Feature: 发票信息 rows (issue 6) — list the rows the page shows (and what a new row needs, from the page
 * model), and add the invoices the user confirmed (the work is in utils/autofill/invoice-rows.ts).
 */
import { handle } from '@/utils/messaging';
import { findButtonByText, findInvoiceRows } from '@/utils/autofill';
import { ADD_TEXTS, addInvoiceRow } from '@/utils/autofill/invoice-rows';
import { readRowRequirements } from '@/utils/page/model';
import { t } from '@/utils/i18n';
import { fillInvoiceRows, listInvoiceRows, type InvoiceRowOutcome } from '@/utils/panel/invoice-messages';
import type { Feature } from '@/utils/content/features';
import type { PortalContext } from './context';

export function invoiceRowHandlers(doc: Document) {
  let busy = false;
  return [
    handle(listInvoiceRows, () => ({
      rows: findInvoiceRows(doc).map((r) => ({ number: r.number, code: r.code })),
      canAdd: !!findButtonByText(doc, ADD_TEXTS),
      required: readRowRequirements(doc).meanings,
    })),
    handle(fillInvoiceRows, async ({ invoices }) => {
      if (busy) return { results: invoices.map((i) => ({ id: i.id, status: 'failed' as const, failed: [], message: t('invoiceUiRowBusy') })) };
      busy = true;
      try {
        const results: InvoiceRowOutcome[] = [];
        for (const inv of invoices) {
          try {
            results.push(await addInvoiceRow(doc, inv.id, inv.values));
          } catch (e) {
            results.push({ id: inv.id, status: 'failed', failed: [], message: e instanceof Error ? e.message : String(e) });
          }
        }
        return { results };
      } finally {
        busy = false;
      }
    }),
  ];
}

export const invoiceRowsFeature: Feature<PortalContext> = {
  name: 'invoice-rows',
  when: (page) => page?.kind === 'application',
  start(ctx, signal) {
    ctx.hub.answer(invoiceRowHandlers(ctx.doc), signal);
  },
};
