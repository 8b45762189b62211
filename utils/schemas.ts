/**
 * Shapes shared across the extension, each declared ONCE as a zod schema; the types are inferred from them and
 * the message definitions (utils/panel/*, utils/messaging) are built from them. Written with `zod/mini` (tree-
 * shakable, functional API) so the content script carries only the checks it uses, not the full zod build;
 * mini schemas nest inside classic `zod` schemas as they are.
 */
import * as z from 'zod/mini';

// ------------------------------------------------------------------------------------------------ items

/** 职保 (employee insurance) or 居保 (resident insurance): which item, and which insurance a person has. */
export const itemKindSchema = z.enum(['employee', 'resident']);
export type ItemKind = z.infer<typeof itemKindSchema>;

export const stepSchema = z.enum(['basic', 'invoice', 'materials', 'unknown']);
export type Step = z.infer<typeof stepSchema>;

// ------------------------------------------------------------------------------------------------ people

/** The values of one person the page may receive — only what autofill puts into the form. */
export const personValuesSchema = z.object({
  name: z.string(),
  idNumber: z.string(),
  phone: z.string(),
  /** Full mailing address, e.g. 上海市松江区泗泾镇泗通路225弄3号101室 */
  mailingAddress: z.string(),
  bankName: z.string(),
  bankAccount: z.string(),
  /** Defaults to `name`. */
  bankAccountName: z.optional(z.string()),
  postcode: z.optional(z.string()),
});
export type PersonValues = z.infer<typeof personValuesSchema>;

// ------------------------------------------------------------------------------------------------ invoices

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const visitTypeSchema = z.enum(['outpatient', 'emergency', 'inpatient']);
export type VisitType = z.infer<typeof visitTypeSchema>;

/** One 发票信息 row as the helper fills it (names as in `utils/invoice/types`; only confirmed values). */
export const invoiceRowSchema = z.object({
  invoiceCode: z.optional(z.nullable(z.string().check(z.maxLength(40)))),
  invoiceNumber: z.optional(z.nullable(z.string().check(z.maxLength(40)))),
  issueDate: z.optional(z.nullable(isoDate)),
  visitType: z.optional(z.nullable(visitTypeSchema)),
  hospital: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
  totalAmount: z.optional(z.nullable(z.string().check(z.maxLength(20)))),
  hospitalizationPeriod: z.optional(z.nullable(z.tuple([isoDate, isoDate]))),
});
export type InvoiceRowValues = z.infer<typeof invoiceRowSchema>;

/** A row field the page refused or that stayed empty: its label as the page shows it, its meaning, why. */
export const rowFieldProblemSchema = z.object({
  label: z.string(),
  /** `invoice.hospital` … when the helper understood the label. */
  meaning: z.optional(z.nullable(z.string())),
  reason: z.string(),
});

/** What happened to one invoice the panel asked the page to add. */
export const invoiceRowOutcomeSchema = z.object({
  id: z.string(),
  status: z.enum(['added', 'duplicate', 'failed']),
  /** Row fields that could not be filled or that the page refused (plain words). */
  failed: z._default(z.array(rowFieldProblemSchema), []),
  message: z.optional(z.string()),
});
export type InvoiceRowOutcome = z.infer<typeof invoiceRowOutcomeSchema>;

/**
 * What the guard may know about a recognised invoice that the page does not show (no pictures, no amounts):
 * 就诊类型 and 医保类型 as printed or as the reader's enum (`inpatient`, `resident` …), 交款人.
 */
export const claimInvoiceSchema = z.object({
  number: z.optional(z.nullable(z.string())),
  code: z.optional(z.nullable(z.string())),
  visitType: z.optional(z.nullable(z.string())),
  insuranceType: z.optional(z.nullable(z.string())),
  payerName: z.optional(z.nullable(z.string())),
});
export type ClaimInvoice = z.infer<typeof claimInvoiceSchema>;

/** What the guard needs to know about the claim that the page does not show (from the panel's people chooser). */
export const claimContextSchema = z.object({
  claimantName: z.optional(z.string()),
  claimantIdNumber: z.optional(z.string()),
  isMinor: z.optional(z.boolean()),
  deceased: z.optional(z.boolean()),
  delegated: z.optional(z.boolean()),
  claimantInsurance: z.optional(itemKindSchema),
  invoices: z._default(z.array(claimInvoiceSchema), []),
});
export type ClaimContext = z.infer<typeof claimContextSchema>;
