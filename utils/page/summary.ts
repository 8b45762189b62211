/**
 * The page model without element references: plain, serialisable data (structured clone / JSON). What the
 * structure report serialises and what the popup / checklist read. Values are NOT included — only whether a
 * field holds one — so a summary never carries personal data by itself.
 */
import type { PageModel, ApplyMode } from './model';
import type { AddressGroup } from './address';
import type { DocumentKind } from './vocabulary';
import type { InvoiceMeaning, Meaning, TaughtMeaning } from './meanings';
import type { ItemKind, Step } from '@/utils/schemas';
import type { LabelSource, StarRule, WidgetKind } from './types';

export interface FieldSummary {
  /** Stable within one reading: `f<index>` (the live model's `field.index`). */
  id: string;
  label: string;
  labelSource: LabelSource | null;
  /** Every label candidate with its source and weight (evidence for reports). */
  evidence: Array<{ text: string; source: LabelSource; weight: number }>;
  section: string;
  starred: boolean;
  starRule: StarRule;
  kind: WidgetKind;
  library: string;
  hints: string[];
  /**
   * Class names of the control, its wrapper, the widget root and the form item (for reports: which framework
   * drew it). State classes (is-checked, is-focus, has-error, …-active …) and the helper's own marks are left out.
   */
  classes: string[];
  options: string[];
  meaning: Meaning | null;
  score: number;
  reason: string;
  trap: string | null;
  taught: TaughtMeaning | null;
  /** Holds a value now (the value itself is not in the summary). */
  filled: boolean;
  usable: boolean;
  dialog: 'open' | 'closed' | null;
}

export interface UploadSummary {
  label: string;
  kind: DocumentKind | null;
  accepts: DocumentKind[];
  starred: boolean;
  starRule: StarRule;
  files: number;
  visible: boolean;
}

export interface PageSummary {
  version: 1;
  pageKind: 'guide' | 'application' | 'logistics' | null;
  item: ItemKind | null;
  step: Step;
  mode: ApplyMode | null;
  fields: FieldSummary[];
  uploads: UploadSummary[];
  invoiceTables: Array<{ columns: Array<{ header: string; meaning: InvoiceMeaning | null }>; rows: number }>;
  rowRequirements: { meanings: InvoiceMeaning[]; source: 'dialog' | 'columns' | 'dialog+columns' | 'none' };
  /** Which fields make up each address (ids), and whether it holds text. */
  addresses: Array<{ group: AddressGroup; fields: string[]; filled: boolean }>;
}

export const fieldId = (index: number) => `f${index}`;

/** State classes, and the helper's own marks (zwdt-autofilled): they would tell a choice or what was filled. */
const STATE_CLASS = /^(is|has|zwdt)-|checked|selected|active|focus|hover|error|success|warning|valid|disabled|open|visible|show/i;

/** Class names that say which framework drew a field (see `FieldSummary.classes`). */
export function fieldClasses(field: { element: Element; inputs: readonly Element[]; container: Element | null }): string[] {
  const control = field.inputs[0] ?? field.element;
  const els = [control, control.parentElement, field.element, field.container];
  const out: string[] = [];
  for (const el of els) {
    for (const c of Array.from(el?.classList ?? [])) if (!STATE_CLASS.test(c) && !out.includes(c) && out.length < 16) out.push(c);
  }
  return out;
}

export function summarise(model: PageModel): PageSummary {
  return {
    version: 1,
    pageKind: model.page?.kind ?? null,
    item: model.item,
    step: model.step,
    mode: model.mode,
    fields: model.fields.map(({ field: f, meaning, score, reason, trap, taught }) => ({
      id: fieldId(f.index),
      label: f.label,
      labelSource: f.evidence[0]?.source ?? null,
      evidence: f.evidence.map((e) => ({ text: e.text, source: e.source, weight: e.weight })),
      section: f.section,
      starred: f.starred,
      starRule: f.starRule,
      kind: f.kind,
      library: f.library,
      hints: [...f.hints],
      classes: fieldClasses(f),
      options: [...f.options],
      meaning,
      score,
      reason,
      trap,
      taught,
      filled: f.value !== '',
      usable: f.usable,
      dialog: f.dialog,
    })),
    uploads: model.uploads.map((u) => ({ label: u.label, kind: u.kind, accepts: [...u.accepts], starred: u.starred, starRule: u.starRule, files: u.files.length, visible: u.visible })),
    invoiceTables: model.invoiceTables.map((t) => ({ columns: t.columns.map((c) => ({ ...c })), rows: t.rows.length })),
    rowRequirements: { meanings: [...model.rowRequirements.meanings], source: model.rowRequirements.source },
    addresses: model.addresses.map((a) => ({ group: a.group, fields: a.parts.map((p) => fieldId(p.ref.field.index)), filled: a.text !== '' })),
  };
}

/** What the popup / checklist need to know about the page now (issue "guidance"): one call, plain data. */
export interface PageStatus {
  pageKind: 'guide' | 'application' | 'logistics' | null;
  item: ItemKind | null;
  step: Step;
  mode: ApplyMode | null;
  /** Starred fields a person can use now: filled, and still empty (labels as shown). */
  starred: { filled: string[]; missing: string[] };
  /** The same starred fields in page order, each with whether it holds a value. */
  fields: Array<{ label: string; filled: boolean }>;
  /** Invoice rows on the page now. */
  invoiceRows: number;
  /** Upload slots shown now, with how many files each holds. */
  uploads: Array<{ label: string; kind: DocumentKind | null; accepts: DocumentKind[]; starred: boolean; files: number }>;
  /** Guard codes that would fire if the user went on now (filled in by the caller, which runs the rules). */
  warnings: string[];
}

/** A label as a person names it: without its star, colon and spaces. */
export const shownLabel = (l: string) => l.replace(/[*＊:：\s]/g, '');

export function pageStatus(model: PageModel, warnings: readonly string[] = []): PageStatus {
  const starred = model.fields.filter((f) => f.field.starred && f.field.usable && f.field.dialog === null && !f.trap);
  return {
    pageKind: model.page?.kind ?? null,
    item: model.item,
    step: model.step,
    mode: model.mode,
    starred: {
      filled: starred.filter((f) => f.field.value !== '').map((f) => shownLabel(f.field.label)),
      missing: starred.filter((f) => f.field.value === '').map((f) => shownLabel(f.field.label)),
    },
    fields: starred.map((f) => ({ label: shownLabel(f.field.label), filled: f.field.value !== '' })),
    invoiceRows: model.invoiceTables.reduce((n, t) => n + t.rows.filter((r) => r.values['invoice.number'] || r.values['invoice.code']).length, 0),
    uploads: model.uploads.filter((u) => u.visible).map((u) => ({ label: shownLabel(u.label), kind: u.kind, accepts: [...u.accepts], starred: u.starred, files: u.files.length })),
    warnings: [...warnings],
  };
}
