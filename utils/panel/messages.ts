/**
 * Messages between the helper's extension-origin panel (an iframe inside the portal page) and
 * the content script of the frame that hosts it. The panel addresses its host frame with the
 * one-time token it received in its URL hash, so several frames never answer for each other.
 * Shapes shared with other parts (item kinds, people, the claim) come from utils/schemas; `zod/mini`
 * keeps the content script light.
 */
import * as z from 'zod/mini';
import { defineMessage } from '@/utils/messaging';
import { claimContextSchema, itemKindSchema, personValuesSchema, stepSchema } from '@/utils/schemas';

export { itemKindSchema, personValuesSchema, claimContextSchema };
export type { ClaimContext } from '@/utils/schemas';

export const pageInfoSchema = z.union([
  z.object({ kind: z.literal('guide'), item: itemKindSchema }),
  z.object({ kind: z.literal('application'), item: z.nullable(itemKindSchema), step: stepSchema }),
  z.object({ kind: z.literal('logistics'), item: z.nullable(itemKindSchema) }),
]);

export const getPageInfo = defineMessage('panel/page-info', z.object({}), z.object({ page: z.nullable(pageInfoSchema) }));

/** The panel asks its host frame for a size: collapsed to a button, or as tall as its content. */
export const setLayout = defineMessage(
  'panel/set-layout',
  z.object({
    collapsed: z.boolean(),
    height: z.optional(z.number().check(z.int(), z.minimum(40), z.maximum(4000))),
    width: z.optional(z.number().check(z.int(), z.minimum(200), z.maximum(1200))),
  }),
  z.object({ collapsed: z.boolean() }),
);

export const setClaimContext = defineMessage('panel/set-claim-context', claimContextSchema, z.object({ ok: z.boolean() }));

const reportedField = z.object({ label: z.string(), meaning: z.optional(z.nullable(z.string())), starred: z.optional(z.boolean()) });

/** The autofill engine's `FillReport` (utils/autofill/types.ts) as it crosses to the panel. */
export const fillReportSchema = z.object({
  filled: z.array(z.extend(reportedField, { value: z.optional(z.string()) })),
  kept: z._default(z.array(reportedField), []),
  skipped: z.array(z.extend(reportedField, { reason: z.string(), message: z.optional(z.string()) })),
  rejected: z.array(z.extend(reportedField, { reason: z.string() })),
  warnings: z.array(z.string()),
  summary: z.object({
    filled: z.number(),
    needManual: z.number(),
    manual: z.array(z.object({ label: z.string(), reason: z.string(), meaning: z.optional(z.nullable(z.string())) })),
    text: z.string(),
  }),
  timing: z.optional(z.object({ totalMs: z.number(), waitMs: z.number() })),
});
export type FillReportWire = z.infer<typeof fillReportSchema>;

export const taughtMappingSchema = z.object({ label: z.string(), meaning: z.string(), host: z.optional(z.string()) });

export const runAutofill = defineMessage(
  'panel/autofill',
  z.object({
    claimant: personValuesSchema,
    agent: z.nullable(personValuesSchema),
    claimantInsurance: z.nullable(itemKindSchema),
    overwrite: z.boolean(),
    mappings: z._default(z.array(taughtMappingSchema), []),
  }),
  fillReportSchema,
);

