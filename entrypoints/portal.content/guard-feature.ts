import { installGuard, guardContextFrom, watchAddresses, type AddressWatch, type GuardHandle, type ProceedEvent } from '@/utils/guard';
import { isGuardNode } from '@/utils/guard/dom';
import { confirmSubmission, listFiledInvoices, reportPendingSubmission, PENDING_TTL_MS, SUCCESS_TEXT } from '@/utils/guard/history';
import { sendMessage } from '@/utils/messaging';
import type { PageInfo } from '@/utils/detect/page';
import { warningsPresenter } from '@/components/inpage/warnings-modal';
import { addressNotesView, type AddressNotesView } from '@/components/inpage/address-notes';
import { repeatNotice, type RepeatNotice } from '@/components/inpage/repeat-notice';
import { claimForGuard, type PortalState } from './handlers';

/**
 * The pre-submission guard on the application and 物流申请 pages, with the device's history of
 * filed invoices (numbers only) for the duplicate rule; its in-page UI comes from components/inpage.
 * `active` turns false when this content script is stale (extension updated): everything stands aside.
 */
export function createGuardFeature(state: PortalState, doc: Document = document, active: () => boolean = () => true) {
  let guard: GuardHandle | null = null;
  let notes: { watch: AddressWatch; view: AddressNotesView } | null = null;
  let repeat: RepeatNotice | null = null;
  let history: string[] = [];
  let watch: MutationObserver | undefined;
  let watchEnd: ReturnType<typeof setTimeout> | undefined;

  const loadHistory = async () => {
    if (!active()) return history;
    try {
      history = (await sendMessage(listFiledInvoices, {})).numbers;
    } catch {
      /* background asleep or updating: keep the last list */
    }
    return history;
  };

  const confirm = () => {
    if (active()) void sendMessage(confirmSubmission, {}).catch(() => {});
  };

  /** Success words in what a mutation added (not in the guard's own UI). */
  const addsSuccess = (records: MutationRecord[]) =>
    records.some((r) =>
      r.type === 'characterData'
        ? !isGuardNode(r.target) && SUCCESS_TEXT.test(r.target.textContent ?? '')
        : [...r.addedNodes].some((n) => !isGuardNode(n) && SUCCESS_TEXT.test(n.textContent ?? '')),
    );

  const stopWatching = () => {
    watch?.disconnect();
    watch = undefined;
    if (watchEnd) clearTimeout(watchEnd);
  };

  const onProceed = ({ kind, state: app, form }: ProceedEvent) => {
    if (kind !== 'submit' || app.page !== 'application') return;
    const invoices = app.invoices.flatMap((i) => (i.number && /^\d{6,20}$/.test(i.number) ? [{ number: i.number, code: i.code ?? null }] : []));
    if (invoices.length === 0) return;
    // A single-page app shows its success in this document: only what appears from now on counts
    // (a success text already on the page says nothing about this 提交). A form POST lands on a new
    // page, whose content script confirms on load; the background accepts it only from this frame,
    // on this page's route or where the form posts.
    stopWatching();
    let seen = false;
    let reported = false;
    const observer = new MutationObserver((records) => {
      if (!addsSuccess(records)) return;
      seen = true;
      if (reported) {
        stopWatching();
        confirm();
      }
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    watch = observer;
    watchEnd = setTimeout(stopWatching, PENDING_TTL_MS);
    const routes = form ? [form] : [];
    void sendMessage(reportPendingSubmission, { invoices, item: app.item, routes }).then(
      () => {
        reported = true;
        if (seen) {
          stopWatching();
          confirm();
        }
      },
      (err) => {
        stopWatching();
        console.warn('[guard] could not note the submission', err);
      },
    );
  };

  // A success page reached by navigation (server-rendered forms): the background checks it is the
  // frame and route the submission was made from.
  if (SUCCESS_TEXT.test(doc.body?.innerText ?? '')) confirm();
  void loadHistory();

  const install = () => {
    repeat = repeatNotice(doc);
    guard = installGuard({
      root: doc,
      // The guard asks on pointerdown and checks on click: answer at once with the history we
      // have, and refresh it for the next time (a round trip to the background may be slower).
      getContext: async () => {
        void loadHistory();
        return guardContextFrom(claimForGuard(state), state.page, history);
      },
      present: warningsPresenter(doc),
      askToRepeat: (action) => repeat?.show(action),
      onProceed,
      active,
    });
    const view = addressNotesView(doc);
    notes = { view, watch: watchAddresses(doc, (found) => (active() ? view.show(found) : undefined)) };
  };

  const uninstall = () => {
    guard?.dispose();
    guard = null;
    notes?.watch.dispose();
    notes?.view.dispose();
    notes = null;
    repeat?.dispose();
    repeat = null;
  };

  return {
    update(page: PageInfo | null) {
      const wanted = page?.kind === 'application' || page?.kind === 'logistics';
      if (wanted && !guard) install();
      if (!wanted && guard) uninstall();
    },
    dispose() {
      stopWatching();
      uninstall();
    },
  };
}
