/**
 * "Never lose what was typed", the page side: while the user types in the application (any step), keep a
 * draft of the form's values in the extension (through the background's `drafts/form-save`: never the page's
 * storage; sealed under the lock; same key and expiry as the invoice drafts; wiped by 结束本次服务), and when
 * the page comes back emptier than its draft — after the login expired, a reload, days of maintenance —
 * offer 「恢复上次填写的内容」 and restore the user's choice through the autofill drivers.
 *
 * - Key: item (the page) + claimant (the 报销人 chosen in the panel, which says so each time it asks for the
 *   state; '' before it does, like the invoice drafts) + the application id the page shows.
 * - Capture: on `input` / `change` / `click` (rows come and go through dialogs), debounced; flushed at once on
 *   `pagehide` and when the page is hidden. Only after something happened on the page: a page that comes
 *   back empty never overwrites its draft. Nothing is saved after the page says the submission succeeded.
 * - While an offer is open, a save keeps the draft with what the page holds now on top (./form-offer.ts
 *   `mergeForSave`): a second expiry before the choice loses neither.
 * - A key change (another 报销人) moves what this page typed: saved under the new key, its old copy deleted.
 * - 结束本次服务: the draft and the offer are dropped and nothing more is saved from this page.
 */
import type { PageInfo } from '@/utils/detect/page';
import { readFields } from '@/utils/page/model';
import { readInvoiceTables } from '@/utils/page/invoices';
import { findButtonByText, findInvoiceRows } from '@/utils/autofill/invoice-row';
import { ADD_TEXTS } from '@/utils/autofill/invoice-rows';
import { applicationIdIn } from './page-application';
import { SUCCESS_TEXT } from '@/utils/guard/history-messages';
import { draftIdOf, type DraftKey } from './key';
import type { FormValues } from './form-values';
import { captureValues, isRowKey, keyFields, type KeyedField } from './form-keys';
import { defaultChoice, mergeForSave, offerOf, type Offer } from './form-offer';
import { restoreFields, restoreRows } from './form-restore';
import type { OfferWire, RestoreReportWire } from './page-messages';

type CaptureState = 'loading' | 'watching' | 'saved' | 'locked' | 'ended' | 'off';

/** The background's form-draft messages (./form-messages.ts), or fakes in tests. */
export interface FormDraftStore {
  load(key: DraftKey): Promise<{ session: string; locked: boolean; values: FormValues | null; updatedAt: string | null }>;
  save(key: DraftKey, session: string, values: FormValues): Promise<{ saved: boolean; reason?: 'locked' | 'session-ended' }>;
  remove(key: DraftKey, session: string): Promise<{ deleted: boolean }>;
}

export interface FormCaptureDeps {
  doc: Document;
  page(): PageInfo | null;
  store: FormDraftStore;
  /** Pause after typing before a save. */
  debounceMs?: number;
  /** How long to wait for the panel to say who the 报销人 is before keying with ''. */
  claimantWaitMs?: number;
  now?: () => number;
}

export interface FormCapture {
  /** The panel's poll: who the 报销人 is (draft key) → what is being kept, and the offer if any. */
  state(claimant: string): Promise<{ state: CaptureState; savedAt: string | null; offer: OfferWire | null }>;
  restore(keys: readonly string[]): Promise<RestoreReportWire>;
  discard(): Promise<{ ok: boolean }>;
  /** Save now what is pending (pagehide, tests). */
  flush(): Promise<void>;
  /** 结束本次服务: drop everything, keep nothing more from this page. */
  sessionEnded(): void;
  dispose(): void;
}

const stable = (v: FormValues) => JSON.stringify(Object.keys(v).sort().map((k) => [k, v[k]]));

