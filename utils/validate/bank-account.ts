/** 银行账号 of the reimbursed person: digits only, plausible length; a failed Luhn check is only a warning. */
import { issue, normalizeInput, firstBad, type FieldResult, type Issue } from './issue';

export interface BankAccountResult extends FieldResult {
  /** grouped by four for reading aloud: '6222 0212 3456 7890 128' */
  display: string;
  luhn?: boolean;
}

/** Luhn (mod 10) check used by bank card numbers. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/u.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function validateBankAccount(input: unknown): BankAccountResult {
  const raw = normalizeInput(input);
  const value = raw.replace(/[\s\-–—]+/gu, '');
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const display = value.replace(/(\d{4})(?=\d)/gu, '$1 ');
  const out = (luhn?: boolean): BankAccountResult => ({ ok: errors.length === 0, value, errors, warnings, notes: [], display, luhn });
  if (!value) {
    errors.push(issue('bank-empty'));
    return out();
  }
  const bad = firstBad(value, /\d/u);
  if (bad !== undefined) {
    errors.push(issue('bank-chars', bad));
    return out();
  }
  const n = value.length;
  if (n < 10 || n > 25) {
    errors.push(issue('bank-length', n));
    return out();
  }
  if (n < 12 || n > 19) warnings.push(issue('bank-length-unusual', n));
  const luhn = luhnValid(value);
  if (!luhn) warnings.push(issue('bank-luhn'));
  return out(luhn);
}
