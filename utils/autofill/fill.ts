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
import { driverFor, widgetViews } from './drivers';
import { sameChoice } from './drivers/both-views';
import { dateDigits } from './drivers/types';
import { ERROR_SELECTOR, FORM_ITEM_SELECTOR, FORM_SCOPE_SELECTOR } from './libraries';
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

/**
 * The page's own validation message for this field, if it shows one: inside the field's form item (every
 * family's item and message, from `FORM_ITEMS` in libraries.ts), not a nested item's.
 */
function pageError(field: CollectedField): string | null {
  const c = field.container ?? field.element.closest(FORM_ITEM_SELECTOR);
  if (!c || !c.isConnected) return null;
  for (const e of Array.from(c.querySelectorAll(ERROR_SELECTOR))) {
    if (e.closest(FORM_ITEM_SELECTOR) !== c) continue;
    const txt = textOf(e);
    if (txt && isVisible(e)) return txt;
  }
  return null;
}

/**
 * A family widget (layui, Ant, iView) read twice after the page settled: what a person sees and what the page
 * keeps must agree (the driver checked both at fill time; a re-render may have undone one of them since).
 */
function bothViewsAgree(field: CollectedField): boolean {
  const v = widgetViews(field.inputs[0] ?? field.element);
  if (!v || v.kept === null) return true;
  if (!v.seen) return false;
  return field.kind === 'date' ? !!dateDigits(v.seen) && dateDigits(v.seen) === dateDigits(v.kept) : sameChoice(v.seen, v.kept);
}

/** Where a choice's consequences show: its form (a clock or a carousel elsewhere on the page does not count). */
function formOf(field: CollectedField | null, root: Document | Element): Element {
  const doc = (root as Document).nodeType === 9 ? (root as Document) : null;
  const whole = doc ? doc.documentElement : (root as Element);
  return (field?.element.isConnected && field.element.closest(FORM_SCOPE_SELECTOR)) || whole;
}

/**
 * Resolves true once `probe()` holds — checked again after every change of the DOM (a MutationObserver marks
 * it), never on a clock alone — or false after `timeoutMs`. Waiting counts in `env.stats.waitMs`.
 */
async function whenDom(node: Element, probe: () => boolean, env: DriverEnv, timeoutMs: number): Promise<boolean> {
  if (probe()) return true;
  const Observer = (node.ownerDocument?.defaultView ?? globalThis).MutationObserver;
  let dirty = false;
  const mo = Observer ? new Observer(() => (dirty = true)) : null;
  mo?.observe(node, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'style', 'hidden'] });
  const t0 = now();
  try {
    for (let tick = 1; now() - t0 < timeoutMs; tick++) {
      await env.wait(10);
      // on every change in the form; now and then anyway (what it reveals may lie outside the form)
      if (!dirty && mo && tick % 10 !== 0) continue;
      dirty = false;
      if (probe()) return true;
    }
    return false;
  } finally {
    mo?.disconnect();
    env.stats.waitMs += now() - t0;
  }
}

/** Let the page finish what a choice started: macrotasks until one passes with no DOM change (bounded). */
async function domQuiet(node: Element, env: DriverEnv, timeoutMs: number): Promise<void> {
  let changed = true;
  const Observer = (node.ownerDocument?.defaultView ?? globalThis).MutationObserver;
  const mo = Observer ? new Observer(() => (changed = true)) : null;
  mo?.observe(node, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'style', 'hidden'] });
  const t0 = now();
  try {
    while (changed && now() - t0 < timeoutMs) {
      changed = false;
      await env.wait(0);
      if (!mo) break;
    }
  } finally {
    mo?.disconnect();
    env.stats.waitMs += now() - t0;
  }
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

  const read = () => readFields(root, { frames: options.frames, shadow: options.shadow, mappings: options.mappings, host });
  let modeSet = false;
  let lastChoice: CollectedField | null = null;
  for (let round = 0; round < 3; round++) {
    matches = read();
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
        modeSet = true;
        lastChoice = f.field;
        break;
      }
      // a choice (就诊类型 = 住院 …) can reveal more fields: look again after this round
      if (res.ok && f.field.kind !== 'text' && f.field.value !== res.value) {
        again = true;
        lastChoice = f.field;
      }
    }
    if (!again) break;
    // Choices that reveal fields, for every family: after 委托 / 代办 wait until the page shows a field of
    // the account holder (the 代办人 rows: layui inserts them at once, Vue on its next render, a portal maybe
    // after a request) — on the DOM, not on a clock; otherwise until the page's re-render is done.
    const scope = formOf(lastChoice, root);
    if (modeSet && ctx.agent && run.scope === 'basic') await whenDom(scope, () => read().some((m) => !!m.meaning?.startsWith('agent.')), env, env.timeoutMs);
    else await domQuiet(scope, env, env.timeoutMs);
    modeSet = false;
    lastChoice = null;
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
    if (!back || !bothViewsAgree(o.field)) {
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
