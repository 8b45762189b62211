/**
 * Shapes of the autofill services: the page model (utils/page) reads the fields → plan → fill → verify.
 * The page model's field shapes are re-exported for the widget drivers.
 */
import type { Meaning } from '@/utils/page/meanings';
import type { CollectedField, CollectOptions, TaughtMapping } from '@/utils/page/types';

export type { WidgetKind, LabelSource, LabelEvidence, StarRule, CollectedField, MatchResult, PageField, TaughtMapping, CollectOptions } from '@/utils/page/types';

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
    /** Their labels, meanings and why. */
    manual: Array<{ label: string; reason: string; meaning?: Meaning | null }>;
    /** "已填写 8 项，2 项需要您手动填写" */
    text: string;
  };
  /** waitMs: time spent waiting for popups to show / the page to settle (not engine work). */
  timing: { totalMs: number; waitMs: number; fields?: Array<{ label: string; ms: number; waitMs: number }> };
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
