/**
 * The last 自动填写 of a page, as the structure report needs it: per field its label, meaning and what happened
 * (filled / kept / skipped + reason code / refused + why) — WITHOUT the values filled (they are dropped here,
 * before anything is kept). The autofill feature records it; the report feature reads it.
 */
import { t } from '@/utils/i18n';
import type { FillReport } from '@/utils/autofill/types';
import type { FillOutcome } from './schema';

export interface FillEntry {
  label: string;
  meaning: string | null;
  starred: boolean;
  outcome: FillOutcome;
}

export interface LastFill {
  /** 委托人办理: the fill had an agent. */
  agent: boolean;
  overwrite: boolean;
  entries: FillEntry[];
  needManual: number;
}

/**
 * `pageErrorText`: the autofill's wording of "the page said: $1" split around $1 (["页面提示：", ""]) — a refusal
 * worded so came from the page's own validation, any other from the helper.
 */
export function fillEntries(report: FillReport, pageErrorText: readonly [string, string] = ['', '']): FillEntry[] {
  const [pre, post] = pageErrorText;
  const byPage = (reason: string) => (pre || post) && reason.startsWith(pre) && reason.endsWith(post);
  return [
    ...report.filled.map((f) => ({ label: f.label, meaning: f.meaning, starred: f.starred, outcome: { outcome: 'filled' as const, reason: '' } })),
    ...report.kept.map((f) => ({ label: f.label, meaning: f.meaning, starred: f.starred, outcome: { outcome: 'kept' as const, reason: '' } })),
    ...report.skipped.map((f) => ({ label: f.label, meaning: f.meaning, starred: f.starred, outcome: { outcome: 'skipped' as const, reason: f.reason } })),
    ...report.rejected.map((f) => ({
      label: f.label,
      meaning: f.meaning,
      starred: f.starred,
      outcome: { outcome: 'refused' as const, reason: f.reason, by: byPage(f.reason) ? ('page' as const) : ('helper' as const) },
    })),
  ];
}

const remembered = new WeakMap<Document, LastFill>();

export function rememberFill(doc: Document, fill: LastFill): void {
  remembered.set(doc, fill);
}

export function lastFill(doc: Document): LastFill | null {
  return remembered.get(doc) ?? null;
}

/** Keep what this fill did (the autofill feature calls it with the engine's report). */
export function recordFill(doc: Document, report: FillReport, run: { agent: boolean; overwrite: boolean }): void {
  const pageError = t('autofillReasonPageError', '\u0001').split('\u0001');
  rememberFill(doc, { ...run, entries: fillEntries(report, [pageError[0] ?? '', pageError[1] ?? '']), needManual: report.summary.needManual });
}
