// Errors with a stable code (an i18n key) and a user-facing message.
import { t } from '@/utils/i18n';
import type { Issue } from './types';

export class InvoiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvoiceError';
  }
}

/** Builds an InvoiceError whose message is the translated `code`. */
export function invoiceError(code: string, ...subs: Array<string | number>): InvoiceError {
  return new InvoiceError(code, t(code, ...subs));
}

/** Any thrown value → an Issue for `InvoiceResult.error`; unknown errors get `fallbackCode`. */
export function toIssue(e: unknown, fallbackCode: string): Issue {
  if (e instanceof InvoiceError) return { code: e.code, message: e.message };
  const msg = e instanceof Error ? e.message : String(e);
  return { code: fallbackCode, message: t(fallbackCode, msg) };
}
