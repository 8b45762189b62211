/**
 * The invoice store's line to the drafts: the background's typed draft messages (utils/drafts/messages.ts).
 * Pictures travel as base64 (extension messages carry JSON only).
 */
import { sendMessage } from '@/utils/messaging';
import { fromBase64, toBase64 } from '@/utils/crypto';
import { getDraftImage, loadInvoiceDraft, putDraftImage, saveInvoiceDraft } from '@/utils/drafts/messages';
import type { DraftClient } from './store';

export function messageDraftClient(): DraftClient {
  return {
    load: (key, tabId) => sendMessage(loadInvoiceDraft, { key, tabId }),
    async save(key, session, invoices, tabId) {
      const out = await sendMessage(saveInvoiceDraft, { key, session, invoices, tabId });
      return out.saved ? { saved: true } : { saved: false, reason: out.reason ?? 'locked' };
    },
    async putImage(key, session, id, file, name) {
      const data = toBase64(new Uint8Array(await file.arrayBuffer()));
      return (await sendMessage(putDraftImage, { key, session, id, image: { name, type: file.type, data } })).stored;
    },
    async getImage(id) {
      const { image } = await sendMessage(getDraftImage, { id });
      return image ? new Blob([fromBase64(image.data)], { type: image.type }) : null;
    },
  };
}
