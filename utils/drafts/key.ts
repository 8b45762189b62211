/**
 * Which application a draft belongs to: the item (职保 / 居保), the claimant (the profile chosen as 报销人)
 * and the portal's application (its number, or the page's own id for it, where the page shows one).
 * A later application — for another person, or with another number — never meets an earlier draft.
 * zod/mini: the page features (content script) key the form drafts with it and stay small; mini schemas nest
 * in the panel's classic-zod messages as they are.
 */
import * as z from 'zod/mini';
import { itemKindSchema } from '@/utils/schemas';

export const draftKeySchema = z.object({
  item: z.nullable(itemKindSchema),
  /** The claimant's profile id; '' when none is chosen. */
  claimant: z.string().check(z.maxLength(64)),
  /** The portal's application number or the page's own id for it (utils/page/application-id.ts); '' when none is shown. */
  application: z.string().check(z.maxLength(100)),
});
export type DraftKey = z.infer<typeof draftKeySchema>;

/** The record id of a draft (key parts in order; also how a v1 draft was renamed by the upgrade). */
export const draftIdOf = (k: DraftKey): string => JSON.stringify([k.item ?? '', k.claimant, k.application]);

/**
 * `meta` record holding the current drafting session id. 结束本次服务 replaces it in the same transaction
 * as it wipes the drafts, so a save prepared before the wipe (a panel's pending save) is refused.
 */
export const DRAFT_SESSION_KEY = 'draftSession';
