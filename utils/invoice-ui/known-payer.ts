/**
 * 交款人 against the person chosen as 报销人 (pure logic): OCR misreads a character of a name more often than any
 * other field (a stroke under a seal, a blurred photo), and the invoice of a claim is the 报销人's own. A
 * reading one character away from the 报销人's name, same length, at least three characters, is taken to be
 * that name — shown with ⚠ 请核对 and a note that says what was read, never silently. A two-character name
 * or a reading further away stays as read: it may be another person, and the guard says so before submission.
 */
import { t } from '@/utils/i18n';
import { normalName, sameName } from '@/utils/guard/claimant';
import type { InvoiceResult } from '@/utils/invoice/types';
import type { ReviewItem } from './review';

export const KNOWN_PAYER_CODE = 'invoicePayerFromProfile';

/** `read` is `known` with one character misread (same length ≥ 3, one position differs). */
export function oneCharAway(read: string, known: string): boolean {
  const a = [...normalName(read)];
  const b = [...normalName(known)];
  if (a.length !== b.length || b.length < 3) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
  return diff === 1;
}

/** The engine's result with its OCR 交款人 replaced by `known` (marked, with a note) when one character away. */
export function withKnownPayer(r: InvoiceResult, known: string): InvoiceResult {
  const name = known.trim();
  const read = r.fields.payerName?.trim();
  if (!name || !read || r.source.payerName !== 'ocr' || sameName(read, name) || !oneCharAway(read, name)) return r;
  return {
    ...r,
    fields: { ...r.fields, payerName: name },
    warnings: [...r.warnings, { code: KNOWN_PAYER_CODE, message: t(KNOWN_PAYER_CODE, read, name), fields: ['payerName'], params: [read] }],
  };
}

/** The result as the engine gave it: a replacement by `withKnownPayer` undone. */
export function withoutKnownPayer(r: InvoiceResult): InvoiceResult {
  const w = r.warnings.find((x) => x.code === KNOWN_PAYER_CODE);
  const read = w?.params?.[0];
  if (!w || read === undefined) return r;
  return { ...r, fields: { ...r.fields, payerName: read }, warnings: r.warnings.filter((x) => x !== w) };
}

/**
 * A finished, unconfirmed review item whose 交款人 the user has not typed: the replacement for `known` (another
 * person chosen first is undone: what was read comes back). Anything else is returned unchanged.
 */
export function itemWithKnownPayer(item: ReviewItem, known: string): ReviewItem {
  if (item.status !== 'done' || !item.result || item.confirmed || item.edited.includes('payerName')) return item;
  const result = withKnownPayer(withoutKnownPayer(item.result), known);
  if (result.fields.payerName === item.result.fields.payerName && result.warnings.length === item.result.warnings.length) return item;
  return { ...item, result, values: { ...item.values, payerName: result.fields.payerName ?? '' } };
}
