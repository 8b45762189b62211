/**
 * Review state of recognised invoices (pure logic, no DOM): what the user sees and edits before the
 * helper adds 发票信息 rows. Every invoice needs the user's own confirmation; an edit withdraws it.
 */
import { FIELD_NAMES, type FieldName, type FieldSource, type InvoiceFields, type InvoiceResult, type VisitType, type InsuranceType } from '@/utils/invoice/types';
import { isIsoDate, normalizeAmount, normalizeDate } from '@/utils/invoice/shapes';
import type { ClaimInvoice, InvoiceRowValues } from '@/utils/schemas';

export type ItemStatus = 'queued' | 'reading' | 'done' | 'error' | 'cancelled';

/** Editable values are strings; `hospitalizationPeriod` is "YYYY-MM-DD 至 YYYY-MM-DD". */
export type FieldValues = Record<FieldName, string>;

export interface ReviewItem {
  id: string;
  file: string;
  kind: 'image' | 'pdf' | 'other';
  status: ItemStatus;
  /** 0..1 while reading. */
  progress: number;
  result: InvoiceResult | null;
  values: FieldValues;
  /** Validator message keys per field (i18n keys), only for fields with a problem. */
  errors: Partial<Record<FieldName, string>>;
  /** Fields the user changed (their source becomes "您填写"). */
  edited: FieldName[];
  confirmed: boolean;
  /** Set after the row was added to the page. */
  filled?: boolean;
  /** User-facing message when the file could not be read. */
  error?: string;
}

/** Confidence under which a value is marked for checking (QR and PDF text are exact). */
export const LOW_CONFIDENCE = 0.85;

/** Fields a 发票信息 row needs (the rest are shown for checking only). */
export const ROW_FIELDS: FieldName[] = ['invoiceCode', 'invoiceNumber', 'issueDate', 'visitType', 'hospital', 'totalAmount', 'hospitalizationPeriod'];

/** Fields that must hold a valid value before an invoice can be confirmed. */
export const REQUIRED: FieldName[] = ['invoiceNumber', 'issueDate', 'totalAmount', 'visitType'];

/** The review's field for each row meaning of the page model (what the page's row dialog asks for). */
export const FIELD_OF_MEANING: Readonly<Record<string, FieldName>> = {
  'invoice.code': 'invoiceCode',
  'invoice.number': 'invoiceNumber',
  'invoice.date': 'issueDate',
  'invoice.visitType': 'visitType',
  'invoice.hospital': 'hospital',
  'invoice.amount': 'totalAmount',
  'invoice.period': 'hospitalizationPeriod',
  'invoice.periodStart': 'hospitalizationPeriod',
  'invoice.periodEnd': 'hospitalizationPeriod',
};

/** The review fields the page requires (from the page model's row requirements: `invoice.hospital` …). */
export function pageRequiredFields(meanings: readonly string[]): FieldName[] {
  const out: FieldName[] = [];
  for (const m of meanings) {
    const f = FIELD_OF_MEANING[m];
    // a 住院 period is asked for inpatient invoices only (the validator says so); the rest always
    if (f && f !== 'hospitalizationPeriod' && !out.includes(f)) out.push(f);
  }
  return out;
}

/**
 * Values the page's row dialog requires but this invoice lacks: it cannot be confirmed (the page would refuse
 * the row). Empty = nothing missing.
 */
export function missingForPage(item: ReviewItem, pageRequired: readonly FieldName[]): FieldName[] {
  return pageRequired.filter((f) => !item.values[f].trim());
}

export const VISIT_TYPES: VisitType[] = ['outpatient', 'emergency', 'inpatient'];
export const INSURANCE_TYPES: InsuranceType[] = ['employee', 'resident', 'unknown'];

export const AMOUNT_FIELDS: FieldName[] = ['totalAmount', 'fundPaid', 'accountPaid', 'cashPaid'];

export function emptyValues(): FieldValues {
  const v = {} as FieldValues;
  for (const f of FIELD_NAMES) v[f] = '';
  return v;
}

