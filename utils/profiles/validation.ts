/**
 * What the profile editor shows next to each field while the user types, from the shared
 * validators (utils/validate, utils/address). `error` blocks saving; `warning` and `info` never do.
 */
import { validateAddressField, validateBankAccount, validateIdNumber, validateName, validatePhone, validatePostcode, type FieldResult } from '@/utils/validate';
import { t } from '@/utils/i18n';

export type FeedbackLevel = 'error' | 'warning' | 'info';
export interface FieldFeedback {
  level: FeedbackLevel;
  messages: string[];
}

export type CheckedField = 'name' | 'idNumber' | 'phone' | 'mailingAddress' | 'bankName' | 'bankAccount' | 'postcode';

function fromResult(r: FieldResult): FieldFeedback | null {
  if (r.errors.length) return { level: 'error', messages: r.errors.map((i) => i.message) };
  if (r.warnings.length) return { level: 'warning', messages: [...r.warnings, ...r.notes].map((i) => i.message) };
  if (r.notes.length) return { level: 'info', messages: r.notes.map((i) => i.message) };
  return null;
}

/** Feedback for one field's current text; null = nothing to say. Optional fields say nothing when empty. */
export function fieldFeedback(field: CheckedField, value: string, today: Date = new Date()): FieldFeedback | null {
  switch (field) {
    case 'name':
      return fromResult(validateName(value));
    case 'idNumber':
      return fromResult(validateIdNumber(value, today));
    case 'phone':
      return fromResult(validatePhone(value));
    case 'mailingAddress':
      return fromResult(validateAddressField(value));
    case 'bankAccount':
      return fromResult(validateBankAccount(value));
    case 'bankName':
      return value.trim() ? null : { level: 'error', messages: [t('profilesErrRequired')] };
    case 'postcode':
      return value.trim() ? fromResult(validatePostcode(value)) : null;
  }
}

/** Age in full years and minor flag from an ID number (for later rules and the editor), or null. */
export function ageFromIdNumber(idNumber: string, today: Date = new Date()): { age: number; isMinor: boolean } | null {
  const r = validateIdNumber(idNumber, today);
  return r.ok && r.age !== undefined ? { age: r.age, isMinor: !!r.isMinor } : null;
}
