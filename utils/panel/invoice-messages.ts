/**
 * Messages of the invoice section (issue 6) between the panel frame and the content script of the frame
 * hosting the form. Only confirmed row values cross to the page — never pictures or OCR text. Shapes: utils/schemas.
 */
import * as z from 'zod/mini';
import { defineMessage } from '@/utils/messaging';
import { claimInvoiceSchema, invoiceRowOutcomeSchema, invoiceRowSchema } from '@/utils/schemas';

export { invoiceRowSchema as invoiceRowValuesSchema };
export type { InvoiceRowOutcome } from '@/utils/schemas';

/**
 * The 发票信息 rows already on the page (票据号码, 票据代码 when shown), whether a row can be added here, and the
 * row values the page's row dialog requires (`invoice.hospital` …: the review asks for them before confirming).
 */
export const listInvoiceRows = defineMessage(
  'panel/invoice-rows',
  z.object({}),
  z.object({
    rows: z.array(z.object({ number: z.string(), code: z.nullable(z.string()) })),
    canAdd: z.boolean(),
    required: z._default(z.array(z.string()), []),
  }),
);

/** Adds one row per invoice: 新增 → fill the dialog → 确定 → check the row appeared. Never submits. */
export const fillInvoiceRows = defineMessage(
  'panel/invoice-fill',
  z.object({ invoices: z.array(z.object({ id: z.string(), values: invoiceRowSchema })).check(z.maxLength(50)) }),
  z.object({ results: z.array(invoiceRowOutcomeSchema) }),
);

/** The recognised invoices for the page's guard (就诊类型 / 医保类型 …); kept when the people change. */
export const setClaimInvoices = defineMessage('panel/invoice-claim', z.object({ invoices: z.array(claimInvoiceSchema) }), z.object({ ok: z.boolean() }));
