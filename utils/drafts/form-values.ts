/**
 * What the user typed in the portal's form, as a draft keeps it: {field key → value as the page shows it}
 * (keys: ./form-keys.ts). Declared once, in zod/mini: the page features (content script) send it, the
 * background's handlers and the draft service validate it with the same schema.
 */
import * as z from 'zod/mini';

export const MAX_FORM_FIELDS = 500;

export const formValuesSchema = z
  .record(z.string().check(z.minLength(1), z.maxLength(200)), z.string().check(z.maxLength(5000)))
  .check(z.refine((v) => Object.keys(v).length <= MAX_FORM_FIELDS, { message: 'too many fields' }));
export type FormValues = z.infer<typeof formValuesSchema>;
