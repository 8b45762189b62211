/**
 * The form-draft messages (issue 10, "never lose what was typed"): the page features capture what is typed in
 * the portal's form and ask the background (which owns the store, utils/drafts/handlers.ts) to keep it. Open
 * to content scripts. Declared ONCE, in zod/mini: the content script sends with these definitions and the
 * background validates with the same ones (the page-features bundle carries no classic zod).
 *
 * Every save carries the `session` its load returned: after 结束本次服务 a save of the ended session is refused
 * (`session-ended`), so a page's pending save cannot bring a draft back.
 */
import * as z from 'zod/mini';
import { defineMessage } from '@/utils/messaging';
import { draftKeySchema } from './key';
import { formValuesSchema } from './form-values';

export const draftSessionSchema = z.string().check(z.minLength(1), z.maxLength(100));
export const saveOutcomeSchema = z.object({ saved: z.boolean(), reason: z.optional(z.enum(['locked', 'session-ended'])) });

/** Load the typed values of an application. `values` null: nothing kept (or locked: `locked` true). */
export const loadFormDraft = defineMessage(
  'drafts/form-load',
  z.object({ key: draftKeySchema }),
  z.object({ session: draftSessionSchema, locked: z.boolean(), values: z.nullable(formValuesSchema), updatedAt: z.nullable(z.string()) }),
);

/** Keep the typed values of an application (the whole form each time; saved: false while locked or after the session ended). */
export const saveFormDraft = defineMessage('drafts/form-save', z.object({ key: draftKeySchema, session: draftSessionSchema, values: formValuesSchema }), saveOutcomeSchema);

/** Forget the typed values of an application (the user declined 「恢复上次填写的内容」). */
export const deleteFormDraft = defineMessage('drafts/form-delete', z.object({ key: draftKeySchema, session: draftSessionSchema }), z.object({ deleted: z.boolean() }));

/**
 * Is what was typed in this tab kept? Asked by the portal's maintenance / 登录超时 page, which knows neither
 * the claimant nor the application: the background answers for the form drafts saved from the asking tab
 * (no values, only whether, when it was saved and until when it is kept).
 */
export const formDraftKept = defineMessage(
  'drafts/form-kept',
  z.object({}),
  z.object({ kept: z.boolean(), updatedAt: z.nullable(z.string()), expiresAt: z.nullable(z.string()) }),
);
