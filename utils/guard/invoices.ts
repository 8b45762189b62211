/** Reading an invoice row: inpatient or not, which insurance, how to name it to the user. Words: utils/page/vocabulary. */
import { INSURANCE_WORDS, VISIT_WORDS } from '@/utils/page/vocabulary';
import type { InvoiceRow, ItemKind } from './state';

const compact = (s: string | undefined) => (s ?? '').normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** 票据代码 hint: 8 digits, digits 5–6 `02` = inpatient (`01` outpatient). A hint, not a rule. */
export function codeSaysInpatient(code: string | undefined): boolean {
  const c = compact(code);
  return /^\d{8}$/.test(c) && c.slice(4, 6) === '02';
}

/** 就诊类型 written on the row (or read by OCR) wins; otherwise the 票据代码 hint. */
export function isInpatient(inv: InvoiceRow): boolean {
  const v = compact(inv.visitType);
  const said = v ? VISIT_WORDS.find((w) => w.words.some((x) => v.includes(x)))?.visit : undefined;
  if (said) return said === 'inpatient';
  return codeSaysInpatient(inv.code);
}

/** 医保类型 → item: 城乡居民 / 居保 … → resident; 职工 / 职保 … → employee. */
export function insuranceKind(insuranceType: string | undefined): ItemKind | null {
  const t = compact(insuranceType);
  if (!t) return null;
  return INSURANCE_WORDS.find((w) => w.words.some((x) => t.includes(x)))?.item ?? null;
}

/** 医保类型 as the user should read it: as printed, or a plain name for the reader's enum. */
export function insuranceShown(insuranceType: string | undefined): string {
  const t = (insuranceType ?? '').trim();
  return INSURANCE_WORDS.find((w) => w.item === t)?.shown ?? t;
}

export function normalizeNumber(n: string | undefined): string {
  return compact(n).replace(/[-—_]/g, '');
}

/** "第 2 张发票（票据号码 0012345678）" style label parts. */
export function invoiceLabel(inv: InvoiceRow, index: number): { ordinal: string; number: string } {
  return { ordinal: String(index + 1), number: normalizeNumber(inv.number) || '—' };
}
