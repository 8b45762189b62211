/**
 * Messages between the helper's extension-origin panel (an iframe inside the portal page) and
 * the content script of the frame that hosts it. The panel addresses its host frame with the
 * one-time token it received in its URL hash, so several frames never answer for each other.
 */
import { z } from 'zod';
import { defineMessage } from '@/utils/messaging';

export const itemKindSchema = z.enum(['employee', 'resident']);

export const pageInfoSchema = z.union([
  z.object({ kind: z.literal('guide'), item: itemKindSchema }),
  z.object({ kind: z.literal('application'), item: itemKindSchema.nullable(), step: z.enum(['basic', 'invoice', 'materials', 'unknown']) }),
  z.object({ kind: z.literal('logistics'), item: itemKindSchema.nullable() }),
]);

export const getPageInfo = defineMessage(
  'panel/page-info',
  z.object({}),
  z.object({ page: pageInfoSchema.nullable() }),
);

/** The panel asks its host frame for a size: collapsed to a button, or as tall as its content. */
export const setLayout = defineMessage(
  'panel/set-layout',
  z.object({ collapsed: z.boolean(), height: z.number().int().min(40).max(4000).optional(), width: z.number().int().min(200).max(1200).optional() }),
  z.object({ collapsed: z.boolean() }),
);

/** The values of one person the page may receive — only what autofill puts into the form. */
export const personValuesSchema = z.object({
  name: z.string(),
  idNumber: z.string(),
  phone: z.string(),
  mailingAddress: z.string(),
  bankName: z.string(),
  bankAccount: z.string(),
  bankAccountName: z.string().optional(),
  postcode: z.string().optional(),
});

/** What the pre-submission guard needs to know about the claim that the page does not show. */
export const claimContextSchema = z.object({
  claimantName: z.string().optional(),
  claimantIdNumber: z.string().optional(),
  isMinor: z.boolean().optional(),
  deceased: z.boolean().optional(),
  delegated: z.boolean().optional(),
  claimantInsurance: itemKindSchema.optional(),
  invoices: z
    .array(
      z.object({
        number: z.string().nullable().optional(),
        code: z.string().nullable().optional(),
        visitType: z.string().nullable().optional(),
        insuranceType: z.string().nullable().optional(),
        payerName: z.string().nullable().optional(),
      }),
    )
    .default([]),
});
export type ClaimContext = z.infer<typeof claimContextSchema>;

export const setClaimContext = defineMessage('panel/set-claim-context', claimContextSchema, z.object({ ok: z.boolean() }));

const reportedField = z.object({ label: z.string(), meaning: z.string().nullable().optional(), starred: z.boolean().optional() });

/** The autofill engine's `FillReport` (utils/autofill/types.ts) as it crosses to the panel. */
export const fillReportSchema = z
  .object({
    filled: z.array(reportedField.extend({ value: z.string().optional() })),
    kept: z.array(reportedField).default([]),
    skipped: z.array(reportedField.extend({ reason: z.string(), message: z.string().optional() })),
    rejected: z.array(reportedField.extend({ reason: z.string() })),
    warnings: z.array(z.string()),
    summary: z.object({
      filled: z.number(),
      needManual: z.number(),
      manual: z.array(z.object({ label: z.string(), reason: z.string() })),
      text: z.string(),
    }),
    timing: z.object({ totalMs: z.number(), waitMs: z.number() }).optional(),
  });
export type FillReportWire = z.infer<typeof fillReportSchema>;

export const taughtMappingSchema = z.object({ label: z.string(), meaning: z.string(), host: z.string().optional() });

export const runAutofill = defineMessage(
  'panel/autofill',
  z.object({
    claimant: personValuesSchema,
    agent: personValuesSchema.nullable(),
    claimantInsurance: itemKindSchema.nullable(),
    overwrite: z.boolean(),
    mappings: z.array(taughtMappingSchema).default([]),
  }),
  fillReportSchema,
);
