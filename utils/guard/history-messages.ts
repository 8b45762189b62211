/**
 * The messages of the filed-invoice history (content script ↔ background), apart from the background's
 * handlers (utils/guard/history.ts) so the content script does not carry the database code or the full zod
 * build. Only 票据号码 (and 票据代码) cross — no names.
 */
import * as z from 'zod/mini';
import { defineMessage } from '@/utils/messaging';
import { itemKindSchema } from '@/utils/schemas';

export const invoiceRefSchema = z.object({
  number: z.string().check(z.regex(/^\d{6,20}$/)),
  code: z.optional(z.nullable(z.string().check(z.maxLength(20)))),
});

export const listFiledInvoices = defineMessage('history/list', z.optional(z.object({})), z.object({ numbers: z.array(z.string()) }));
export const reportPendingSubmission = defineMessage(
  'history/pending',
  z.object({
    invoices: z.array(invoiceRefSchema).check(z.maxLength(50)),
    item: z.nullable(itemKindSchema),
    /** Where the success may show besides the page itself: the URL its form posts to. */
    routes: z.optional(z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(4))),
  }),
  z.object({ ok: z.boolean() }),
);
export const confirmSubmission = defineMessage('history/confirm', z.optional(z.object({})), z.object({ recorded: z.number() }));

/**
 * Words a portal page shows after a successful submission. Not 办件编号 / 受理编号: 我的办件 lists
 * those for every application, filed or not.
 */
export const SUCCESS_TEXT = /提交成功|申请成功|申报成功|已成功提交/;
/** A success page later than this after 提交 belongs to something else. */
export const PENDING_TTL_MS = 10 * 60_000;