export function valueToString(f: FieldName, v: InvoiceFields[FieldName]): string {
  if (v === null || v === undefined) return '';
  if (f === 'hospitalizationPeriod' && Array.isArray(v)) return `${v[0]} 至 ${v[1]}`;
  return String(v);
}

export function valuesFromResult(r: InvoiceResult | null): FieldValues {
  const out = emptyValues();
  if (!r) return out;
  for (const f of FIELD_NAMES) out[f] = valueToString(f, r.fields[f]);
  return out;
}

/** "2024-01-02 至 2024-01-09" (also 到 / ~ / -, dates in any accepted shape) → the two ISO dates, or null. */
export function parsePeriod(s: string): [string, string] | null {
  const parts = s.trim().split(/\s*(?:至|到|~|～|—|--|\s-\s)\s*/).filter(Boolean);
  if (parts.length !== 2) return null;
  const a = normalizeDate(parts[0]!);
  const b = normalizeDate(parts[1]!);
  if (!a || !b || a > b) return null;
  return [a, b];
}

/**
 * Checks one field (value as typed). Returns an i18n message key, or null when the value is fine.
 * Empty values are only an error for required fields (and the 住院 period of an inpatient invoice).
 */
export function validateField(f: FieldName, raw: string, values?: Partial<FieldValues>): string | null {
  const v = raw.trim();
  if (!v) {
    if (REQUIRED.includes(f)) return 'invoiceUiErrRequired';
    if (f === 'hospitalizationPeriod' && values?.visitType === 'inpatient') return 'invoiceUiErrPeriodRequired';
    return null;
  }
  switch (f) {
    case 'invoiceCode':
      return /^\d{8}$/.test(v) ? null : 'invoiceUiErrCode';
    case 'invoiceNumber':
      return /^\d{8}$|^\d{10}$/.test(v) ? null : 'invoiceUiErrNumber';
    case 'checkCode':
      return /^[0-9a-fA-F]{6}$/.test(v) ? null : 'invoiceUiErrCheckCode';
    case 'issueDate':
      return isIsoDate(v) ? null : 'invoiceUiErrDate';
    case 'totalAmount':
    case 'fundPaid':
    case 'accountPaid':
    case 'cashPaid':
      return /^\d{1,9}\.\d{2}$/.test(v) ? null : 'invoiceUiErrAmount';
    case 'visitType':
      return (VISIT_TYPES as string[]).includes(v) ? null : 'invoiceUiErrVisitType';
    case 'insuranceType':
      return (INSURANCE_TYPES as string[]).includes(v) ? null : 'invoiceUiErrInsuranceType';
    case 'hospitalizationPeriod':
      return parsePeriod(v) ? null : 'invoiceUiErrPeriod';
    default:
      return v.length > 200 ? 'invoiceUiErrTooLong' : null;
  }
}

/**
 * Tidies what the user typed into the stored shape where it is unambiguous: "2024年1月2日" → "2024-01-02",
 * "1,234.5" stays as typed (invoices print two decimals — the validator asks), check code lower case.
 */
export function normalizeInput(f: FieldName, raw: string): string {
  const v = raw.trim();
  if (!v) return '';
  if (f === 'issueDate') return normalizeDate(v) ?? v;
  if ((AMOUNT_FIELDS as string[]).includes(f)) return normalizeAmount(v) ?? v.replace(/\s+/g, '');
  if (f === 'invoiceCode' || f === 'invoiceNumber') return v.replace(/\s+/g, '');
  if (f === 'checkCode') return /^[0-9a-fA-F]{6}$/.test(v) ? v.toLowerCase() : v;
  if (f === 'hospitalizationPeriod') {
    const p = parsePeriod(v);
    return p ? `${p[0]} 至 ${p[1]}` : v;
  }
  return v;
}

export function validateAll(values: FieldValues): Partial<Record<FieldName, string>> {
  const out: Partial<Record<FieldName, string>> = {};
  for (const f of FIELD_NAMES) {
    const e = validateField(f, values[f], values);
    if (e) out[f] = e;
  }
  return out;
}

/** Where a value came from, as shown to the user. */
export type ShownSource = FieldSource | 'user' | null;

