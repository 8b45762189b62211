/**
 * Orchestrator: read the fields (the page model) → plan → execute (drivers) → verify, then a report in plain
 * words. Runs in a content script: DOM only, no page globals, no network. Never clicks submit / next / 确定.
 */
import { t } from '@/utils/i18n';
import { readFields } from '@/utils/page/model';
import { readField } from '@/utils/page/value';
import { isVisible, textOf } from '@/utils/page/dom';
import type { Meaning } from '@/utils/page/meanings';
import { planFill, type Scope } from './plan';
import { driverFor } from './drivers';
import { ERROR_SELECTOR, FORM_ITEM_SELECTOR } from './libraries';
import { outlineField } from './outline';
import type { FillContext, InvoiceRowValues } from './context';
import type {
  AutofillOptions,
  CollectedField,
  DriverEnv,
  DriverResult,
  FillReport,
  MatchResult,
  PlanSkip,
  RejectedField,
  SkippedField,
  ReportedField,
  FilledField,
} from './types';

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function makeEnv(options: AutofillOptions = {}): DriverEnv {
  return {
    wait: (ms) => new Promise((r) => setTimeout(r, ms)),
    stats: { waitMs: 0 },
    timeoutMs: options.timeoutMs ?? 1500,
  };
}

function hostOf(root: Document | Element): string | undefined {
  const doc = (root as Document).nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
  try {
    return doc?.location?.host || undefined;
  } catch {
    return undefined;
  }
}

const SKIP_KEYS: Record<PlanSkip['reason'], string> = {
  'unknown-label': 'autofillReasonUnknownLabel',
  trap: 'autofillReasonTrap',
  ignored: 'autofillReasonIgnored',
  'no-value': 'autofillReasonNoValue',
  kept: 'autofillReasonKept',
  'not-needed': 'autofillReasonNotNeeded',
  'other-step': 'autofillReasonOtherStep',
  unsupported: 'autofillReasonUnsupported',
};

export function skipMessage(s: Pick<PlanSkip, 'reason' | 'detail'>): string {
  if (s.reason === 'trap') return t('autofillReasonTrap', s.detail ?? '');
  if (s.reason === 'no-value' && s.detail) return s.detail;
  return t(SKIP_KEYS[s.reason]);
}

function rejectMessage(res: DriverResult): string {
  const r = res.reason ?? '';
  const noOpt = r.match(/^no option for (.*)$/);
  if (noOpt) return t('autofillReasonNoOption', noOpt[1] ?? '');
  if (r.startsWith('page:')) return t('autofillReasonPageError', r.slice(5));
  if (r === 'gone') return t('autofillReasonGone');
  if (r === 'the list did not open') return t('autofillReasonListClosed');
  if (r.startsWith('too long')) return t('autofillReasonTooLong');
  if (r.includes('date')) return t('autofillReasonDate');
  return t('autofillReasonRejected');
}

/** The page's own validation message for this field, if it shows one. */
function pageError(field: CollectedField): string | null {
  const c = field.container;
  if (!c || !c.isConnected) return null;
  for (const e of Array.from(c.querySelectorAll(ERROR_SELECTOR))) {
    if (e.closest(FORM_ITEM_SELECTOR) !== c) continue;
    const txt = textOf(e);
    if (txt && isVisible(e)) return txt;
  }
  return null;
}

const labelOf = (f: CollectedField) => f.label || f.evidence[0]?.text || '';

interface Outcome {
  field: CollectedField;
  meaning: Meaning;
  res: DriverResult;
}

export interface ScopeRun {
  scope: Scope;
  invoice?: InvoiceRowValues;
}

