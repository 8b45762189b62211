/**
 * A report against a report: the one stored (what the helper saw in the field, or what a maintainer corrected it
 * to) and the one a replay of it gives now. Every difference is one line that names the field by its label, so a
 * failing replay says which label the helper reads differently: 「报销人称呼」 meaning: report claimant.name 0.95, replay — 0.
 * Pure.
 */
import { shownLabel } from '@/utils/page/summary';
import type { ReportField, StructureReport } from './schema';

/** How far a score may move before it counts as a change (a replay's label evidence is close, not identical). */
export const SCORE_TOLERANCE = 0.1;

const keyOf = (f: Pick<ReportField, 'label' | 'evidence' | 'id'>) => f.label || f.evidence[0]?.text || `(${f.id})`;
const shown = (f: Pick<ReportField, 'label' | 'evidence' | 'id'>) => `「${shownLabel(keyOf(f)) || keyOf(f)}」`;

/** Pair items by a key, in order: the n-th item with a key pairs with the n-th of the other side. */
function pairs<T>(a: readonly T[], b: readonly T[], key: (x: T) => string): { both: Array<[T, T]>; onlyA: T[]; onlyB: T[] } {
  const left = [...b];
  const both: Array<[T, T]> = [];
  const onlyA: T[] = [];
  for (const x of a) {
    const i = left.findIndex((y) => key(y) === key(x));
    if (i < 0) onlyA.push(x);
    else both.push([x, left.splice(i, 1)[0]!]);
  }
  return { both, onlyA, onlyB: left };
}

const fmtFill = (f: ReportField['fill']) => (f ? `${f.outcome}${f.outcome === 'skipped' ? ` (${f.reason})` : ''}` : 'none');
const fmt = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : Array.isArray(v) ? `[${v.join(', ')}]` : String(v));

function compareFill(e: ReportField, a: ReportField): string | null {
  const x = e.fill;
  const y = a.fill;
  if (!x && !y) return null;
  // a refusal by the portal's own validation cannot happen on a replay page (it has none): filled is as good
  if (x?.outcome === 'refused' && x.by === 'page' && (y?.outcome === 'filled' || y?.outcome === 'refused')) return null;
  if (x?.outcome === y?.outcome && (x?.outcome !== 'skipped' || x.reason === y?.reason)) return null;
  return `autofill: report ${fmtFill(x)}, replay ${fmtFill(y)}`;
}

function compareField(e: ReportField, a: ReportField): string[] {
  const out: string[] = [];
  const diff = (what: string, x: unknown, y: unknown) => {
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push(`${what}: report ${fmt(x)}, replay ${fmt(y)}`);
  };
  if (e.meaning !== a.meaning || Math.abs(e.score - a.score) > SCORE_TOLERANCE + 1e-9) out.push(`meaning: report ${fmt(e.meaning)} ${e.score}, replay ${fmt(a.meaning)} ${a.score}`);
  diff('trap', e.trap !== null, a.trap !== null);
  diff('star', e.starred, a.starred);
  if (e.starred && a.starred) diff('star rule', e.starRule, a.starRule);
  diff('widget', e.widget.kind, a.widget.kind);
  if (e.widget.kind === 'native-select' || e.widget.kind === 'radio-group') diff('options', e.options, a.options);
  diff('usable', e.usable, a.usable);
  diff('dialog', e.dialog, a.dialog);
  diff('holds a value', e.filled, a.filled);
  const fill = compareFill(e, a);
  if (fill) out.push(fill);
  return out;
}

/** The differences between a stored report and its replay, one line each; empty when they agree. */
export function compareReports(expected: StructureReport, actual: StructureReport): string[] {
  const out: string[] = [];
  for (const k of ['kind', 'item', 'step', 'mode'] as const) {
    if (expected.page[k] !== actual.page[k]) out.push(`page ${k}: report ${fmt(expected.page[k])}, replay ${fmt(actual.page[k])}`);
  }

  const fields = pairs(expected.fields, actual.fields, keyOf);
  for (const f of fields.onlyA) out.push(`${shown(f)} is not on the replayed page (the report has it)`);
  for (const f of fields.onlyB) out.push(`${shown(f)} is on the replayed page but not in the report`);
  for (const [e, a] of fields.both) for (const d of compareField(e, a)) out.push(`${shown(e)} ${d}`);

  const uploads = pairs(expected.uploads, actual.uploads, (u) => u.label);
  for (const u of uploads.onlyA) out.push(`upload slot 「${u.label}」 is not on the replayed page`);
  for (const u of uploads.onlyB) out.push(`upload slot 「${u.label}」 is on the replayed page but not in the report`);
  for (const [e, a] of uploads.both) {
    for (const k of ['kind', 'accepts', 'starred', 'files', 'visible'] as const) {
      if (JSON.stringify(e[k]) !== JSON.stringify(a[k])) out.push(`upload slot 「${e.label}」 ${k}: report ${fmt(e[k])}, replay ${fmt(a[k])}`);
    }
  }

  if (expected.invoiceTables.length !== actual.invoiceTables.length) out.push(`invoice tables: report ${expected.invoiceTables.length}, replay ${actual.invoiceTables.length}`);
  expected.invoiceTables.forEach((t, i) => {
    const r = actual.invoiceTables[i];
    if (!r) return;
    const cols = (x: typeof t) => x.columns.map((c) => `${c.header}=${c.meaning ?? '—'}`);
    if (JSON.stringify(cols(t)) !== JSON.stringify(cols(r))) out.push(`invoice table ${i + 1} columns: report ${fmt(cols(t))}, replay ${fmt(cols(r))}`);
    if (t.rows !== r.rows) out.push(`invoice table ${i + 1} rows: report ${t.rows}, replay ${r.rows}`);
  });
  const req = (r: StructureReport) => [...r.rowRequirements.meanings].sort();
  if (JSON.stringify(req(expected)) !== JSON.stringify(req(actual))) out.push(`what an invoice row needs: report ${fmt(req(expected))}, replay ${fmt(req(actual))}`);

  if (JSON.stringify(expected.guard.codes) !== JSON.stringify(actual.guard.codes)) out.push(`warnings: report ${fmt(expected.guard.codes)}, replay ${fmt(actual.guard.codes)}`);
  return out;
}
