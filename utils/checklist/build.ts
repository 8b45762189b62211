/**
 * 「要拍哪些照片」: the material checklist for a case and the people involved, ticked off from the
 * kinds of documents the 材料上传 page shows as uploaded.
 *
 * Derived from the guard's own knowledge, never a second copy: for each line the guard rule is run
 * on the application as it would stand with nothing uploaded (does the rule ask for it? → needed) and
 * as it stands with the uploads the page shows (is the rule satisfied? → done). The slots are the
 * guard's document kinds (utils/guard/documents.ts).
 */
import { emptyState, type ApplicationState, type UploadSlot } from '@/utils/guard/state';
import { RULES, type Rule } from '@/utils/guard/rules';
import type { DocumentKind } from '@/utils/guard/documents';
import { MATERIALS, SUBSTITUTE_SLOT_NAMES, VARIANT_LINES, type MaterialId } from './materials';

/** Who files for whom and what kind of care: the facts the material rules depend on. */
export interface Situation {
  /** 委托人办理: the account holder files for someone else. */
  delegated: boolean;
  /** The claimant is under 18 (no 身份证 of their own). */
  minor: boolean;
  deceased: boolean;
  /** At least one invoice is for 住院 (inpatient care). */
  inpatient: boolean;
  /** Invoices in the claim (for the 发票明细 count); 1 when not known yet. */
  invoiceCount?: number;
}

/** How many files of each kind the page shows as uploaded (the content script's adapter reads them). */
export type UploadedKinds = Partial<Record<DocumentKind, number>>;

export interface ChecklistLine {
  id: MaterialId;
  kind: DocumentKind;
  /** i18n keys */
  label: string;
  note: string;
  /** When a line that is not needed now would be (i18n key). */
  onlyWhen?: string;
  /** Needed in this situation (lines that are not needed are still returned, for a complete picture). */
  needed: boolean;
  /** null: not known (no 材料上传 page read yet); else whether the page shows it uploaded. */
  done: boolean | null;
  /** Files the page shows for this line (its own kind plus accepted substitutes). */
  files: number;
}

export const DEFAULT_SITUATION: Situation = { delegated: false, minor: false, deceased: false, inpatient: false };

const RULE_BY_CODE = new Map(RULES.map((r) => [r.code, r]));

function slots(uploaded: UploadedKinds): UploadSlot[] {
  const all: Array<[DocumentKind, string]> = [
    ...MATERIALS.map((m) => [m.kind, m.slotName] as [DocumentKind, string]),
    ...(Object.entries(SUBSTITUTE_SLOT_NAMES) as Array<[DocumentKind, string]>),
  ];
  return all.map(([kind, slotLabel]) => ({
    slotLabel,
    files: Array.from({ length: Math.max(0, uploaded[kind] ?? 0) }, (_, i) => `${slotLabel}-${i + 1}.jpg`),
  }));
}

function stateFor(s: Situation, uploaded: UploadedKinds, now: Date): ApplicationState {
  const count = Math.max(1, s.invoiceCount ?? 1);
  return {
    ...emptyState(now),
    mode: s.delegated ? 'delegated' : 'self',
    claimant: { isMinor: s.minor, deceased: s.deceased },
    invoices: Array.from({ length: count }, (_, i) => ({ visitType: s.inpatient && i === 0 ? '住院' : '门诊' })),
    uploads: slots(uploaded),
  };
}

function run(rule: Rule, state: ApplicationState) {
  return rule.pages.includes(state.page) ? rule.when(state) : null;
}

export function buildChecklist(situation: Situation, uploaded: UploadedKinds | null = null, now = new Date()): ChecklistLine[] {
  const nothing = stateFor(situation, {}, now);
  const actual = uploaded ? stateFor(situation, uploaded, now) : null;
  return MATERIALS.map((m) => {
    const rule = m.rule ? RULE_BY_CODE.get(m.rule) : undefined;
    if (m.rule && !rule) throw new Error(`checklist: no guard rule ${m.rule}`);
    const asked = rule ? run(rule, nothing) : {};
    const variant = asked?.key ? VARIANT_LINES[asked.key] : undefined;
    const accepts = [m.kind, ...(variant?.alsoAccepts ?? [])];
    const files = uploaded ? accepts.reduce((n, k) => n + Math.max(0, uploaded[k] ?? 0), 0) : 0;
    let done: boolean | null = null;
    if (actual) done = rule ? run(rule, actual) === null : files > 0;
    return {
      id: m.id,
      kind: m.kind,
      label: variant?.label ?? m.label,
      note: variant?.note ?? m.note,
      ...(m.onlyWhen ? { onlyWhen: m.onlyWhen } : {}),
      needed: asked !== null,
      done,
      files,
    };
  });
}

/** Needed lines not yet done (for "还差 2 项"). */
export function missingLines(lines: readonly ChecklistLine[]): ChecklistLine[] {
  return lines.filter((l) => l.needed && l.done === false);
}
