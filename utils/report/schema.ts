/**
 * The structure report (issue 13): what the helper saw on a page — labels, stars, widgets, options, meanings,
 * what the last 自动填写 did to each field, upload slots, invoice columns, the warnings that would fire — and
 * NO values (every string went through `utils/report/anonymise.ts`). Declared once with `zod/mini` (the page
 * features bundle stays small); the page builds it, the panel and the popup show it, `tests/reports/` replays it.
 *
 * Meanings, kinds and codes are plain strings, not enums: a report exported by a newer helper must still load.
 */
import * as z from 'zod/mini';
import { defineMessage } from '@/utils/messaging';

export const REPORT_FORMAT = 'zwdt-reimburse-helper/structure-report';
export const REPORT_VERSION = 1;

const count = z.int().check(z.minimum(0));
const text = z.string();

/** What the last 自动填写 of this page did to a field. */
export const fillOutcomeSchema = z.object({
  outcome: z.enum(['filled', 'kept', 'skipped', 'refused']),
  /** skipped: the plan's reason code (unknown-label, trap, no-value …); refused: the reason in plain words. */
  reason: text,
  /** refused: by the page's own validation message (a replay page has none) or by the helper (its driver). */
  by: z.optional(z.enum(['page', 'helper'])),
});
export type FillOutcome = z.infer<typeof fillOutcomeSchema>;

export const reportFieldSchema = z.object({
  id: text,
  label: text,
  labelSource: z.nullable(text),
  evidence: z.array(z.object({ text, source: text, weight: z.number() })),
  section: text,
  starred: z.boolean(),
  /** Which rule found the star: required-class, label-star, star-element, pseudo-star, required-attr. */
  starRule: z.nullable(text),
  widget: z.object({
    kind: text,
    library: text,
    /** Element UI, Element Plus, Ant Design, View UI, layui, Bootstrap, plain */
    framework: text,
    /** The selectors that decided kind and library. */
    hints: z.array(text),
    /** Class names of the control, its wrapper and its form item (state classes such as is-checked left out). */
    classes: z.array(text),
  }),
  options: z.array(text),
  meaning: z.nullable(text),
  score: z.number(),
  reason: text,
  trap: z.nullable(text),
  taught: z.nullable(text),
  /** Held a value when exported (the value itself is never in a report). */
  filled: z.boolean(),
  usable: z.boolean(),
  dialog: z.nullable(z.enum(['open', 'closed'])),
  fill: z.nullable(fillOutcomeSchema),
});
export type ReportField = z.infer<typeof reportFieldSchema>;

export const reportUploadSchema = z.object({
  label: text,
  kind: z.nullable(text),
  accepts: z.array(text),
  starred: z.boolean(),
  starRule: z.nullable(text),
  /** How many files were listed (never their names). */
  files: count,
  visible: z.boolean(),
});
export type ReportUpload = z.infer<typeof reportUploadSchema>;

const verdict = z.enum(['inside', 'outside', 'unknown', 'empty', 'none']);

/** What the guard's rules read, as facts without values: enough to rebuild the same situation in a replay. */
export const guardFactsSchema = z.object({
  page: z.enum(['application', 'logistics']),
  mode: z.nullable(z.enum(['self', 'delegated'])),
  claimant: z.object({ name: z.boolean(), idNumber: z.boolean(), minor: z.boolean(), deceased: z.boolean() }),
  /** The classifier's verdict on the 邮寄地址 / 取件地址 (none: the page has none). */
  address: verdict,
  pickupAddress: verdict,
  invoices: z.array(
    z.object({
      /** The row is on the page (else only in what the panel read). */
      onPage: z.boolean(),
      number: z.boolean(),
      inpatient: z.boolean(),
      insurance: z.nullable(z.enum(['employee', 'resident'])),
      payer: z.enum(['none', 'same', 'other']),
      /** Same 票据号码 as an earlier row of this application. */
      repeated: z.boolean(),
      /** Filed earlier from this device. */
      filedBefore: z.boolean(),
    }),
  ),
});
export type GuardFacts = z.infer<typeof guardFactsSchema>;

export const structureReportSchema = z.object({
  format: z.literal(REPORT_FORMAT),
  version: z.literal(REPORT_VERSION),
  /** The helper's version (manifest). */
  extension: text,
  /** YYYY-MM-DD */
  exportedAt: text,
  page: z.object({
    host: text,
    /** The URL path (and a hash route's path); query VALUES removed, only their keys kept. */
    path: text,
    query: z.array(text),
    hash: text,
    title: text,
    kind: z.nullable(z.enum(['guide', 'application', 'logistics'])),
    item: z.nullable(text),
    step: text,
    mode: z.nullable(z.enum(['self', 'delegated'])),
    /** This frame is the top page (false: the form sits in an iframe). */
    top: z.boolean(),
    /** The iframes this page holds. */
    frames: z.array(z.object({ path: text, host: text, sameOrigin: z.boolean(), name: text })),
  }),
  fields: z.array(reportFieldSchema),
  uploads: z.array(reportUploadSchema),
  invoiceTables: z.array(z.object({ columns: z.array(z.object({ header: text, meaning: z.nullable(text) })), rows: count })),
  rowRequirements: z.object({ meanings: z.array(text), source: text }),
  addresses: z.array(z.object({ group: text, fields: z.array(text), filled: z.boolean() })),
  /** The last 自动填写 of this page: for whom (agent: 委托人办理) and what it did; null when none ran. */
  fill: z.nullable(z.object({ agent: z.boolean(), overwrite: z.boolean(), filled: count, kept: count, skipped: count, refused: count, needManual: count })),
  guard: z.object({ codes: z.array(text), facts: guardFactsSchema }),
});
export type StructureReport = z.infer<typeof structureReportSchema>;

/** Panel / popup → the frame that shows the form: build the report now. `history`: 票据号码 filed earlier (duplicates). */
export const exportStructure = defineMessage(
  'report/structure',
  z.object({ history: z._default(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(2000)), []) }),
  structureReportSchema,
);

/** Parse a report file (a maintainer's replay, the popup's copy): throws a zod error naming the bad part. */
export function parseReport(json: unknown): StructureReport {
  return z.parse(structureReportSchema, json);
}