/** The engine for one root and one scope; `runAutofill` and `fillInvoiceDialog` are thin wrappers. */
export async function fillRoot(root: Document | Element, ctx: FillContext, options: AutofillOptions, run: ScopeRun): Promise<FillReport> {
  const t0 = now();
  const env = makeEnv(options);
  const host = options.host ?? hostOf(root);
  const done = new Map<HTMLElement, Outcome>();
  let matches: MatchResult[] = [];
  let skips: PlanSkip[] = [];
  let warnings: string[] = [];
  const perField: Array<{ label: string; ms: number; waitMs: number }> = [];

  for (let round = 0; round < 3; round++) {
    matches = readFields(root, { frames: options.frames, shadow: options.shadow, mappings: options.mappings, host });
    const plan = planFill(matches, ctx, { scope: run.scope, districtOf: options.districtOf, invoice: run.invoice, today: options.today });
    skips = plan.skips;
    warnings = plan.warnings;
    const pending = plan.fills.filter((f) => !done.has(f.field.element));
    if (pending.length === 0) break;
    let again = false;
    for (const f of pending) {
      if (!f.field.element.isConnected) {
        again = true;
        continue;
      }
      const driver = driverFor(f.field.kind, f.field.library);
      const tf = now();
      const wf = env.stats.waitMs;
      let res: DriverResult;
      if (!driver) res = { ok: false, value: readField(f.field), reason: 'unsupported' };
      else {
        try {
          // text inputs and native selects back to back without yielding: one framework re-render for all
          res = driver.fillSync ? driver.fillSync(f.field, f.value) : await driver.fill(f.field, f.value, env);
        } catch (e) {
          res = { ok: false, value: '', reason: e instanceof Error ? e.message : String(e) };
        }
      }
      done.set(f.field.element, { field: f.field, meaning: f.meaning, res });
      perField.push({ label: labelOf(f.field), ms: now() - tf, waitMs: env.stats.waitMs - wf });
      // a new 办理方式 can show or hide the 委托人 part: look at the form again before going on
      if (f.meaning === 'mode' && res.ok && f.field.value !== res.value) {
        again = true;
        break;
      }
      // a choice (就诊类型 = 住院 …) can reveal more fields: look again after this round
      if (res.ok && f.field.kind !== 'text' && f.field.value !== res.value) again = true;
    }
    if (!again) break;
    const tw = now();
    await env.wait(0);
    env.stats.waitMs += now() - tw;
  }

  // verify: let the framework render and validate, then read every filled field back
  const tv = now();
  await env.wait(0);
  env.stats.waitMs += now() - tv;
  const filled: FilledField[] = [];
  const rejected: RejectedField[] = [];
  for (const o of done.values()) {
    const base = { label: labelOf(o.field), meaning: o.meaning, starred: o.field.starred };
    if (!o.res.ok) {
      rejected.push({ ...base, reason: rejectMessage(o.res) });
      continue;
    }
    if (!o.field.element.isConnected) {
      rejected.push({ ...base, reason: rejectMessage({ ok: false, value: '', reason: 'gone' }) });
      continue;
    }
    const back = readField(o.field, o.res.value);
    const err = pageError(o.field);
    if (!back) {
      rejected.push({ ...base, reason: t('autofillReasonRejected') });
      continue;
    }
    if (err) {
      rejected.push({ ...base, reason: t('autofillReasonPageError', err) });
      continue;
    }
    filled.push({ ...base, value: back });
    if (options.outline ?? true) outlineField(o.field);
  }

  const kept: ReportedField[] = [];
  const skipped: SkippedField[] = [];
  for (const s of skips) {
    if (done.has(s.field.element)) continue;
    const base = { label: labelOf(s.field), meaning: s.meaning, starred: s.field.starred };
    if (s.reason === 'kept') kept.push(base);
    else skipped.push({ ...base, reason: s.reason, message: skipMessage(s) });
  }

  // starred fields a person can still see and that are really empty, and why (a select showing the label of
  // its value is filled; a field the page hid meanwhile — 委托人 rows after 本人办理 — is not asked for)
  const manual: Array<{ label: string; reason: string; meaning: Meaning | null }> = [];
  for (const m of matches) {
    const f = m.field;
    if (!f.starred || !f.element.isConnected || readField(f, done.get(f.element)?.res.value)) continue;
    if (!isVisible(f.element) && !f.inputs.some((i) => isVisible(i))) continue;
    const label = labelOf(f);
    const rej = rejected.find((r) => r.label === label);
    const sk = skipped.find((s) => s.label === label);
    manual.push({ label, reason: rej?.reason ?? sk?.message ?? t('autofillReasonUnknownLabel'), meaning: m.meaning });
  }
  const text =
    manual.length === 0
      ? t('autofillSummaryAllDone', filled.length)
      : [t('autofillSummary', filled.length, manual.length), ...manual.map((m) => t('autofillSummaryLine', m.label.replace(/[*＊:：\s]/g, ''), m.reason))].join('\n');
  return {
    filled,
    kept,
    skipped,
    rejected,
    warnings,
    summary: { filled: filled.length, needManual: manual.length, manual, text },
    timing: { totalMs: now() - t0, waitMs: env.stats.waitMs, fields: perField },
  };
}

/**
 * Fill the 基本信息 step (or any page holding 报销人 / 委托人 / 地址 / 银行 fields) in `root`.
 * `ctx.agent === null` means 本人办理.
 */
export async function runAutofill(root: Document | Element, ctx: FillContext, options: AutofillOptions = {}): Promise<FillReport> {
  return fillRoot(root, ctx, options, { scope: 'basic' });
}
