/** Shared shapes of the autofill services: collect → match → plan → fill → verify. */
import type { Meaning, TaughtMeaning } from './meanings';

export type WidgetKind =
  | 'text' // native <input> / <textarea>, incl. el-input / ant-input (a native input inside)
  | 'native-select'
  | 'radio-group' // native radios sharing a name, el-radio-group, ant-radio-group …
  | 'checkbox'
  | 'custom-select' // el-select (UI / Plus), ant-select, ivu-select …
  | 'date' // el-date-picker (single), ant-picker …
  | 'daterange' // el-date-picker type=daterange (two inputs)
  | 'cascader'; // el-cascader (省/市/区)

export type LabelSource =
  | 'taught'
  | 'form-item'
  | 'label-for'
  | 'aria-labelledby'
  | 'aria-label'
  | 'enclosing-label'
  | 'table-cell'
  | 'table-header'
  | 'preceding-text'
  | 'placeholder'
  | 'title';

export interface LabelEvidence {
  text: string;
  source: LabelSource;
  /** 0..1: how much a person would trust this as the field's label. */
  weight: number;
}

export interface CollectedField {
  /** Index in collection order (stable for one collection). */
  index: number;
  kind: WidgetKind;
  /** The widget's root (the input itself for native fields; `.el-select` etc. for components). */
  element: HTMLElement;
  /** Native controls of the widget: one input for text/date/select, two for daterange, all radios of a group. */
  inputs: Array<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>;
  /** The form item / row holding the label, when there is one. */
  container: HTMLElement | null;
  /** Best label text (raw, as shown), '' when none. */
  label: string;
  /** Every label candidate found, best first. */
  evidence: LabelEvidence[];
  /** Nearest section heading above the field (e.g. 委托人信息), '' when none. */
  section: string;
  starred: boolean;
  /** Option texts for radio groups and native selects (custom selects: read when opened). */
  options: string[];
  /** Current value as the user sees it ('' = empty). */
  value: string;
  /** Which library the widget belongs to ('element', 'element-plus', 'ant', 'iview', 'native'). */
  library: string;
}

export interface MatchResult {
  field: CollectedField;
  meaning: Meaning | null;
  /** 0..1 */
  score: number;
  /** A trap term hit (紧急联系人, 验证码 …): never filled. */
  trap: string | null;
  /** Why: the synonym / qualifier / mapping that decided. */
  reason: string;
  taught: TaughtMeaning | null;
}

/** A value to put into one field. Strings for text-like fields; candidate option texts for choices. */
export type FillValue =
  | { type: 'text'; text: string }
  | { type: 'choice'; candidates: string[] } // selects / radios: first candidate an option matches
  | { type: 'path'; levels: Array<{ candidates: string[]; optional?: boolean }> } // cascader: per level, in order
  | { type: 'date'; iso: string }
  | { type: 'daterange'; start: string; end: string };

export interface PlannedFill {
  field: CollectedField;
  meaning: Meaning;
  value: FillValue;
  /** Fill even when the field already holds something (办理方式 follows the people chosen in the panel). */
  force?: boolean;
}

export interface PlanSkip {
  field: CollectedField;
  meaning: Meaning | null;
  reason: SkipReason;
  detail?: string;
}

export type SkipReason =
  | 'unknown-label'
  | 'trap'
  | 'ignored'
  | 'no-value'
  | 'kept'
  | 'not-needed' // 委托人 fields in 本人办理 that are not required
  | 'other-step' // invoice fields on the 基本信息 step and vice versa
  | 'unsupported';

export interface FillPlan {
  fills: PlannedFill[];
  skips: PlanSkip[];
  warnings: string[];
}

export interface DriverResult {
  ok: boolean;
  /** The value read back after filling. */
  value: string;
  reason?: string;
}

export interface DriverEnv {
  /** Wait helper (tests may make it instant). Time spent waiting is added to `stats.waitMs`. */
  wait(ms: number): Promise<void>;
  stats: { waitMs: number };
  /** Longest time to wait for a dropdown / panel to show (ms). */
  timeoutMs: number;
}

export interface ReportedField {
  label: string;
  meaning: Meaning | null;
  starred: boolean;
}

export interface FilledField extends ReportedField {
  meaning: Meaning;
  value: string;
}

export interface SkippedField extends ReportedField {
  reason: SkipReason;
  /** Plain words for the user. */
  message: string;
}

export interface RejectedField extends ReportedField {
  meaning: Meaning;
  /** Plain words for the user (includes the page's own error message when it showed one). */
  reason: string;
}

export interface FillReport {
  filled: FilledField[];
  /** Fields already holding a value (kept because overwrite is off). */
  kept: ReportedField[];
  skipped: SkippedField[];
  rejected: RejectedField[];
  warnings: string[];
  summary: {
    filled: number;
    /** Starred fields still empty after the fill. */
    needManual: number;
    /** Their labels and why. */
    manual: Array<{ label: string; reason: string }>;
    /** "已填写 8 项，2 项需要您手动填写" */
    text: string;
  };
  /** waitMs: time spent waiting for popups to show / the page to settle (not engine work). */
  timing: { totalMs: number; waitMs: number; fields?: Array<{ label: string; ms: number; waitMs: number }> };
}

export interface TaughtMapping {
  /** Label as the page shows it (normalised by `normalizeLabel` before comparing). */
  label: string;
  meaning: TaughtMeaning;
  /** Host where it was taught; absent = everywhere. */
  host?: string;
}

export interface CollectOptions {
  /** Also look into same-origin iframes. Default true. */
  frames?: boolean;
  /** Also look into open shadow roots. Default true. */
  shadow?: boolean;
  /** Include hidden / disabled fields (for diagnostics). Default false. */
  includeHidden?: boolean;
}

export interface AutofillOptions extends CollectOptions {
  mappings?: TaughtMapping[];
  /** Outline filled fields. Default true. */
  outline?: boolean;
  /** Max wait for a dropdown / date panel (ms). Default 1500. */
  timeoutMs?: number;
  /** District of an address (inject `districtOfAddress` from `@/utils/address`); a built-in fallback otherwise. */
  districtOf?: (address: string) => string | null;
  /** Today as YYYY-MM-DD for 申请日期 (default: the local date). */
  today?: string;
  /** Host the mappings are filtered by (default: root's location host). */
  host?: string;
}
