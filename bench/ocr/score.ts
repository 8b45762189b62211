// Exact-match scoring of engine results against the generator's ground truth, and whether the review would
// show each value marked ⚠ 请核对 (the review's own rule, `isLowConfidence`).
import { isLowConfidence, type ReviewItem } from '../../utils/invoice-ui/review';
import { FIELD_NAMES, type FieldName, type InvoiceResult } from '../../utils/invoice/types';
import type { InvoiceTruth } from '../../tests/invoice-gen/values';

/** Every engine field the generator prints and knows the truth of (the 大写 total is cross-checked, not scored). */
export const SCORED_FIELDS = FIELD_NAMES.filter((f): f is Exclude<FieldName, 'totalAmountUpper'> => f !== 'totalAmountUpper');
export type ScoredField = Exclude<FieldName, 'totalAmountUpper'>;

export interface FieldOutcome {
  field: ScoredField;
  expected: string;
  got: string;
  ok: boolean;
  /** the value came from QR / PDF text / OCR (null = not found) */
  source: string | null;
  /** the engine's confidence (0 when not found) */
  conf: number;
  /** the review shows the value marked ⚠ 请核对 (or there is no value, which the review asks for anyway) */
  marked: boolean;
}

export interface ItemScore {
  name: string;
  truth: InvoiceTruth;
  kind: 'image' | 'pdf';
  outcomes: FieldOutcome[];
  /** wall ms for the whole readInvoice call */
  ms: number;
  /** OCR engine time (sum of recognize() calls) */
  ocrMs: number;
  ocrCalls: number;
  /** CPU ms of the whole readInvoice call (NaN when not measured) */
  cpuMs: number;
  error?: string;
}

const show = (v: unknown): string => (v === null || v === undefined ? '∅' : Array.isArray(v) ? v.join('~') : String(v));

/** How the review shows a result's field: marked for checking, or as certain. */
export function markedInReview(r: InvoiceResult, f: FieldName): boolean {
  if (r.fields[f] === null) return true;
  const item: ReviewItem = { id: 'bench', file: r.file, kind: 'image', status: 'done', progress: 1, result: r, values: {} as ReviewItem['values'], errors: {}, edited: [], confirmed: false };
  return isLowConfidence(item, f);
}

/** Fields the truth has a value for (null truth = not printed on this layout → not scored). */
export function scoreFields(truth: InvoiceTruth, result: InvoiceResult | null): FieldOutcome[] {
  const out: FieldOutcome[] = [];
  for (const f of SCORED_FIELDS) {
    const exp = truth[f];
    if (exp === null) continue;
    const got = result ? result.fields[f] : null;
    out.push({
      field: f,
      expected: show(exp),
      got: show(got),
      ok: show(exp) === show(got),
      source: result?.source[f] ?? null,
      conf: result?.confidence[f] ?? 0,
      marked: result ? markedInReview(result, f) : true,
    });
  }
  return out;
}

export interface Tally {
  ok: number;
  n: number;
}

export const pct = (t: Tally): string => (t.n ? `${((100 * t.ok) / t.n).toFixed(1)}%` : '–');
export const frac = (t: Tally): string => (t.n ? `${t.ok}/${t.n} (${((100 * t.ok) / t.n).toFixed(0)}%)` : '–');

export function tally(items: ItemScore[], pred: (o: FieldOutcome, it: ItemScore) => boolean = () => true): Tally {
  let ok = 0;
  let n = 0;
  for (const it of items) {
    for (const o of it.outcomes) {
      if (!pred(o, it)) continue;
      n++;
      if (o.ok) ok++;
    }
  }
  return { ok, n };
}

export function quantile(xs: number[], q: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

export const ms = (x: number): string => (Number.isFinite(x) ? (x >= 10000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`) : '–');
