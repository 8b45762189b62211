/**
 * The mailing address as a form field: classifyAddress wrapped as Issue lists.
 * For the profile editor an address outside Songjiang is a WARNING shown at once (a profile may be kept);
 * the pre-submission guard reads `verdict` and decides the severity itself.
 */
import { classifyAddress, type AddressVerdict } from '@/utils/address';
import { normalizeInput, type FieldResult, type Issue } from './issue';

export interface AddressFieldResult extends FieldResult {
  verdict: AddressVerdict;
}

export function validateAddressField(input: unknown): AddressFieldResult {
  const value = normalizeInput(input).replace(/\s+/gu, ' ');
  const verdict = classifyAddress(value);
  const it: Issue = { code: verdict.code, params: verdict.params, message: verdict.message };
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const notes: Issue[] = [];
  if (verdict.verdict === 'empty') errors.push(it);
  else if (verdict.verdict === 'outside' || verdict.verdict === 'unknown' || verdict.code === 'address-inside-shared-name') warnings.push(it);
  else notes.push(it);
  return { ok: errors.length === 0, value, errors, warnings, notes, verdict };
}
