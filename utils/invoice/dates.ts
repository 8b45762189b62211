// Dates as printed on invoices, labelled or not: 2024-11-05, 2024年11月05日, 20241105, 2024.11.05, 2024/11/05
// (with the spaces and look-alike characters OCR puts in), and stays printed as two such dates joined by
// -, 至 or 到 (自…至…). Only real calendar dates from 2000 to 2099 are accepted.
import { isRealDate, ymd } from './shapes';

/** Separators as OCR reads them: 年 sometimes as 午/牛, 月 as 目/用/冃, 日 as 曰/口. */
const Y = '[-年午牛./]';
const M = '[-月目用冃./]';
const D = '[日曰口]';
/** A month or day digit, with the look-alikes OCR reads between 年 and 月 (0] for 01, l for 1, O for 0). */
const G = '[\\dOoIl|\\]]';
/** One date (source of a RegExp, no flags): the separated forms first, then the 8-digit compact form. */
const DATE_SRC = `(20\\d{2})\\s*${Y}\\s*(\\d{1,2})\\s*${M}\\s*(\\d{1,2})(?!\\d)\\s*${D}?|(20\\d{2})\\s*年\\s*(${G}{1,2})\\s*[月目用冃]\\s*(${G}{1,2})(?!\\d)\\s*${D}?|(?<!\\d)(20\\d{2})(\\d{2})(\\d{2})(?!\\d)`;

const lookAlike = (t: string) => Number(t.replace(/[Oo]/g, '0').replace(/[Il|\]]/g, '1'));

/** Parses one printed date; null when it is not a real date in one of the printed forms. */
export function parseDate(raw: string): string | null {
  const m = new RegExp(`^\\s*(?:${DATE_SRC})\\s*$`).exec(raw);
  if (!m) return null;
  // (the look-alike form only with 年 and 月 printed: the characters pin the digits down)
  const y = Number(m[1] ?? m[4] ?? m[7]);
  const mo = m[5] !== undefined ? lookAlike(m[5]) : Number(m[2] ?? m[8]);
  const d = m[6] !== undefined ? lookAlike(m[6]) : Number(m[3] ?? m[9]);
  return isRealDate(y, mo, d) ? ymd(y, mo, d) : null;
}

export interface DateSpan {
  value: string;
  start: number;
  end: number;
}

/** Every real date in `s`, left to right. */
export function findDates(s: string): DateSpan[] {
  const out: DateSpan[] = [];
  const re = new RegExp(DATE_SRC, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const value = parseDate(m[0]);
    if (value) out.push({ value, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export interface PeriodSpan {
  value: [string, string];
  start: number;
  end: number;
}

/** A stay: two dates joined by -, ~, 至 or 到 (optionally 自 … 至 …), the first not after the second. */
export function findPeriod(s: string): PeriodSpan | null {
  const ds = findDates(s);
  for (let i = 0; i + 1 < ds.length; i++) {
    const a = ds[i]!;
    const b = ds[i + 1]!;
    const between = s.slice(a.end, b.start).replace(/\s/g, '');
    if (!/^(?:-|~|至|到|—|起至|起)$/.test(between)) continue;
    if (a.value > b.value) continue;
    const start = s[a.start - 1] === '自' ? a.start - 1 : a.start;
    return { value: [a.value, b.value], start, end: b.end };
  }
  return null;
}