export function sourceOf(item: ReviewItem, f: FieldName): ShownSource {
  if (item.edited.includes(f)) return 'user';
  return item.result?.source[f] ?? null;
}

/** A value needs a second look: read by OCR with low confidence, or named by a cross-check warning. */
export function isLowConfidence(item: ReviewItem, f: FieldName): boolean {
  const r = item.result;
  if (!r || item.edited.includes(f)) return false;
  if (r.fields[f] === null) return false;
  if (r.warnings.some((w) => w.fields?.includes(f))) return true;
  const src = r.source[f];
  if (src === 'qr' || src === 'pdf') return false;
  return (r.confidence[f] ?? 0) < LOW_CONFIDENCE;
}

/**
 * The order fields are shown and focused in: values with a problem first (validator errors, then
 * low-confidence readings, lowest confidence first), then the rest in the engine's order.
 */
export function reviewOrder(item: ReviewItem): FieldName[] {
  const rank = (f: FieldName): number => {
    if (item.errors[f] && (item.values[f] || REQUIRED.includes(f))) return 0;
    if (isLowConfidence(item, f)) return 1;
    return 2;
  };
  const conf = (f: FieldName) => item.result?.confidence[f] ?? 1;
  return [...FIELD_NAMES].sort((a, b) => rank(a) - rank(b) || (rank(a) === 1 ? conf(a) - conf(b) : 0) || FIELD_NAMES.indexOf(a) - FIELD_NAMES.indexOf(b));
}

/** The field to focus first, or null when nothing needs a look. */
export function firstToCheck(item: ReviewItem): FieldName | null {
  const f = reviewOrder(item)[0]!;
  return (item.errors[f] && (item.values[f] || REQUIRED.includes(f))) || isLowConfidence(item, f) ? f : null;
}

let seq = 0;
export function newItemId(): string {
  seq++;
  return `inv-${Date.now().toString(36)}-${seq}`;
}

