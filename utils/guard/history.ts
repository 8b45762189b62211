/**
 * Invoices already filed from this device, for the `duplicate-invoice` rule. Only 票据号码 (and
 * 票据代码) cross to the content script — no names.
 *
 * When the user goes on with 提交, the content script reports the application's invoices as
 * *pending*; they become history only when a page then says the submission succeeded (提交成功 …),
 * so a 提交 the portal refused never turns into a false "already filed" warning.
 */
import { z } from 'zod';
import { browser } from 'wxt/browser';
import { defineMessage, handle } from '@/utils/messaging';
import { listHistory, recordFiledInvoices } from '@/utils/db';

const invoiceRef = z.object({ number: z.string().regex(/^\d{6,20}$/), code: z.string().max(20).nullable().optional() });

export const listFiledInvoices = defineMessage('history/list', z.object({}).optional(), z.object({ numbers: z.array(z.string()) }));
export const reportPendingSubmission = defineMessage(
  'history/pending',
  z.object({ invoices: z.array(invoiceRef).max(50), item: z.enum(['employee', 'resident']).nullable() }),
  z.object({ ok: z.boolean() }),
);
export const confirmSubmission = defineMessage('history/confirm', z.object({}).optional(), z.object({ recorded: z.number() }));

/** Words a portal page shows after a successful submission. */
export const SUCCESS_TEXT = /提交成功|申请成功|申报成功|办件编号|受理编号|已成功提交/;
/** A success page later than this after 提交 belongs to something else. */
export const PENDING_TTL_MS = 10 * 60_000;
const PENDING_KEY = 'history.pending';

type Pending = { invoices: Array<z.infer<typeof invoiceRef>>; item: string | null; at: number };

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
