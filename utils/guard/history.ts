/**
 * Invoices already filed from this device, for the `duplicate-invoice` rule. Only 票据号码 (and
 * 票据代码) cross to the content script — no names.
 *
 * When the user goes on with 提交, the content script reports the application's invoices as
 * *pending*; they become history only when a page then says the submission succeeded (提交成功 …),
 * so a 提交 the portal refused never turns into a false "already filed" warning.
 */
import type * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { handle } from '@/utils/messaging';
import { listHistory, recordFiledInvoices } from '@/utils/db';
import { confirmSubmission, listFiledInvoices, reportPendingSubmission, PENDING_TTL_MS, type invoiceRefSchema } from './history-messages';

// The message definitions live in ./history-messages (the content script imports them without this module).
export { confirmSubmission, listFiledInvoices, reportPendingSubmission, SUCCESS_TEXT, PENDING_TTL_MS } from './history-messages';
const PENDING_KEY = 'history.pending';

type Pending = { invoices: Array<z.infer<typeof invoiceRefSchema>>; item: string | null; at: number };

/** Background handlers: content scripts may call them (numbers only, no personal data). */
export function historyHandlers(now: () => number = Date.now) {
  const area = browser.storage.session;
  return [
    handle(listFiledInvoices, async () => ({ numbers: [...new Set((await listHistory()).map((h) => h.invoiceNumber))] }), { allowContentScripts: true }),
    handle(
      reportPendingSubmission,
      async ({ invoices, item }) => {
        await area.set({ [PENDING_KEY]: { invoices, item, at: now() } satisfies Pending });
        return { ok: true };
      },
      { allowContentScripts: true },
    ),
    handle(
      confirmSubmission,
      async () => {
        const pending = (await area.get(PENDING_KEY))[PENDING_KEY] as Pending | undefined;
        await area.remove(PENDING_KEY);
        if (!pending || now() - pending.at > PENDING_TTL_MS || pending.invoices.length === 0) return { recorded: 0 };
        await recordFiledInvoices(pending.invoices.map((i) => ({ invoiceNumber: i.number, invoiceCode: i.code ?? undefined, itemId: pending.item ?? undefined })));
        return { recorded: pending.invoices.length };
      },
      { allowContentScripts: true },
    ),
  ];
}
