/**
 * Background handlers of the drafts (./messages.ts), and the two events that end drafts: a confirmed
 * submission in a tab (the guard's `history/confirm`) and the expiry alarm.
 */
import { browser } from 'wxt/browser';
import { handle, type Handler } from '@/utils/messaging';
import { fromBase64, toBase64 } from '@/utils/crypto';
import { confirmSubmission } from '@/utils/guard/history';
import type { DraftService } from './service';
import {
  deleteDraft,
  deleteDraftImage,
  deleteFormDraft,
  formDraftKept,
  getDraftImage,
  loadFormDraft,
  loadInvoiceDraft,
  otherDraftClaimants,
  putDraftImage,
  saveFormDraft,
  saveInvoiceDraft,
} from './messages';

export const DRAFT_EXPIRY_ALARM = 'drafts-expiry';

export function draftHandlers(drafts: DraftService): Handler[] {
  const forPage = { allowContentScripts: true };
  return [
    // The page side captures what is typed in the portal's form (content scripts may call these three).
    handle(
      loadFormDraft,
      async ({ key }, sender) => {
        const d = await drafts.load(key, sender.tabId);
        return { session: d.session, locked: d.locked, values: d.form, updatedAt: d.updatedAt };
      },
      forPage,
    ),
    handle(saveFormDraft, ({ key, session, values }, sender) => drafts.saveForm(key, session, values, sender.tabId), forPage),
    handle(deleteFormDraft, async ({ key, session }, sender) => ({ deleted: await drafts.deleteForm(key, session, sender.tabId) }), forPage),
    // The portal's maintenance / 登录超时 page: is what was typed in this tab kept? (no values)
    handle(formDraftKept, async (_, sender) => (sender.tabId === undefined ? { kept: false, updatedAt: null, expiresAt: null } : drafts.keptInTab(sender.tabId)), forPage),
    // The panel (an extension page).
    handle(loadInvoiceDraft, async ({ key, tabId }, sender) => {
      const d = await drafts.load(key, tabId ?? sender.tabId);
      return { session: d.session, locked: d.locked, invoices: d.invoices };
    }),
    handle(saveInvoiceDraft, ({ key, session, invoices, tabId }, sender) => drafts.saveInvoices(key, session, invoices, tabId ?? sender.tabId)),
    handle(deleteDraft, async ({ key }) => ({ deleted: await drafts.delete(key) })),
    handle(otherDraftClaimants, async ({ key }) => ({ claimants: await drafts.otherClaimants(key) })),
    handle(putDraftImage, ({ key, session, id, image }) => drafts.putImage(key, session, id, { name: image.name, type: image.type, data: fromBase64(image.data).buffer })),
    handle(getDraftImage, async ({ id }) => {
      const img = await drafts.getImage(id);
      if (!img) return { image: null };
      const bytes = new Uint8Array(img.data instanceof ArrayBuffer ? img.data : await img.data.arrayBuffer());
      return { image: { name: img.name, type: img.type, data: toBase64(bytes) } };
    }),
    handle(deleteDraftImage, async ({ id }) => {
      await drafts.deleteImage(id);
      return { ok: true };
    }),
  ];
}

/**
 * The guard's `history/confirm` (the portal showed that the submission made in this tab succeeded):
 * after it records the invoices, that tab's drafts are done and deleted.
 */
export function endDraftsOnConfirmedSubmission(handlers: Handler[], drafts: DraftService): Handler[] {
  return handlers.map((h) =>
    h.type !== confirmSubmission.type
      ? h
      : {
          ...h,
          run: async (payload, sender) => {
            const out = await h.run(payload, sender);
            const recorded = (out as { recorded?: unknown }).recorded;
            if (typeof recorded === 'number' && recorded > 0 && sender.tabId !== undefined) await drafts.submitted(sender.tabId).catch(() => 0);
            return out;
          },
        },
  );
}

/** Expired drafts (abandoned applications) go at start and every few hours, with their pictures. */
export function registerDraftExpiry(drafts: DraftService): void {
  void drafts.purgeExpired().catch(() => 0);
  void browser.alarms.create(DRAFT_EXPIRY_ALARM, { periodInMinutes: 6 * 60 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DRAFT_EXPIRY_ALARM) void drafts.purgeExpired().catch(() => 0);
  });
}
