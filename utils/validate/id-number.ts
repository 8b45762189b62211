/**
 * 居民身份证号码 (GB 11643-1999): 6-digit region + 8-digit birth date + 3-digit sequence (odd = male) +
 * check digit (ISO 7064 mod 11-2, `X` for 10).
 */
import { issue, normalizeInput, type Issue } from './issue';
import { ID_PROVINCES, shanghaiRegion } from './regions';

export interface IdNumberResult {
  ok: boolean;
  /** normalised: no spaces, upper-case X */
  value: string;
  errors: Issue[];
  warnings: Issue[];
  /** friendly information: age, retired region code */
  notes: Issue[];
  birthDate?: string;
  age?: number;
  isMinor?: boolean;
  sex?: 'male' | 'female';
  provinceName?: string;
  /** known region name (Shanghai codes only), e.g. '松江县' */
  regionName?: string;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';

/** The check digit for the first 17 digits (throws on anything but 17 digits). */
export function idCheckDigit(first17: string): string {
  if (!/^\d{17}$/u.test(first17)) throw new Error('idCheckDigit needs 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
const pad = (n: number) => String(n).padStart(2, '0');

/** Full years (周岁) on `today`; a birthday on 29 February is reached on 1 March in common years. */
export function ageOn(birth: { y: number; m: number; d: number }, today: Date): number {
  const ty = today.getFullYear();
  const tmd = (today.getMonth() + 1) * 100 + today.getDate();
  return ty - birth.y - (tmd < birth.m * 100 + birth.d ? 1 : 0);
}

export function validateIdNumber(input: unknown, today: Date = new Date()): IdNumberResult {
  const value = normalizeInput(input).replace(/[\s-]+/gu, '').toUpperCase();
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const notes: Issue[] = [];
  const done = (extra: Partial<IdNumberResult> = {}): IdNumberResult => ({ ok: errors.length === 0, value, errors, warnings, notes, ...extra });

  if (value.length === 0) {
    errors.push(issue('id-empty'));
    return done();
  }
  if (/^\d{15}$/u.test(value)) {
    errors.push(issue('id-legacy15'));
    return done();
  }
  const bad = [...value].find((ch, i) => !(/\d/u.test(ch) || (i === 17 && ch === 'X')));
  if (bad !== undefined && value.length === 18) {
    errors.push(issue('id-chars', bad));
    return done();
  }
  if (value.length !== 18) {
    errors.push(bad !== undefined ? issue('id-chars', bad) : issue('id-length', [...value].length));
    return done();
  }

  const extra: Partial<IdNumberResult> = {};
  const province = ID_PROVINCES[value.slice(0, 2)];
  if (!province) errors.push(issue('id-province', value.slice(0, 2)));
  else extra.provinceName = province;
  const region = shanghaiRegion(value.slice(0, 6));
  if (region) {
    extra.regionName = region.name;
    if (region.retired && region.now) notes.push(issue('id-region-retired', value.slice(0, 6), region.name, region.now));
  }

  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const shown = `${value.slice(6, 10)}年${value.slice(10, 12)}月${value.slice(12, 14)}日`;
  let birthOk = false;
  if (m === 2 && d === 29 && !isLeapYear(y)) errors.push(issue('id-birth-feb29', y));
  else if (m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) errors.push(issue('id-birth-date', shown));
  else if (y < 1900) errors.push(issue('id-birth-before1900', shown));
  else {
    const todayNum = today.getFullYear() * 10000 + (today.getMonth() + 1) * 100 + today.getDate();
    if (y * 10000 + m * 100 + d > todayNum) errors.push(issue('id-birth-future', shown));
    else birthOk = true;
  }

  const expected = idCheckDigit(value.slice(0, 17));
  if (expected !== value[17]) errors.push(issue('id-check-digit', expected, value[17]!));

  extra.sex = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  if (birthOk) {
    const age = ageOn({ y, m, d }, today);
    extra.birthDate = `${y}-${pad(m)}-${pad(d)}`;
    extra.age = age;
    extra.isMinor = age < 18;
    if (age >= 110) warnings.push(issue('id-very-old', age));
    notes.push(age < 18 ? issue('id-minor', shown, age) : issue('id-age', shown, age));
  }
  return done(extra);
}
