/**
 * The checklist's situation from what the user answered (eligibility + the people questions) and its
 * form in a URL (the printable page `guidance.html?…` opens with the same situation).
 */
import type { Outcome } from '@/utils/eligibility';
import type { Situation } from './build';

export function situationFrom(outcome: Outcome | null, people: Omit<Situation, 'inpatient' | 'invoiceCount'>): Situation {
  const inpatient = outcome?.kind === 'eligible' && outcome.visit === 'inpatient';
  return { ...people, inpatient };
}

const FLAGS = ['delegated', 'minor', 'deceased', 'inpatient'] as const;

/** `delegated=1&minor=0…` — only the four flags. */
export function situationToQuery(s: Situation): string {
  return FLAGS.map((f) => `${f}=${s[f] ? 1 : 0}`).join('&');
}

export function situationFromQuery(search: string): Situation {
  const q = new URLSearchParams(search.replace(/^\?/, ''));
  const flag = (f: (typeof FLAGS)[number]) => q.get(f) === '1';
  return { delegated: flag('delegated'), minor: flag('minor'), deceased: flag('deceased'), inpatient: flag('inpatient') };
}
