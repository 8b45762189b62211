/**
 * "What a person sees is what counts" (issue 15): after a fill, a family driver reads the widget twice —
 * the visible skin (layui title text, the checked radio skin, Ant's selection item, iView's label) and the
 * control or framework state the page submits (the hidden <select>, the native radio, iView's hidden value
 * input, the option the list marks as chosen). Filled only when both show the wanted value.
 */
import { sameText } from './types';
import type { DriverResult } from '../types';

export interface Views {
  /** What a person sees ('' = nothing shown). */
  seen: string;
  /** What the page keeps / submits, as text; null when the widget keeps nothing readable in the DOM. */
  kept: string | null;
}

/** The same option text, or one containing the other (a list may add a remark: "汇丰银行（中国）"). */
export function sameChoice(a: string, b: string): boolean {
  if (!a || !b) return false;
  const n = (s: string) => s.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '').toLowerCase();
  return sameText(a, b) || n(a).includes(n(b)) || n(b).includes(n(a));
}

/** Judge both views against the wanted text (`match` decides equality: dates compare digits, choices text). */
export function judge(v: Views, wanted: string, match: (got: string, want: string) => boolean = sameChoice): DriverResult {
  const seenOk = match(v.seen, wanted);
  const keptOk = v.kept === null ? seenOk : match(v.kept, wanted);
  if (seenOk && keptOk) return { ok: true, value: v.seen };
  if (seenOk) return { ok: false, value: v.seen, reason: `shown but not kept: the page keeps "${v.kept ?? ''}"` };
  if (keptOk) return { ok: false, value: v.seen, reason: `kept but not shown: the page shows "${v.seen}"` };
  return { ok: false, value: v.seen, reason: 'the page did not take the choice' };
}

export const hasAnyClass = (el: Element | null | undefined, classes: readonly string[] | string): boolean =>
  !!el && (typeof classes === 'string' ? [classes] : classes).some((c) => el.classList.contains(c));

