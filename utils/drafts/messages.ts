/**
 * Messages of the drafts (the background owns them: utils/drafts/handlers.ts). Every save carries the
 * `session` its load returned: after 结束本次服务 a save of the ended session is refused (`session-ended`).
 *
 * Form drafts ({field key → value} typed in the portal's form) are open to content scripts — the page
 * side captures what is typed there and offers 「恢复上次填写的内容」; they are declared once, in zod/mini,
 * in ./form-messages.ts (re-exported here). Invoice drafts and pictures are for the panel (an extension
 * page) only.
 */
import { z } from 'zod';
import { defineMessage } from '@/utils/messaging';
import { draftKeySchema } from './key';
import { storedInvoicesSchema } from './service';
import { draftSessionSchema as session, saveOutcomeSchema as saveOutcome } from './form-messages';

/** The tab the application is in (the panel knows it; a content script's own tab is taken from the sender). */
const tabId = z.number().int().nonnegative().optional();

export { loadFormDraft, saveFormDraft, deleteFormDraft, formDraftKept } from './form-messages';

/** The invoices of an application's draft (restored unconfirmed by the panel). */
export const loadInvoiceDraft = defineMessage(
  'drafts/invoices-load',
  z.object({ key: draftKeySchema, tabId }),
  z.object({ session, locked: z.boolean(), invoices: storedInvoicesSchema }),
);

export const saveInvoiceDraft = defineMessage('drafts/invoices-save', z.object({ key: draftKeySchema, session, invoices: storedInvoicesSchema, tabId }), saveOutcome);

/** Other 报销人 (profile ids) with a draft of the same item and application (the panel names them). */
export const otherDraftClaimants = defineMessage('drafts/other-claimants', z.object({ key: draftKeySchema }), z.object({ claimants: z.array(z.string()) }));

/** Forget an application's whole draft and its pictures. */
export const deleteDraft = defineMessage('drafts/delete', z.object({ key: draftKeySchema }), z.object({ deleted: z.boolean() }));

const base64 = z.string().max(40_000_000);
const imageSchema = z.object({ name: z.string().max(500), type: z.string().max(100), data: base64 });

/** Keep an invoice picture with its draft: only when 「保留发票图片」 is on (`stored` false otherwise). */
export const putDraftImage = defineMessage('drafts/image-put', z.object({ key: draftKeySchema, session, id: z.string().min(1).max(100), image: imageSchema }), z.object({ stored: z.boolean() }));

export const getDraftImage = defineMessage('drafts/image-get', z.object({ id: z.string().min(1).max(100) }), z.object({ image: imageSchema.nullable() }));

export const deleteDraftImage = defineMessage('drafts/image-delete', z.object({ id: z.string().min(1).max(100) }), z.object({ ok: z.boolean() }));

export { getApplicationId } from './application-message';
