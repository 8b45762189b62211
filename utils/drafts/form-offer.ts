/**
 * 「恢复上次填写的内容」: what a kept form draft would give back to the page now, and what the page holds
 * instead. Pure (the page side reads the page, ./form-keys.ts). Nothing is ever put over what the page shows
 * without the user's choice: a field the page shows EMPTY is offered ticked; a field the page shows with
 * ANOTHER value is listed with both values, unticked; a field the page does not show now (another step, a
 * 委托人 part not chosen yet) waits for it. Rows of 发票信息 are offered when the page can add a row and
 * does not already show that 票据号码.
 */
import { sameText, dateDigits } from '@/utils/autofill/drivers/types';
import type { InvoiceMeaning } from '@/utils/page/meanings';
import type { FormValues } from './form-values';
import { ROW_PREFIX, isRowKey, labelOfKey, rowsOf } from './form-keys';

/** A field of the page now, by its draft key. */
export interface PageFieldNow {
  key: string;
  label: string;
  value: string;
  /** Shown and enabled now (a hidden step's field waits). */
  usable: boolean;
}

/** What the page's invoice tables allow now. */
export interface PageRowsNow {
  /** The page shows a 新增 button for rows (the 发票信息 step is shown). */
  canAdd: boolean;
  /** 票据号码 of the rows shown now. */
  numbers: readonly string[];
}

export interface OfferField {
  key: string;
  label: string;
  /** The kept value. */
  draft: string;
  /** What the page shows now ('' = empty: offered ticked). */
  page: string;
}

export interface OfferRow {
  key: string;
  /** 票据号码 (or 票据代码) of the row, for the offer. */
  label: string;
  values: Partial<Record<InvoiceMeaning, string>>;
}

export interface Offer {
  fields: OfferField[];
  rows: OfferRow[];
  /** Keys of the draft the page cannot take now (shown on another step). */
  waiting: string[];
  /** The page is emptier than the draft (a kept value for an empty field, or a row the page lacks): offer it. */
  emptier: boolean;
}

const DATE_LIKE = /^\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*$/;

/** Do two values say the same thing (spaces, width and date formats aside)? */
export function sameValue(a: string, b: string): boolean {
  if (sameText(a, b)) return true;
  return DATE_LIKE.test(a) && DATE_LIKE.test(b) && dateDigits(a) === dateDigits(b);
}

const digitsOnly = (s: string) => s.replace(/\s+/g, '');

/**
 * The offer for `draft` against the page now. `decided`: keys the user already restored or declined on this
 * page (never offered twice).
 */
export function offerOf(draft: FormValues, page: readonly PageFieldNow[], rows: PageRowsNow, decided: ReadonlySet<string> = new Set()): Offer {
  const byKey = new Map(page.map((p) => [p.key, p]));
  const fields: OfferField[] = [];
  const waiting: string[] = [];
  for (const [key, value] of Object.entries(draft)) {
    if (isRowKey(key) || decided.has(key) || !value) continue;
    const now = byKey.get(key);
    if (!now || !now.usable) {
      waiting.push(key);
      continue;
    }
    if (sameValue(now.value, value)) continue;
    fields.push({ key, label: now.label || labelOfKey(key), draft: value, page: now.value });
  }
  const offeredRows: OfferRow[] = [];
  const shown = new Set(rows.numbers.map(digitsOnly));
  for (const [key, values] of rowsOf(draft)) {
    if (decided.has(key)) continue;
    const number = values['invoice.number'] ?? '';
    if (number && shown.has(digitsOnly(number))) continue;
    if (!rows.canAdd) {
      waiting.push(key);
      continue;
    }
    offeredRows.push({ key, label: number || values['invoice.code'] || key, values });
  }
  const emptier = fields.some((f) => f.page === '') || offeredRows.length > 0;
  return { fields, rows: offeredRows, waiting, emptier };
}

/** What the user chose by default: the fields the page shows empty, and every row. */
export function defaultChoice(offer: Offer): string[] {
  return [...offer.fields.filter((f) => f.page === '').map((f) => f.key), ...offer.rows.map((r) => r.key)];
}

/**
 * What to keep while an offer is open (the user has not chosen yet): the kept draft, with what the page
 * holds now on top — a second expiry before the choice loses neither.
 */
export function mergeForSave(draft: FormValues | null, page: FormValues): FormValues {
  if (!draft) return page;
  const out: FormValues = {};
  for (const [k, v] of Object.entries(draft)) if (!isRowKey(k)) out[k] = v;
  for (const [k, v] of Object.entries(page)) if (!isRowKey(k)) out[k] = v;
  // rows: the page's, then the draft's the page does not show (by 票据号码), numbered again in that order
  const pageRows = [...rowsOf(page).values()];
  const shown = new Set(pageRows.map((r) => digitsOnly(r['invoice.number'] ?? '')).filter(Boolean));
  const kept = [...rowsOf(draft).values()].filter((r) => !shown.has(digitsOnly(r['invoice.number'] ?? '')));
  [...pageRows, ...kept].forEach((row, i) => {
    for (const [m, v] of Object.entries(row)) if (v) out[`${ROW_PREFIX}${i}|${m}`] = v;
  });
  return out;
}
