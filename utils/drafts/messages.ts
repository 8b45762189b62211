/**
 * Messages of the drafts (the background owns them: utils/drafts/handlers.ts). Every save carries the
 * `session` its load returned: after 结束本次服务 a save of the ended session is refused (`session-ended`).
 *
 * Form drafts ({field key → value} typed in the portal's form) are open to content scripts — the page
 * side captures what is typed there and offers 「恢复上次填写的内容」; invoice drafts and pictures are for
 * the panel (an extension page) only.
 */
import { z } from 'zod';
import { defineMessage } from '@/utils/messaging';
import { draftKeySchema } from './key';
import { formValuesSchema, storedInvoicesSchema } from './service';

const session = z.string().min(1).max(100);
/** The tab the application is in (the panel knows it; a content script's own tab is taken from the sender). */
const tabId = z.number().int().nonnegative().optional();
const saveOutcome = z.object({ saved: z.boolean(), reason: z.enum(['locked', 'session-ended']).optional() });

/** Load the typed values of an application. `values` null: nothing kept (or locked: `locked` true). */
export const loadFormDraft = defineMessage(
  'drafts/form-load',
  z.object({ key: draftKeySchema }),
  z.object({ session, locked: z.boolean(), values: formValuesSchema.nullable(), updatedAt: z.string().nullable() }),
);

/** Keep the typed values of an application (the whole form each time; saved: false while locked or after the session ended). */
export const saveFormDraft = defineMessage('drafts/form-save', z.object({ key: draftKeySchema, session, values: formValuesSchema }), saveOutcome);

/** Forget the typed values of an application (the user declined 「恢复上次填写的内容」). */
export const deleteFormDraft = defineMessage('drafts/form-delete', z.object({ key: draftKeySchema, session }), z.object({ deleted: z.boolean() }));

/** The invoices of an application's draft (restored unconfirmed by the panel). */
export const loadInvoiceDraft = defineMessage(
  'drafts/invoices-load',
  z.object({ key: draftKeySchema, tabId }),
  z.object({ session, locked: z.boolean(), invoices: storedInvoicesSchema }),
);

export const saveInvoiceDraft = defineMessage('drafts/invoices-save', z.object({ key: draftKeySchema, session, invoices: storedInvoicesSchema, tabId }), saveOutcome);

/** Forget an application's whole draft and its pictures. */
export const deleteDraft = defineMessage('drafts/delete', z.object({ key: draftKeySchema }), z.object({ deleted: z.boolean() }));

const base64 = z.string().max(40_000_000);
const imageSchema = z.object({ name: z.string().max(500), type: z.string().max(100), data: base64 });

/** Keep an invoice picture with its draft: only when 「保留发票图片」 is on (`stored` false otherwise). */
export const putDraftImage = defineMessage('drafts/image-put', z.object({ key: draftKeySchema, session, id: z.string().min(1).max(100), image: imageSchema }), z.object({ stored: z.boolean() }));

export const getDraftImage = defineMessage('drafts/image-get', z.object({ id: z.string().min(1).max(100) }), z.object({ image: imageSchema.nullable() }));

export const deleteDraftImage = defineMessage('drafts/image-delete', z.object({ id: z.string().min(1).max(100) }), z.object({ ok: z.boolean() }));

export { getApplicationId } from './application-message';
