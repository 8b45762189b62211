/** 邮政编码: 6 digits. Shanghai codes start with 20; 2016xx is reported for Songjiang (unverified: a soft hint). */
import { issue, normalizeInput, firstBad, type FieldResult, type Issue } from './issue';

export interface PostcodeResult extends FieldResult {
  /** 2016xx: probably Songjiang (soft signal only) */
  songjiangHint: boolean;
}

export function validatePostcode(input: unknown): PostcodeResult {
  const value = normalizeInput(input).replace(/\s+/gu, '');
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const notes: Issue[] = [];
  const out = (): PostcodeResult => ({ ok: errors.length === 0, value, errors, warnings, notes, songjiangHint: /^2016\d\d$/u.test(value) });
  if (!value) errors.push(issue('postcode-empty'));
  else if (!/^\d{6}$/u.test(value)) {
    const bad = firstBad(value, /\d/u);
    errors.push(bad !== undefined ? issue('postcode-chars', bad) : issue('postcode-length', value.length));
  } else if (!value.startsWith('20')) warnings.push(issue('postcode-not-shanghai', value));
  else if (value.startsWith('2016')) notes.push(issue('postcode-songjiang', value));
  else notes.push(issue('postcode-not-songjiang', value));
  return out();
}
