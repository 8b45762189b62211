/** Reading an invoice row: inpatient or not, which insurance, how to name it to the user. */
import type { InvoiceRow, ItemKind } from './state';

const compact = (s: string | undefined) => (s ?? '').normalize('NFKC').replace(/\s+/g, '');

/** 票据代码 hint: 8 digits, digits 5–6 `02` = inpatient (`01` outpatient). A hint, not a rule. */
export function codeSaysInpatient(code: string | undefined): boolean {
  const c = compact(code);
  return /^\d{8}$/.test(c) && c.slice(4, 6) === '02';
}

/** 就诊类型 written on the row (or read by OCR) wins; otherwise the 票据代码 hint. */
export function isInpatient(inv: InvoiceRow): boolean {
  const v = compact(inv.visitType);
  if (v) {
    if (/住院/.test(v)) return true;
    if (/门诊|急诊|门急诊|院前|急救|观察/.test(v)) return false;
  }
  return codeSaysInpatient(inv.code);
}

/** 医保类型 → item: 城乡居民 / 居保 … → resident; 职工 / 职保 … → employee. */
export function insuranceKind(insuranceType: string | undefined): ItemKind | null {
  const t = compact(insuranceType);
  if (!t) return null;
  if (/居民|居保|少儿|学生|新农合|农村合作/.test(t)) return 'resident';
  if (/职工|职保|在职|退休|城保/.test(t)) return 'employee';
  return null;
}

export function normalizeNumber(n: string | undefined): string {
  return compact(n).replace(/[-—_]/g, '');
}

/** "第 2 张发票（票据号码 0012345678）" style label parts. */
export function invoiceLabel(inv: InvoiceRow, index: number): { ordinal: string; number: string } {
  return { ordinal: String(index + 1), number: normalizeNumber(inv.number) || '—' };
}
