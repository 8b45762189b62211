import { t } from '@/utils/i18n';

/** One finding of a validator: a machine code + params, and the rendered plain-Chinese message. */
export interface Issue {
  code: string;
  params: string[];
  message: string;
}

/** Common result of the field validators. `notes` are friendly information (age, soft hints), never blocking. */
export interface FieldResult {
  ok: boolean;
  /** the normalised value to store */
  value: string;
  errors: Issue[];
  warnings: Issue[];
  notes: Issue[];
}

/** 'id-check-digit' → 'validateIdCheckDigit' (the message key in locales/validate.json). */
export function messageKey(code: string): string {
  return 'validate' + code.split('-').map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : '')).join('');
}

export function issue(code: string, ...params: Array<string | number>): Issue {
  const p = params.map(String);
  return { code, params: p, message: t(messageKey(code), ...p) };
}

export function result(value: string, errors: Issue[], warnings: Issue[] = [], notes: Issue[] = []): FieldResult {
  return { ok: errors.length === 0, value, errors, warnings, notes };
}

/** NFKC (full-width digits and letters → ASCII), trimmed. Non-strings become ''. */
export function normalizeInput(s: unknown): string {
  return typeof s === 'string' ? s.normalize('NFKC').trim() : '';
}

/** The first character of `s` not matching `allowed`, as people see it (a space is shown as 空格). */
export function firstBad(s: string, allowed: RegExp): string | undefined {
  for (const ch of s) if (!allowed.test(ch)) return ch === ' ' ? '空格' : ch;
  return undefined;
}
