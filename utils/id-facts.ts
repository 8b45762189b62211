/**
 * What an ID number says about its holder — the ONE place that parses it for the helper (autofill's 出生日期 /
 * 性别, the guard's minor check, the panel's claim). The shared validator (utils/validate) decides for 18-character
 * numbers; old 15-digit numbers carry the birth date in digits 7–12.
 */
import { validateIdNumber } from '@/utils/validate/id-number';

export interface IdFacts {
  /** YYYY-MM-DD, also from an old 15-digit number; null when the number holds no real date. */
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  /** Full years on `today`, when the birth date is real and not in the future. */
  age: number | null;
  isMinor: boolean | null;
}

export function idFacts(idNumber: string | undefined | null, today: Date = new Date()): IdFacts {
  const id = (idNumber ?? '').replace(/[\s-]+/g, '').toUpperCase();
  const none: IdFacts = { birthDate: null, sex: null, age: null, isMinor: null };
  if (/^\d{17}[\dX]$/.test(id)) {
    const v = validateIdNumber(id, today);
    if (v.birthDate) return { birthDate: v.birthDate, sex: v.sex ?? null, age: v.age ?? null, isMinor: v.isMinor ?? null };
    // a real date the validator refused for another reason (check digit …) still says who it is
    return { ...none, ...legacyDate(id.slice(6, 10), id.slice(10, 12), id.slice(12, 14), today), sex: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
  }
  if (/^\d{15}$/.test(id)) return { ...none, ...legacyDate(`19${id.slice(6, 8)}`, id.slice(8, 10), id.slice(10, 12), today), sex: Number(id[14]) % 2 === 1 ? 'male' : 'female' };
  return none;
}

function legacyDate(ys: string, ms: string, ds: string, today: Date): Pick<IdFacts, 'birthDate' | 'age' | 'isMinor'> {
  const [y, m, d] = [Number(ys), Number(ms), Number(ds)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { birthDate: null, age: null, isMinor: null };
  const birthDate = `${ys}-${ms}-${ds}`;
  const tmd = (today.getMonth() + 1) * 100 + today.getDate();
  const age = today.getFullYear() - y - (tmd < m * 100 + d ? 1 : 0);
  if (age < 0) return { birthDate, age: null, isMinor: null };
  return { birthDate, age, isMinor: age < 18 };
}
