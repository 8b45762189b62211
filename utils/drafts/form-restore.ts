/**
 * Put a kept form draft back into the page through the normal fill path: the autofill engine's widget drivers
 * (utils/autofill/drivers, chosen by the page model's kind + library), so the framework's own model (Vue /
 * Element, Ant, layui …) gets each value, then every field is read back as a person sees it. Rows of 发票信息
 * go through the engine's row path (新增 → the row dialog → 确定), which never adds a 票据号码 twice.
 * Only the keys the user chose are touched; nothing is submitted.
 */
import { driverFor } from '@/utils/autofill/drivers';
import { dateDigits, sameText } from '@/utils/autofill/drivers/types';
import { makeEnv } from '@/utils/autofill/fill';
import { outlineField } from '@/utils/autofill/outline';
import { addInvoiceRow } from '@/utils/autofill/invoice-rows';
import type { CollectedField, DriverResult, FillValue } from '@/utils/autofill/types';
import { readField } from '@/utils/page/value';
import { OPTION_ALIASES } from '@/utils/page/vocabulary';
import type { InvoiceMeaning } from '@/utils/page/meanings';
import type { InvoiceRowValues } from '@/utils/schemas';
import { t } from '@/utils/i18n';
import type { KeyedField } from './form-keys';
import { sameValue } from './form-offer';

export interface RestoreReport {
  /** Labels of the fields (and rows) now holding the kept value. */
  restored: string[];
  /** Fields / rows the page did not take, with why (plain words). */
  refused: Array<{ label: string; reason: string }>;
}

const iso = (s: string): string | null => {
  const d = dateDigits(s);
  return d ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : null;
};

/** "2026-01-01 至 2026-01-05" (also ~, -, 到) → the two dates. */
export function rangeOf(s: string): [string, string] | null {
  const parts = s.split(/\s*(?:至|到|~|～|\s-\s)\s*/).filter(Boolean);
  const a = parts[0] ? iso(parts[0]) : null;
  const b = parts[1] ? iso(parts[1]) : null;
  return a && b ? [a, b] : null;
}

/** How the drivers take a value as the page showed it, by the widget's kind (null: not restorable). */
export function fillValueOf(kind: CollectedField['kind'], shown: string): FillValue | null {
  const v = shown.trim();
  if (!v) return null;
  switch (kind) {
    case 'text':
      return { type: 'text', text: v };
    case 'native-select':
    case 'custom-select':
    case 'radio-group':
      return { type: 'choice', candidates: [v] };
    case 'date': {
      const d = iso(v);
      return d ? { type: 'date', iso: d } : null;
    }
    case 'daterange': {
      const r = rangeOf(v);
      return r ? { type: 'daterange', start: r[0], end: r[1] } : null;
    }
    case 'cascader': {
      const levels = v.split(/\s*[/／>]\s*/).filter(Boolean);
      return levels.length ? { type: 'path', levels: levels.map((c) => ({ candidates: [c] })) } : null;
    }
    case 'checkbox':
      return null;
  }
}

/** Does what the page shows now say the kept value? */
function holds(kind: CollectedField['kind'], shown: string, wanted: string): boolean {
  if (sameValue(shown, wanted)) return true;
  if (kind === 'cascader') return sameText(shown.replace(/[/／>\s]/g, ''), wanted.replace(/[/／>\s]/g, ''));
  if (kind === 'daterange') {
    const a = rangeOf(shown);
    const b = rangeOf(wanted);
    return !!a && !!b && a[0] === b[0] && a[1] === b[1];
  }
  return false;
}

/** 办理方式 first (it shows or hides the 委托人 part), district choices before the rest. */
function rank(k: KeyedField): number {
  const m = k.field.meaning;
  if (m === 'mode') return 0;
  if ((m === 'address.district' || m === 'address.full') && k.field.field.kind !== 'text') return 1;
  return 2;
}

/**
 * Restore the chosen `values` ({key → kept value}) into the fields `read()` returns (the page model, read
 * again after a choice that can show more fields). Fields the page does not show now are left out (the
 * caller keeps them for later); keys in `onlyIfEmpty` are filled only where the page shows nothing.
 */
