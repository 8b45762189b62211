/**
 * Shapes of the page model: what the one reader of the page (`readPageModel`) saw. The live model holds
 * element references (for the autofill drivers, the guard's notes); `PageSummary` (summary.ts) is the same
 * without them, plain and serialisable.
 */
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

/** Which rule found the star (for reports): the first that said yes. */
export type StarRule = 'required-class' | 'label-star' | 'star-element' | 'pseudo-star' | 'required-attr' | null;

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
  /** The rule that found the star (null when not starred). */
  starRule: StarRule;
  /** Option texts for radio groups and native selects (custom selects: read when opened). */
  options: string[];
  /** Current value as the user sees it ('' = empty). */
  value: string;
  /** Which library the widget belongs to ('element', 'element-plus', 'ant', 'iview', 'native' …). */
  library: string;
  /** The class names / structure that decided kind and library (for reports and the widget drivers). */
  hints: string[];
  /** A person could use it now: shown and enabled (the guard also reads hidden step panes; autofill only these). */
  usable: boolean;
  /** Inside a dialog (新增发票 …): open, closed, or not in one. */
  dialog: 'open' | 'closed' | null;
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

/** One field of the page with its meaning: what every consumer reads. */
export type PageField = MatchResult;

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
  /** Include hidden / disabled fields (the guard reads hidden step panes). Default false. */
  includeHidden?: boolean;
}
