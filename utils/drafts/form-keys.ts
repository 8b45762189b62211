/**
 * What a form draft captures of the page, read through the page model (utils/page): one stable key per field
 * and the value a person sees in it. Keys are `meaning|label|n` — the field's meaning, its label as shown
 * (normalised) and its occurrence among fields with the same meaning and label — never DOM ids or names,
 * which change from one render (or one login) to the next. Rows of the page's 发票信息 table are kept as
 * `row|i|meaning`.
 *
 * Only fields the page model knows are captured: a field with a meaning, not a trap (验证码, 紧急联系人, site
 * search …), not a password, not a checkbox (consent is the user's), not inside a dialog (the 新增发票 dialog
 * is transient; its rows are kept from the table), and never an upload slot (files are not fields).
 */
import { normalizeLabel } from '@/utils/page/text';
import { readField } from '@/utils/page/value';
import { ROW_MEANINGS, type InvoiceTable } from '@/utils/page/invoices';
import type { InvoiceMeaning } from '@/utils/page/meanings';
import type { PageField } from '@/utils/page/types';
import { MAX_FORM_FIELDS, type FormValues } from './form-values';

export const ROW_PREFIX = 'row|';
const MAX_ROWS = 50;

/** A field of the page with its draft key. */
export interface KeyedField {
  key: string;
  /** The label as the page shows it, without stars and colons (for the offer). */
  label: string;
  field: PageField;
}

/** The label a person reads, for messages: 「报销人姓名」 not 「*报销人姓名：」. */
export const shownLabel = (label: string): string => label.replace(/[*＊:：]/g, '').replace(/\s+/g, ' ').trim();

const SECRET_AUTOCOMPLETE = /one-time-code|current-password|new-password/i;

/** May this field's value be kept in a draft? */
export function isCapturable(f: PageField): boolean {
  if (!f.meaning || f.trap || f.taught === 'ignore') return false;
  const field = f.field;
  if (field.kind === 'checkbox' || field.dialog !== null) return false;
  return !field.inputs.some((i) => {
    const input = i as HTMLInputElement;
    return input.type === 'password' || input.type === 'file' || SECRET_AUTOCOMPLETE.test(input.autocomplete ?? '');
  });
}

/** Draft keys of the page's capturable fields, in page order. */
export function keyFields(fields: readonly PageField[]): KeyedField[] {
  const seen = new Map<string, number>();
  const out: KeyedField[] = [];
  for (const f of fields) {
    if (!isCapturable(f)) continue;
    const raw = f.field.label || f.field.evidence[0]?.text || '';
    const base = `${f.meaning}|${normalizeLabel(raw).slice(0, 80)}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.push({ key: `${base}|${n}`, label: shownLabel(raw) || String(f.meaning), field: f });
  }
  return out;
}

/** The label part of a key (for a field the page does not show now). */
export function labelOfKey(key: string): string {
  return key.split('|')[1] ?? key;
}

export const isRowKey = (key: string): boolean => key.startsWith(ROW_PREFIX);

/** Draft rows (`row|i|meaning` keys) grouped by row: `row|i` → values by meaning. */
export function rowsOf(values: FormValues): Map<string, Partial<Record<InvoiceMeaning, string>>> {
  const rows = new Map<string, Partial<Record<InvoiceMeaning, string>>>();
  for (const [key, value] of Object.entries(values)) {
    const m = /^row\|(\d+)\|(.+)$/.exec(key);
    if (!m) continue;
    const id = `${ROW_PREFIX}${m[1]}`;
    rows.set(id, { ...rows.get(id), [m[2]!]: value });
  }
  return rows;
}

/** What the page holds now: every capturable field with a value, and the rows of its invoice tables. */
export function captureValues(keyed: readonly KeyedField[], tables: readonly InvoiceTable[] = []): FormValues {
  const out: FormValues = {};
  let count = 0;
  for (const { key, field } of keyed) {
    if (count >= MAX_FORM_FIELDS - 20) break;
    const value = readField(field.field).slice(0, 5000);
    if (!value) continue;
    out[key] = value;
    count++;
  }
  let row = 0;
  for (const table of tables) {
    for (const r of table.rows) {
      if (row >= MAX_ROWS) break;
      const entries = ROW_MEANINGS.flatMap((m) => (r.values[m] ? [[m, r.values[m]!] as const] : []));
      if (!entries.some(([m]) => m === 'invoice.number' || m === 'invoice.code')) continue;
      for (const [m, v] of entries) {
        if (count >= MAX_FORM_FIELDS) break;
        out[`${ROW_PREFIX}${row}|${m}`] = v.slice(0, 5000);
        count++;
      }
      row++;
    }
  }
  return out;
}