export async function restoreFields(
  read: () => KeyedField[],
  values: Readonly<Record<string, string>>,
  options: { outline?: boolean; onlyIfEmpty?: ReadonlySet<string> } = {},
): Promise<RestoreReport & { absent: string[] }> {
  const env = makeEnv({});
  const done = new Map<string, { keyed: KeyedField; res: DriverResult }>();
  let keyed: KeyedField[] = [];
  for (let round = 0; round < 3; round++) {
    keyed = read();
    // a field that was waiting for another step or a choice (委托人 after 办理方式) is filled only while empty
    const wanted = (k: KeyedField) => k.key in values && !done.has(k.key) && k.field.field.usable && !(options.onlyIfEmpty?.has(k.key) && readField(k.field.field) !== '');
    const pending = keyed.filter(wanted).sort((a, b) => rank(a) - rank(b) || a.field.field.index - b.field.field.index);
    if (!pending.length) break;
    let again = false;
    for (const k of pending) {
      const f = k.field.field;
      if (!f.element.isConnected) {
        again = true;
        continue;
      }
      const wanted = values[k.key]!;
      const value = fillValueOf(f.kind, wanted);
      const driver = driverFor(f.kind, f.library);
      let res: DriverResult;
      if (!value || !driver) res = { ok: false, value: '', reason: 'unsupported' };
      else {
        try {
          res = driver.fillSync ? driver.fillSync(f, value) : await driver.fill(f, value, env);
        } catch (e) {
          res = { ok: false, value: '', reason: e instanceof Error ? e.message : String(e) };
        }
      }
      done.set(k.key, { keyed: k, res });
      // a new 办理方式 (or another choice) can show more fields: read the form again before going on
      if (res.ok && f.kind !== 'text' && f.value !== res.value) {
        again = true;
        if (k.field.meaning === 'mode') break;
      }
    }
    if (!again) break;
    await env.wait(0);
  }
  await env.wait(0); // let the framework render before reading back
  const report: RestoreReport & { absent: string[] } = { restored: [], refused: [], absent: [] };
  for (const { keyed: k, res } of done.values()) {
    const f = k.field.field;
    const wanted = values[k.key]!;
    if (!res.ok) {
      report.refused.push({ label: k.label, reason: res.reason === 'unsupported' ? t('draftsRefusedUnsupported') : t('draftsRefusedByPage') });
      continue;
    }
    const back = f.element.isConnected ? readField(f, wanted) : '';
    if (!holds(f.kind, back, wanted)) {
      report.refused.push({ label: k.label, reason: t('draftsRefusedByPage') });
      continue;
    }
    report.restored.push(k.label);
    if (options.outline ?? true) outlineField(f);
  }
  report.absent = Object.keys(values).filter((key) => !done.has(key));
  return report;
}

const VISIT: Array<[NonNullable<InvoiceRowValues['visitType']>, readonly string[]]> = [
  ['inpatient', OPTION_ALIASES.inpatient],
  ['emergency', OPTION_ALIASES.emergency.filter((w) => w !== '门急诊')],
  ['outpatient', OPTION_ALIASES.outpatient],
];

/** A row as the page's table showed it → the values the engine's row path fills. */
export function rowValuesOf(row: Partial<Record<InvoiceMeaning, string>>): InvoiceRowValues {
  const out: InvoiceRowValues = {};
  if (row['invoice.code']) out.invoiceCode = row['invoice.code'].replace(/\s+/g, '');
  if (row['invoice.number']) out.invoiceNumber = row['invoice.number'].replace(/\s+/g, '');
  const date = row['invoice.date'] ? iso(row['invoice.date']) : null;
  if (date) out.issueDate = date;
  const visit = row['invoice.visitType']?.replace(/\s+/g, '');
  const kind = visit ? VISIT.find(([, words]) => words.some((w) => visit.includes(w)))?.[0] : undefined;
  if (kind) out.visitType = kind;
  if (row['invoice.hospital']) out.hospital = row['invoice.hospital'];
  if (row['invoice.amount']) out.totalAmount = row['invoice.amount'].replace(/[¥￥,，\s元]/g, '');
  const period = row['invoice.period'] ? rangeOf(row['invoice.period']) : null;
  const start = row['invoice.periodStart'] ? iso(row['invoice.periodStart']) : null;
  const end = row['invoice.periodEnd'] ? iso(row['invoice.periodEnd']) : null;
  if (period) out.hospitalizationPeriod = period;
  else if (start && end) out.hospitalizationPeriod = [start, end];
  return out;
}

/** Add kept rows again through the engine's row path (one at a time; a row already shown is not added twice). */
export async function restoreRows(doc: Document, rows: ReadonlyArray<{ key: string; label: string; values: Partial<Record<InvoiceMeaning, string>> }>): Promise<RestoreReport> {
  const report: RestoreReport = { restored: [], refused: [] };
  for (const row of rows) {
    const label = t('draftsRowLabel', row.label);
    try {
      const out = await addInvoiceRow(doc, row.key, rowValuesOf(row.values));
      if (out.status === 'failed') report.refused.push({ label, reason: out.message ?? t('draftsRefusedByPage') });
      else report.restored.push(label);
    } catch (e) {
      report.refused.push({ label, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  return report;
}
