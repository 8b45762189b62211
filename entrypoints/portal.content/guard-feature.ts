import { installGuard, guardContextFrom, type GuardHandle, type ProceedEvent } from '@/utils/guard';

import { confirmSubmission, listFiledInvoices, reportPendingSubmission, SUCCESS_TEXT } from '@/utils/guard/history-messages';
import { sendMessage } from '@/utils/messaging';
import type { PageInfo } from '@/utils/detect/page';
import type { ClaimContext } from '@/utils/schemas';

/** Where the guard learns what the page cannot show (the panel's claim) and which page this is. */
export interface GuardSource {
  claim(): ClaimContext | null;
  page(): PageInfo | null;
}

/**
 * The pre-submission guard on the application and 物流申请 pages, with the device's history of
 * filed invoices (numbers only) for the duplicate rule.
 */
export function createGuardFeature(state: GuardSource, doc: Document = document) {
  let guard: GuardHandle | null = null;
  let history: string[] = [];
  let watch: MutationObserver | undefined;

  const loadHistory = async () => {
    try {
      history = (await sendMessage(listFiledInvoices, {})).numbers;
    } catch {
      /* background asleep or updating: keep the last list */
    }
    return history;
  };

  const succeeded = () => SUCCESS_TEXT.test(doc.body?.innerText ?? '');
  const confirmIfSucceeded = () => {
    if (!succeeded()) return false;
    void sendMessage(confirmSubmission, {}).catch(() => {});
    return true;
  };

  const onProceed = ({ kind, state: app }: ProceedEvent) => {
    if (kind !== 'submit' || app.page !== 'application') return;
    const invoices = app.invoices.flatMap((i) => (i.number && /^\d{6,20}$/.test(i.number) ? [{ number: i.number, code: i.code ?? null }] : []));
    if (invoices.length === 0) return;
    void sendMessage(reportPendingSubmission, { invoices, item: app.item }).then(
      () => {
        // A single-page app shows its success message in this document (watch it for a while); a
        // form POST lands on a new page, whose content script confirms on load.
        watch?.disconnect();
        if (confirmIfSucceeded()) return;
        const observer = new MutationObserver(() => {
          if (confirmIfSucceeded()) observer.disconnect();
        });
        observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
        watch = observer;
        setTimeout(() => observer.disconnect(), 60_000);
      },
      (err) => console.warn('[guard] could not note the submission', err),
    );
  };

  // A success page reached by navigation (server-rendered forms).
  confirmIfSucceeded();
  void loadHistory();

  return {
    update(page: PageInfo | null) {
      const wanted = page?.kind === 'application' || page?.kind === 'logistics';
      if (wanted && !guard) {
        guard = installGuard({
          root: doc,
          // The guard asks on pointerdown and checks on click: answer at once with the history we
          // have, and refresh it for the next time (a round trip to the background may be slower).
          getContext: async () => {
            void loadHistory();
            return guardContextFrom(state.claim(), state.page(), history);
          },
          onProceed,
        });
      }
      if (!wanted && guard) {
        guard.dispose();
        guard = null;
      }
    },
    dispose() {
      watch?.disconnect();
      guard?.dispose();
      guard = null;
    },
  };
}
