/**
 * Facts about the claimant (报销人) the rules need: age from the ID number (parsed once, in
 * utils/schemas `idFacts`: the shared validator decides; old 15-digit numbers are read too).
 */
import { idFacts } from '@/utils/id-facts';
import type { ApplicationState } from './state';

export function ageOn(idNumber: string | undefined, now: Date): number | null {
  if (!idNumber?.trim()) return null;
  return idFacts(idNumber, now).age;
}

/** Minor (under 18): the explicit flag wins, else the age from the ID number. */
export function claimantIsMinor(state: ApplicationState): boolean {
  if (state.claimant.isMinor !== undefined) return state.claimant.isMinor;
  const age = ageOn(state.claimant.idNumber, state.now);
  return age !== null && age < 18;
}

/** A name as a person reads it: full-width forms folded, spaces and a middle dot dropped. */
export function normalName(s: string): string {
  return s.normalize('NFKC').replace(/[\s·•．.]/g, '');
}

/** Compare names the way a person would: ignore spaces and a middle dot; `*` masks one character. */
export function sameName(a: string, b: string): boolean {
  const x = normalName(a);
  const y = normalName(b);
  if (!x || !y) return true;
  if (x === y) return true;
  if (x.length !== y.length) return false;
  return [...x].every((c, i) => c === y[i] || c === '*' || y[i] === '*');
}
