/**
 * The panel and the page features about the form draft (「恢复上次填写的内容」): the panel says who the
 * 报销人 is (the draft key's claimant; it polls like its page info) and learns whether what is typed is being
 * kept and what a kept draft would give back; the user's choice comes back as restore / discard. zod/mini:
 * the page features answer them. The values travel only between the page's content script (isolated world)
 * and the panel (extension origin): the page's own scripts never see them.
 */
import * as z from 'zod/mini';
import { defineMessage } from '@/utils/messaging';

const label = z.string().check(z.maxLength(200));
const value = z.string().check(z.maxLength(5000));

export const offerSchema = z.object({
  /** When the kept draft was last saved (ISO). */
  savedAt: z.nullable(z.string()),
  fields: z.array(z.object({ key: z.string(), label, draft: value, page: value })),
  rows: z.array(z.object({ key: z.string(), label, values: z.record(z.string(), value) })),
});
export type OfferWire = z.infer<typeof offerSchema>;

export const restoreReportSchema = z.object({
  restored: z.array(label),
  refused: z.array(z.object({ label, reason: z.string() })),
  /** Kept values the page does not show now (another step): offered when it does. */
  waiting: z.number(),
});
export type RestoreReportWire = z.infer<typeof restoreReportSchema>;

/**
 * What the page side is doing with the form: `loading` (the draft is being read), `watching` (nothing
 * typed since), `saved` (at `savedAt`), `locked` (the helper is locked: nothing can be saved until it is
 * opened), `ended` (结束本次服务: nothing is kept on this page any more), `off` (no background).
 */
export const captureStateSchema = z.enum(['loading', 'watching', 'saved', 'locked', 'ended', 'off']);

export const formDraftStateSchema = z.object({ state: captureStateSchema, savedAt: z.nullable(z.string()), offer: z.nullable(offerSchema) });
export type FormDraftStateWire = z.infer<typeof formDraftStateSchema>;

export const getFormDraftState = defineMessage('drafts/page-state', z.object({ claimant: z.string().check(z.maxLength(64)) }), formDraftStateSchema);

/** Restore the chosen keys (fields and rows) of the offer. */
export const restoreFormDraft = defineMessage('drafts/page-restore', z.object({ keys: z.array(z.string().check(z.maxLength(300))).check(z.maxLength(600)) }), restoreReportSchema);

/** The user declined: the kept draft is forgotten, what the page holds now is kept instead. */
export const discardFormDraft = defineMessage('drafts/page-discard', z.object({}), z.object({ ok: z.boolean() }));
