import type { CollectedField, DriverEnv, DriverResult, FillValue } from '../types';

/** Drives one widget family; chosen by (kind, library) in `index.ts`. */
export interface Driver {
  fill(field: CollectedField, value: FillValue, env: DriverEnv): Promise<DriverResult>;
  /**
   * The same without yielding, for widgets that need no popup: the orchestrator runs these back to back
   * so the page's framework re-renders once for all of them instead of once per field.
   */
  fillSync?(field: CollectedField, value: FillValue): DriverResult;
}

export const fail = (value: string, reason: string): DriverResult => ({ ok: false, value, reason });

/** The text form of a fill value (for text-like widgets). */
export function valueText(v: FillValue): string {
  switch (v.type) {
    case 'text':
      return v.text;
    case 'choice':
      return v.candidates[0] ?? '';
    case 'date':
      return v.iso;
    case 'daterange':
      return `${v.start} 至 ${v.end}`;
    case 'path':
      return v.levels.map((l) => l.candidates[0] ?? '').join('');
  }
}

/** Same text once spaces, case and full/half width are ignored. */
export function sameText(a: string, b: string): boolean {
  const n = (s: string) => s.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '').toLowerCase();
  return n(a) === n(b);
}

/** Digits of a date in any format ("2024年03月05日" → "20240305"). */
export function dateDigits(s: string): string {
  const m = s.normalize('NFKC').match(/(\d{4})\D{0,3}(\d{1,2})\D{0,3}(\d{1,2})/);
  if (!m) return '';
  return `${m[1]}${m[2]!.padStart(2, '0')}${m[3]!.padStart(2, '0')}`;
}