export function kindOfName(name: string, mime = ''): ReviewItem['kind'] {
  if (/pdf/i.test(mime) || /\.pdf$/i.test(name)) return 'pdf';
  if (/^image\//i.test(mime) || /\.(jpe?g|png|webp|gif|bmp|heic|heif)$/i.test(name)) return 'image';
  return 'other';
}

export function queuedItem(file: string, kind: ReviewItem['kind'], id = newItemId()): ReviewItem {
  return { id, file, kind, status: 'queued', progress: 0, result: null, values: emptyValues(), errors: {}, edited: [], confirmed: false };
}

/** The engine finished this file. */
export function withResult(item: ReviewItem, r: InvoiceResult): ReviewItem {
  if (r.error) return { ...item, status: 'error', progress: 1, result: r, error: r.error.message, values: valuesFromResult(r), errors: {} };
  const values = valuesFromResult(r);
  return { ...item, status: 'done', progress: 1, result: r, values, errors: validateAll(values), edited: [], confirmed: false };
}

/** The user typed into a field: normalised, validated; a confirmed invoice must be confirmed again. */
export function editField(item: ReviewItem, f: FieldName, raw: string): ReviewItem {
  const value = raw;
  const values = { ...item.values, [f]: value };
  const original = valueToString(f, item.result?.fields[f] ?? null);
  const edited = value.trim() === original ? item.edited.filter((x) => x !== f) : item.edited.includes(f) ? item.edited : [...item.edited, f];
  return { ...item, values, errors: validateAll(values), edited, confirmed: false, filled: false };
}

/** On leaving a field: tidy the shape (dates, amounts) and validate again. */
export function commitField(item: ReviewItem, f: FieldName): ReviewItem {
  const v = normalizeInput(f, item.values[f]);
  if (v === item.values[f]) return item;
  const values = { ...item.values, [f]: v };
  return { ...item, values, errors: validateAll(values) };
}

/** Readable, no validator errors, and every value the page requires present (`pageRequired`, from the page model). */
export function canConfirm(item: ReviewItem, pageRequired: readonly FieldName[] = []): boolean {
  return item.status === 'done' && Object.keys(item.errors).length === 0 && missingForPage(item, pageRequired).length === 0;
}

/** Confirms (only a readable invoice without validator errors) or withdraws the confirmation. */
export function setConfirmed(item: ReviewItem, on: boolean): ReviewItem {
  if (on && !canConfirm(item)) return item;
  return { ...item, confirmed: on };
}

// ---------- duplicates (by 票据号码) ----------

/**
 * Ids of items whose 票据号码 repeats an earlier item of the list or a row already on the page.
 * With both codes known, the same number under a different 票据代码 is a different invoice.
 */
export function duplicateIds(items: ReviewItem[], pageRows: Array<{ number: string; code?: string | null }> = []): Map<string, 'page' | 'list'> {
  const out = new Map<string, 'page' | 'list'>();
  const seen: Array<{ number: string; code: string }> = [];
  const same = (a: { number: string; code: string }, b: { number: string; code: string }) => a.number === b.number && (!a.code || !b.code || a.code === b.code);
  const page = pageRows.map((r) => ({ number: r.number.replace(/\s+/g, ''), code: (r.code ?? '').replace(/\s+/g, '') }));
  for (const it of items) {
    if (it.status !== 'done') continue;
    const me = { number: it.values.invoiceNumber.trim(), code: it.values.invoiceCode.trim() };
    if (!me.number) continue;
    if (page.some((p) => same(p, me))) out.set(it.id, 'page');
    else if (seen.some((s) => same(s, me))) out.set(it.id, 'list');
    seen.push(me);
  }
  return out;
}

// ---------- what leaves the review ----------

/** One row for the autofill engine's `fillInvoiceDialog` (only the row fields, validated shapes): utils/schemas. */
export type RowValues = InvoiceRowValues;

export function toRowValues(item: ReviewItem): RowValues {
  const v = item.values;
  const s = (x: string) => (x.trim() ? x.trim() : null);
  const visit = (VISIT_TYPES as string[]).includes(v.visitType) ? (v.visitType as VisitType) : null;
  return {
    invoiceCode: s(v.invoiceCode),
    invoiceNumber: s(v.invoiceNumber),
    issueDate: s(v.issueDate),
    visitType: visit,
    hospital: s(v.hospital),
    totalAmount: s(v.totalAmount),
    hospitalizationPeriod: visit === 'inpatient' ? parsePeriod(v.hospitalizationPeriod) : null,
  };
}

/**
 * Confirmed, readable, holding what the page requires, not a duplicate, never filled before: what
 * "填入发票信息" adds. An invoice already added as a row is not added again, even when the page's rows cannot
 * be read back (an edit of it is a new invoice to the user: it clears `filled`).
 */
export function rowsToFill(items: ReviewItem[], pageRows: Array<{ number: string; code?: string | null }> = [], pageRequired: readonly FieldName[] = []): ReviewItem[] {
  const dup = duplicateIds(items, pageRows);
  return items.filter((i) => i.confirmed && !i.filled && canConfirm(i, pageRequired) && !dup.has(i.id));
}

/** Back to the engine's typed fields (for the draft in the db). */
export function toInvoiceFields(values: FieldValues): Partial<InvoiceFields> {
  const out: Record<string, unknown> = {};
  for (const f of FIELD_NAMES) {
    const v = values[f].trim();
    if (!v) out[f] = null;
    else if (f === 'hospitalizationPeriod') out[f] = parsePeriod(v);
    else out[f] = v;
  }
  return out as Partial<InvoiceFields>;
}

/** What the page's pre-submission guard may know about the invoices (no pictures, no amounts). */
export function toClaimInvoices(items: ReviewItem[]): ClaimInvoice[] {
  return items
    .filter((i) => i.status === 'done')
    .map((i) => ({
      number: i.values.invoiceNumber.trim() || null,
      code: i.values.invoiceCode.trim() || null,
      visitType: i.values.visitType.trim() || null,
      insuranceType: i.values.insuranceType.trim() || null,
      payerName: i.values.payerName.trim() || null,
    }));
}

/** Plain words for a file's progress: "正在识别第 2 张，共 3 张" (index 0-based within its batch). */
export function progressWords(index: number, count: number, t: (k: string, ...s: Array<string | number>) => string): string {
  return t('invoiceUiReadingNofM', index + 1, count);
}
