/**
 * Facts about the claimant (报销人) the rules need: age from the ID number — the shared ID
 * validator (utils/validate) decides; old 15-digit numbers (birth date in digits 7–12) are read here.
 */
import { validateIdNumber } from '@/utils/validate';
import type { ApplicationState } from './state';

export function birthDateFromId(idNumber: string | undefined): Date | null {
  const id = (idNumber ?? '').replace(/\s+/g, '').toUpperCase();
  let y: number, m: number, d: number;
  if (/^\d{17}[\dX]$/.test(id)) {
    [y, m, d] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  } else if (/^\d{15}$/.test(id)) {
    [y, m, d] = [1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12))];
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date;
}

export function ageOn(idNumber: string | undefined, now: Date): number | null {
  if (!idNumber?.trim()) return null;
  const checked = validateIdNumber(idNumber, now);
  if (checked.age !== undefined) return checked.age;
  const birth = birthDateFromId(idNumber);
  if (!birth || birth.getTime() > now.getTime()) return null;
  let age = now.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    now.getUTCMonth() < birth.getUTCMonth() || (now.getUTCMonth() === birth.getUTCMonth() && now.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

/** Minor (under 18): the explicit flag wins, else the age from the ID number. */
export function claimantIsMinor(state: ApplicationState): boolean {
  if (state.claimant.isMinor !== undefined) return state.claimant.isMinor;
  const age = ageOn(state.claimant.idNumber, state.now);
  return age !== null && age < 18;
}

/** Compare names the way a person would: ignore spaces and a middle dot; `*` masks one character. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').replace(/[\s·•．.]/g, '');
  const x = norm(a);
  const y = norm(b);
  if (!x || !y) return true;
  if (x === y) return true;
  if (x.length !== y.length) return false;
  return [...x].every((c, i) => c === y[i] || c === '*' || y[i] === '*');
}
