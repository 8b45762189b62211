/**
 * Every portal frame: when the page says the login expired or the service is down (utils/drafts/outage.ts:
 * the portal's words, where it says them) and the background keeps what was typed in this tab, say so in
 * plain words (components/inpage/kept-notice.ts). Runs on pages the detector does not know (a 登录超时 or
 * 系统维护 page is neither a guide nor an application) and over the application itself (a login-timeout
 * message box), so it starts with the content script rather than on a page condition.
 */
import { sendMessage } from '@/utils/messaging';
import { formDraftKept } from '@/utils/drafts/form-messages';
import { outageShown, type Outage } from '@/utils/drafts/outage';
import { KEPT_NOTICE_TAG, showKeptNotice, type KeptNotice } from '@/components/inpage/kept-notice';
import { PANEL_HOST_TAG } from '@/utils/page/dom';

const helperNode = (el: Element) => el.tagName.toLowerCase() === KEPT_NOTICE_TAG || el.tagName.toLowerCase() === PANEL_HOST_TAG;

/** Asks per outage shown (a save may still be on its way when the message box appears). */
const ASKS = 4;

/** Watch this frame for an outage page or message; show the notice while one is shown and a draft is kept. */
export function watchForOutage(doc: Document, signal: AbortSignal): void {
  let notice: KeptNotice | null = null;
  let closedFor: Outage | null = null;
  let asking = false;
  let asked = 0;
  let scheduled: ReturnType<typeof setTimeout> | undefined;

  const check = async () => {
    scheduled = undefined;
    if (signal.aborted) return;
    const outage = outageShown(doc, helperNode);
    if (!outage) {
      notice?.remove();
      notice = null;
      closedFor = null;
      asked = 0;
      return;
    }
    if (notice || asking || closedFor === outage || asked >= ASKS) return;
    asking = true;
    asked++;
    try {
      const kept = await sendMessage(formDraftKept, {});
      if (kept.kept && !notice && !signal.aborted) notice = showKeptNotice(doc, outage, kept.expiresAt, () => {
        notice = null;
        closedFor = outage;
      });
    } catch {
      /* no background (updating): nothing to say */
    } finally {
      asking = false;
    }
    // a save may still be on its way (the message box came with the last change): look again shortly
    if (!notice && closedFor !== outage && asked < ASKS) schedule(1500);
  };
  const schedule = (ms = 400) => {
    if (scheduled === undefined && !signal.aborted) scheduled = setTimeout(() => void check(), ms);
  };
  const observer = new MutationObserver(() => schedule());
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(scheduled);
    notice?.remove();
  });
  void check();
}
