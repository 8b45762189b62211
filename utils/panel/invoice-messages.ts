/**
 * Messages of the invoice section (issue 6) between the panel frame and the content script of the frame
 * hosting the form. Only confirmed row values cross to the page — never pictures or OCR text.
 */
import { z } from 'zod';
import { defineMessage } from '@/utils/messaging';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const invoiceRowValuesSchema = z.object({
  invoiceCode: z.string().max(40).nullable().optional(),
  invoiceNumber: z.string().max(40).nullable().optional(),
  issueDate: date.nullable().optional(),
  visitType: z.enum(['outpatient', 'emergency', 'inpatient']).nullable().optional(),
  hospital: z.string().max(200).nullable().optional(),
  totalAmount: z.string().max(20).nullable().optional(),
  hospitalizationPeriod: z.tuple([date, date]).nullable().optional(),
});

/** The 发票信息 rows already on the page (票据号码, 票据代码 when shown). */
export const listInvoiceRows = defineMessage(
  'panel/invoice-rows',
  z.object({}),
  z.object({ rows: z.array(z.object({ number: z.string(), code: z.string().nullable() })), canAdd: z.boolean() }),
);

const rowOutcome = z.object({
  id: z.string(),
  status: z.enum(['added', 'duplicate', 'failed']),
  /** Row fields that could not be filled (label as the page shows it, and why in plain words). */
  failed: z.array(z.object({ label: z.string(), reason: z.string() })).default([]),
  message: z.string().optional(),
});
export type InvoiceRowOutcome = z.infer<typeof rowOutcome>;

/** Adds one row per invoice: 新增 → fill the dialog → 确定 → check the row appeared. Never submits. */
export const fillInvoiceRows = defineMessage(
  'panel/invoice-fill',
  z.object({ invoices: z.array(z.object({ id: z.string(), values: invoiceRowValuesSchema })).max(50) }),
  z.object({ results: z.array(rowOutcome) }),
);

/** The recognised invoices for the page's guard (就诊类型 / 医保类型 …); kept when the people change. */
export const setClaimInvoices = defineMessage(
  'panel/invoice-claim',
  z.object({
    invoices: z.array(
      z.object({
        number: z.string().nullable(),
        code: z.string().nullable(),
        visitType: z.string().nullable(),
        insuranceType: z.string().nullable(),
        payerName: z.string().nullable(),
      }),
    ),
  }),
  z.object({ ok: z.boolean() }),
);