export function createFormCapture(deps: FormCaptureDeps): FormCapture {
  const { doc, store } = deps;
  const debounceMs = deps.debounceMs ?? 700;
  const now = deps.now ?? Date.now;
  const win = doc.defaultView ?? window;

  let claimant: string | null = null; // null: the panel has not said yet
  let key: DraftKey | null = null;
  let session: string | null = null;
  let loading = false;
  let off = false;
  let ended = false;
  /** The kept draft of the current key (what an offer gives back) and when it was saved. */
  let draft: FormValues | null = null;
  let draftSavedAt: string | null = null;
  /** Keys of the draft the user restored or declined, or that the page already shows. */
  let decided = new Set<string>();
  let dirty = false;
  let edits = 0;
  let lastSaved: string | null = null;
  let savedAt: string | null = null;
  let locked = false;
  /** Drafts this page saved to (moved away from on a key change). */
  const owned = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let busy: Promise<unknown> = Promise.resolve();
  let restoring = false;

  const read = (): { keyed: KeyedField[]; values: FormValues; numbers: string[]; canAdd: boolean } => {
    const tables = readInvoiceTables(doc);
    const keyed = keyFields(readFields(doc, { includeHidden: true, frames: false }, tables));
    return {
      keyed,
      values: captureValues(keyed, tables),
      numbers: findInvoiceRows(doc).map((r) => r.number),
      canAdd: tables.length > 0 && !!findButtonByText(doc, ADD_TEXTS),
    };
  };

  /** The page changed since the offer was last worked out. */
  let stale = true;
  let cached: Offer | null = null;
  const observer = new MutationObserver(() => void (stale = true));
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class', 'style', 'hidden', 'value'] });

  const offerNow = (): Offer | null => {
    if (!draft || Object.keys(draft).every((k) => decided.has(k))) return null;
    if (!stale && cached) return cached;
    stale = false;
    const snap = read();
    const page = snap.keyed.map((k) => ({ key: k.key, label: k.label, value: snap.values[k.key] ?? '', usable: k.field.field.usable }));
    const offer = offerOf(draft, page, { canAdd: snap.canAdd, numbers: snap.numbers }, decided);
    // what the page already shows is settled: clearing it later does not bring the kept value back
    for (const p of page) if (draft[p.key] !== undefined && p.usable && !offer.fields.some((f) => f.key === p.key) && !offer.waiting.includes(p.key)) decided.add(p.key);
    cached = offer;
    return offer;
  };
  const forget = () => {
    cached = null;
    stale = true;
  };

  /** The draft's values still to offer (not decided): kept in every save until the user chooses. */
  const undecided = (): FormValues | null => {
    if (!draft) return null;
    const out: FormValues = {};
    for (const [k, v] of Object.entries(draft)) if (!decided.has(k)) out[k] = v;
    return out;
  };

  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = busy.then(fn, fn);
    busy = run.catch(() => undefined);
    return run;
  };

  const saveNow = () =>
    serial(async () => {
      if (!dirty || ended || off || !key || !session || loading || restoring) return;
      if (SUCCESS_TEXT.test(doc.body?.innerText ?? '')) return; // submitted: the draft ends with the confirmation
      const at = edits;
      const values = mergeForSave(undecided(), read().values);
      const json = stable(values);
      if (json === lastSaved) {
        if (at === edits) dirty = false;
        return;
      }
      const forKey = key;
      let out: Awaited<ReturnType<FormDraftStore['save']>>;
      try {
        out = await store.save(forKey, session, values);
      } catch {
        return; // the background is updating: the next change tries again
      }
      if (out.saved) {
        lastSaved = json;
        savedAt = new Date(now()).toISOString();
        locked = false;
        owned.add(draftIdOf(forKey));
        if (at === edits) dirty = false;
      } else if (out.reason === 'locked') locked = true;
      else if (out.reason === 'session-ended') stop();
    });

  const schedule = (ms = debounceMs) => {
    if (ended) return;
    clearTimeout(timer);
    timer = setTimeout(() => void saveNow(), ms);
  };
  const changed = (ms?: number) => {
    dirty = true;
    edits++;
    schedule(ms);
  };
  const onInput = () => changed();
  const onChange = () => changed(150);
  const onClick = () => changed();
  const onHide = () => {
    if (doc.visibilityState === 'hidden' || !doc.defaultView) void saveNow();
  };
  const onPageHide = () => void saveNow();
  doc.addEventListener('input', onInput, true);
  doc.addEventListener('change', onChange, true);
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('visibilitychange', onHide);
  win.addEventListener('pagehide', onPageHide);
  const listening = () => {
    doc.removeEventListener('input', onInput, true);
    doc.removeEventListener('change', onChange, true);
    doc.removeEventListener('click', onClick, true);
    doc.removeEventListener('visibilitychange', onHide);
    win.removeEventListener('pagehide', onPageHide);
  };

  function stop() {
    ended = true;
    draft = null;
    forget();
    observer.disconnect();
    decided = new Set();
    clearTimeout(timer);
    listening();
  }

  /** Key this page's draft by what the page and the panel say now; load the draft of a new key. */
  const rekey = () =>
    serial(async () => {
      if (ended || claimant === null) return;
      const next: DraftKey = { item: deps.page()?.item ?? null, claimant, application: applicationIdIn(doc) };
      if (key && draftIdOf(key) === draftIdOf(next) && !off) return;
      const old = key;
      const oldSession = session;
      const oldUndecided = undecided();
      key = next;
      loading = true;
      try {
        const loaded = await store.load(next);
        off = false;
        session = loaded.session;
        locked = loaded.locked;
        draft = loaded.values;
        draftSavedAt = loaded.updatedAt;
        decided = new Set();
        forget();
        lastSaved = loaded.values ? stable(loaded.values) : null;
      } catch {
        off = true; // no background (asleep, updating): asked again on the next poll
        return;
      } finally {
        loading = false;
      }
      // What this page typed moves with the people chosen: kept under the new key, its old copy goes —
      // unless the old draft still holds values the user was offered and did not choose about.
      if (old && oldSession && owned.has(draftIdOf(old)) && !Object.keys(oldUndecided ?? {}).length) {
        owned.delete(draftIdOf(old));
        await store.remove(old, oldSession).catch(() => null);
        dirty = true;
      }
    }).then(() => {
      if (dirty) schedule(0);
    });

  const claimantTimer = setTimeout(() => {
    if (claimant === null) {
      claimant = '';
      void rekey();
    }
  }, deps.claimantWaitMs ?? 4000);

  return {
    async state(who) {
      if (!ended) {
        claimant = who;
        await rekey();
        if (dirty && locked) void saveNow(); // opened again: what waited is kept now
      }
      const state: CaptureState = ended ? 'ended' : off ? 'off' : loading || !key ? 'loading' : locked ? 'locked' : savedAt ? 'saved' : 'watching';
      let offer: OfferWire | null = null;
      if (draft && !ended && !restoring) {
        const o = offerNow();
        if (o?.emptier) offer = { savedAt: draftSavedAt, fields: o.fields, rows: o.rows.map((r) => ({ key: r.key, label: r.label, values: r.values as Record<string, string> })) };
      }
      return { state, savedAt, offer };
    },

    restore(keys) {
      return serial(async () => {
        forget();
        const offer = draft && !ended ? offerNow() : null;
        if (!offer || !draft) return { restored: [], refused: [], waiting: 0 };
        const chosen = new Set(keys.length ? keys : defaultChoice(offer));
        const values: Record<string, string> = {};
        for (const f of offer.fields) if (chosen.has(f.key)) values[f.key] = f.draft;
        // fields a restored choice shows (委托人 after 办理方式) come back too, where the page shows them empty
        const waiting = offer.waiting.filter((k) => !isRowKey(k) && draft![k]);
        for (const k of waiting) values[k] = draft[k]!;
        restoring = true;
        try {
          const fields = await restoreFields(() => read().keyed, values, { onlyIfEmpty: new Set(waiting) });
          const rows = await restoreRows(doc, offer.rows.filter((r) => chosen.has(r.key)));
          // everything offered now is decided (taken or declined), except what the page stopped showing
          for (const f of offer.fields) if (!fields.absent.includes(f.key)) decided.add(f.key);
          for (const k of waiting) if (!fields.absent.includes(k)) decided.add(k);
          for (const r of offer.rows) decided.add(r.key);
          dirty = true;
          edits++;
          const left = Object.keys(draft).filter((k) => !decided.has(k));
          const waitingRows = new Set(left.filter(isRowKey).map((k) => k.split('|').slice(0, 2).join('|')));
          return {
            restored: [...fields.restored, ...rows.restored],
            refused: [...fields.refused, ...rows.refused],
            waiting: left.filter((k) => !isRowKey(k)).length + waitingRows.size,
          };
        } finally {
          restoring = false;
          forget();
        }
      }).then((report) => {
        schedule(0);
        return report;
      });
    },

    discard() {
      return serial(async () => {
        if (!draft || !key || !session) return { ok: false };
        for (const k of Object.keys(draft)) decided.add(k);
        draft = null;
        forget();
        lastSaved = null;
        await store.remove(key, session).catch(() => null);
        dirty = true;
        edits++;
        return { ok: true };
      }).then((out) => {
        schedule(0);
        return out;
      });
    },

    flush: () => saveNow(),

    sessionEnded() {
      stop();
      session = null;
    },

    dispose() {
      clearTimeout(claimantTimer);
      // the form goes away (another page, the success view): what is pending is kept first
      observer.disconnect();
      void saveNow().finally(() => {
        clearTimeout(timer);
        listening();
      });
    },
  };
}
