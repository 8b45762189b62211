/**
 * The popup's 识别情况 from a structure report: which of the page model's rules matched on this page (how the
 * stars were found, where the labels came from, which widget frameworks drew the fields) and which starred
 * fields the helper did not understand. Pure.
 */
import { shownLabel } from '@/utils/page/summary';
import type { StructureReport } from './schema';

export interface Diagnostics {
  /** Star rules that found the starred fields, most used first: [rule, count]. */
  starRules: Array<[string, number]>;
  /** Where the labels of the understood fields came from: [label source, count]. */
  labelSources: Array<[string, number]>;
  /** Frameworks that drew the fields: [framework, count]. */
  frameworks: Array<[string, number]>;
  /** How many fields the helper understood (a meaning, or a trap it leaves alone) / saw (usable ones). */
  understood: number;
  fields: number;
  /** Starred fields shown now whose meaning stayed unknown (labels as shown). */
  unknownStarred: string[];
  /** Upload slots shown now whose document stayed unknown. */
  unknownSlots: string[];
}

function tally(values: ReadonlyArray<string | null>): Array<[string, number]> {
  const m = new Map<string, number>();
  for (const v of values) if (v) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}


export function diagnose(report: StructureReport): Diagnostics {
  const usable = report.fields.filter((f) => f.usable && f.dialog !== 'closed');
  // a trap (验证码, 紧急联系人 …) is understood too: the helper knows to leave it alone
  const understood = usable.filter((f) => f.meaning !== null || f.trap !== null);
  return {
    starRules: tally(usable.filter((f) => f.starred).map((f) => f.starRule)),
    labelSources: tally(understood.filter((f) => f.meaning !== null).map((f) => f.labelSource)),
    frameworks: tally(usable.map((f) => f.widget.framework)),
    understood: understood.length,
    fields: usable.length,
    unknownStarred: usable.filter((f) => f.starred && f.meaning === null && f.trap === null).map((f) => shownLabel(f.label || f.evidence[0]?.text || f.id)),
    unknownSlots: report.uploads.filter((u) => u.visible && u.kind === null).map((u) => shownLabel(u.label)),
  };
}
