/**
 * The panel's invoice state (the components only render it), kept outside the components so collapsing
 * the panel keeps what was read.
 *
 * Reading happens here, in the panel frame (extension origin): one file at a time, one OCR worker reused
 * between files, terminated when idle (60 s), on 停止识别 and when the frame unloads. A file that cannot be
 * read (moved, unreadable, the engine failed) ends in a plain message and the next file goes on.
 *
 * What was read is kept in the application's draft (utils/drafts, through the background), keyed by item
 * + claimant + the portal's application: `setKey` follows the people chosen in the panel. Restored
 * invoices come back UNconfirmed; one already added as a row is never added again. Pictures are kept
 * only when the user keeps them (「保留发票图片」). After 结束本次服务 (`reset`) nothing comes back.
 */
import { createBrowserReader, type BrowserReader } from '@/utils/invoice/extension';
import type { FieldName, InvoiceResult } from '@/utils/invoice/types';
import { t } from '@/utils/i18n';
import { readMirroredSettings } from '@/utils/settings';
import { draftIdOf, type DraftKey } from '@/utils/drafts/key';
import type { SaveOutcome, StoredInvoice } from '@/utils/drafts/service';
import { fillInvoiceRows, listInvoiceRows, type InvoiceRowOutcome } from '@/utils/panel/invoice-messages';
import type { PageConnection } from '@/utils/panel/connection';
import { commitField, editField, kindOfName, pageRequiredFields, queuedItem, rowsToFill, setConfirmed, toRowValues, withResult, type ReviewItem } from './review';
import { messageDraftClient } from './draft-client';
import { itemWithKnownPayer } from './known-payer';

export interface ItemView {
  item: ReviewItem;
  /** Position in the batch of files chosen together (0-based) and its size. */
  batchIndex: number;
  batchCount: number;
  /** Object URL of the picture (PDF: page 1 rendered), null when none. */
  preview: string | null;
  phase: string;
  /** Came back from the draft (not read in this panel): stays with that draft when the people change. */
  restored?: boolean;
}

/** Where the drafts are kept (the background's draft messages; a fake in tests). */
export interface DraftClient {
  load(key: DraftKey, tabId?: number): Promise<{ session: string; locked: boolean; invoices: StoredInvoice[] }>;
  save(key: DraftKey, session: string, invoices: StoredInvoice[], tabId?: number): Promise<SaveOutcome>;
  putImage(key: DraftKey, session: string, id: string, file: Blob, name: string): Promise<boolean>;
  getImage(id: string): Promise<Blob | null>;
}

export interface InvoiceStoreDeps {
  makeReader?: () => BrowserReader;
  /** null: in memory only. */
  drafts?: DraftClient | null;
  /** The setting 「保留发票图片」. */
  keepImages?: () => Promise<boolean>;
  /** Pause before a change is saved (changes in a row are saved once). */
  saveDelayMs?: number;
}

type Listener = () => void;
type PageCall = Pick<PageConnection, 'call'>;

/** What the draft keeps of one invoice (to restore the review). */
function toStored(v: ItemView): StoredInvoice {
  const { id, file, kind, values, edited, filled, result } = v.item;
  let stored: StoredInvoice['result'] = null;
  if (result) {
    const { file: _f, ...rest } = result;
    stored = rest;
  }
  return { id, file, kind, values, edited, ...(filled ? { filled } : {}), result: stored };
}

/** The review of a stored invoice, validated again (validators may have changed), never confirmed. */
export function restoreItem(s: StoredInvoice): ReviewItem {
  const base = queuedItem(s.file, s.kind, s.id);
  const values = { ...base.values, ...s.values } as ReviewItem['values'];
  const edited = s.edited.filter((f): f is FieldName => f in base.values);
  let item: ReviewItem;
  try {
    item = s.result ? { ...withResult(base, { ...(s.result as Omit<InvoiceResult, 'file'>), file: s.file }), values, edited } : { ...base, status: 'done', progress: 1, values, edited };
  } catch {
    item = { ...base, status: 'done', progress: 1, values, edited }; // an engine result of another version
  }
  if (item.status !== 'done') item = { ...item, status: 'done', progress: 1, error: undefined };
  const first = (Object.keys(item.values) as FieldName[])[0]!;
  const checked = editField(item, first, item.values[first]);
  return { ...checked, edited, confirmed: false, filled: s.filled ?? false };
}

export class InvoiceStore {
  views: ItemView[] = [];
  onInvoicesChanged: ((items: ReviewItem[]) => void) | null = null;
  /** Files chosen in this panel (to read, and to keep their picture with the draft). */
  private files = new Map<string, File>();
  private listeners = new Set<Listener>();
  private reader: BrowserReader | null = null;
  private running = false;
  private generation = 0;
  private cancelNow: (() => void) | null = null;
  /** The 报销人's name, for 交款人 (setClaimantName). */
  private payerName = '';
  private key: DraftKey | null = null;
  private tabId: number | undefined;
  private session: string | null = null;
  private loaded = false;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private pendingSave = false;
  /** Key changes and saves, one after another. */
  private chain: Promise<unknown> = Promise.resolve();
  private readonly makeReader: () => BrowserReader;
  private readonly drafts: DraftClient | null;
  private readonly keepImages: () => Promise<boolean>;
  private readonly saveDelayMs: number;

  constructor(deps: InvoiceStoreDeps | (() => BrowserReader) = {}) {
    const d = typeof deps === 'function' ? { makeReader: deps } : deps;
    this.makeReader = d.makeReader ?? (() => createBrowserReader());
    this.drafts = d.drafts === undefined ? null : d.drafts;
    this.keepImages = d.keepImages ?? (async () => (await readMirroredSettings()).keepInvoiceImages);
    this.saveDelayMs = d.saveDelayMs ?? 300;
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit() {
    for (const l of this.listeners) l();
  }

  get items(): ReviewItem[] {
    return this.views.map((v) => v.item);
  }

  get busy(): boolean {
    return this.running;
  }

  get workerRunning(): boolean {
    return this.reader?.workerRunning ?? false;
  }

  /** The draft the store keeps its invoices in (null: none yet). */
  get draftKey(): DraftKey | null {
    return this.key;
  }

  /** The draft of `draftKey` was read (and what it held restored): end-to-end tests wait on it. */
  get draftLoaded(): boolean {
    return this.loaded;
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => {});
    return run;
  }

  private update(id: string, fn: (v: ItemView) => ItemView, persist = true) {
    this.views = this.views.map((v) => (v.item.id === id ? fn(v) : v));
    this.emit();
    if (persist) this.scheduleSave();
  }

  // ---------- reading ----------

  addFiles(list: File[]) {
    const count = list.length;
    list.forEach((file, i) => {
      const item = queuedItem(file.name, kindOfName(file.name, file.type));
      this.files.set(item.id, file);
      this.views = [...this.views, { item, batchIndex: i, batchCount: count, preview: null, phase: '' }];
    });
    this.emit();
    void this.run();
  }

  /**
   * The user is about to choose files (opened the file dialog, dragged something over the drop zone): the OCR
   * worker starts now, so the first invoice does not wait for it. Nothing happens while reading.
   */
  warmUp() {
    if (this.running) return;
    this.reader ??= this.makeReader();
    this.reader.warmUp();
  }

  private fail(id: string, message: string) {
    this.update(id, (v) => ({ ...v, item: { ...v.item, status: 'error', progress: 1, error: message }, phase: 'done' }), false);
  }

  private async run() {
    if (this.running) return;
    this.running = true;
    const gen = this.generation;
    try {
      for (;;) {
        if (gen !== this.generation) return;
        const next = this.views.find((v) => v.item.status === 'queued');
        if (!next) return;
        const id = next.item.id;
        const file = this.files.get(id);
        this.update(id, (v) => ({ ...v, item: { ...v.item, status: 'reading', progress: 0 }, phase: t('invoiceUiPhaseStart') }), false);
        if (!file) {
          this.fail(id, t('invoiceUiReadFailed'));
          continue;
        }
        let bytes: Uint8Array;
        try {
          bytes = new Uint8Array(await file.arrayBuffer());
        } catch {
          // Moved, deleted or locked by another program since it was chosen: say so, go on with the next.
          if (gen === this.generation) this.fail(id, t('invoiceUiReadFailed'));
          continue;
        }
        if (gen !== this.generation) return;
        this.reader ??= this.makeReader();
        const reader = this.reader;
        const cancelled = new Promise<null>((resolve) => (this.cancelNow = () => resolve(null)));
        let result: InvoiceResult | null;
        try {
          result = await Promise.race([
            reader.read({ name: file.name, bytes, mime: file.type }, { index: next.batchIndex, count: next.batchCount }, (e) => {
              if (gen !== this.generation) return;
              this.update(id, (v) => ({ ...v, item: { ...v.item, progress: e.progress }, phase: e.phase }), false);
            }),
            cancelled,
          ]);
        } catch {
          if (gen === this.generation) this.fail(id, t('invoiceUiReadFailed'));
          this.dropReader(); // a fresh engine for the next file
          continue;
        } finally {
          this.cancelNow = null;
        }
        if (!result || gen !== this.generation) return;
        let preview: string | null = null;
        if (!result.error) {
          try {
            if (next.item.kind === 'pdf' || /pdf/i.test(file.type)) {
              const png = await reader.renderPdfPreview(bytes);
              preview = png ? URL.createObjectURL(png) : null;
            } else preview = URL.createObjectURL(file);
          } catch {
            preview = null; // the review works without a picture
          }
        }
        const done = result;
        this.update(id, (v) => ({ ...v, item: itemWithKnownPayer(withResult(v.item, done), this.payerName), preview, phase: 'done' }));
        if (!done.error) void this.keepImage(id, file);
        else this.files.delete(id);
      }
    } finally {
      if (gen === this.generation) this.running = false;
    }
  }

  /**
   * The person chosen as 报销人 (their name; '' when none is): an OCR 交款人 one character away from it is
   * taken to be it, marked for checking (known-payer.ts) — in what is read from now on and in what is shown.
   */
  setClaimantName(name: string) {
    if (name === this.payerName) return;
    this.payerName = name;
    let changed = false;
    this.views = this.views.map((v) => {
      const item = itemWithKnownPayer(v.item, name);
      if (item === v.item) return v;
      changed = true;
      return { ...v, item };
    });
    if (changed) {
      this.emit();
      this.scheduleSave();
    }
  }

  /** Stops reading at once (停止识别): the worker is terminated, unread files marked. */
  cancel() {
    this.generation++;
    this.running = false;
    this.cancelNow?.();
    this.cancelNow = null;
    const hadWork = this.views.some((v) => v.item.status === 'reading' || v.item.status === 'queued');
    if (hadWork) {
      this.views = this.views.map((v) => {
        if (v.item.status !== 'reading' && v.item.status !== 'queued') return v;
        this.files.delete(v.item.id);
        return { ...v, item: { ...v.item, status: 'cancelled', progress: 0 } };
      });
      this.emit();
    }
    this.dropReader();
  }

  /**
   * Terminates the worker and forgets the reader: a terminated tesseract.js worker never settles the job it
   * was running, so the next file gets a fresh reader (and a fresh idle timer).
   */
  private dropReader() {
    void this.reader?.dispose();
    this.reader = null;
  }

  /** Frame unloading: save what is pending, terminate the worker, free the pictures. */
  dispose() {
    void this.flush();
    this.cancel();
    for (const v of this.views) if (v.preview) URL.revokeObjectURL(v.preview);
  }

  /**
   * 结束本次服务: everything of the session goes — what is shown, what was about to be saved, the draft
   * key. Nothing of it is saved afterwards.
   */
  reset() {
    clearTimeout(this.saveTimer);
    this.pendingSave = false;
    this.cancel();
    for (const v of this.views) if (v.preview) URL.revokeObjectURL(v.preview);
    this.views = [];
    this.files.clear();
    this.key = null;
    this.session = null;
    this.loaded = false;
    this.emit();
    this.onInvoicesChanged?.([]);
  }

  remove(id: string) {
    const v = this.views.find((x) => x.item.id === id);
    if (v?.item.status === 'reading') {
      // Stop this file only (a fresh worker reads the others).
      this.generation++;
      this.running = false;
      this.cancelNow?.();
      this.cancelNow = null;
      this.dropReader();
    }
    if (v?.preview) URL.revokeObjectURL(v.preview);
    this.views = this.views.filter((x) => x.item.id !== id);
    this.files.delete(id);
    this.emit();
    this.scheduleSave(); // the draft drops it, and its picture with it
    if (this.views.some((x) => x.item.status === 'queued')) void this.run();
  }

  edit(id: string, f: FieldName, value: string) {
    this.update(id, (v) => ({ ...v, item: editField(v.item, f, value) }));
  }

  commit(id: string, f: FieldName) {
    this.update(id, (v) => ({ ...v, item: commitField(v.item, f) }));
  }

  confirm(id: string, on: boolean) {
    this.update(id, (v) => ({ ...v, item: setConfirmed(v.item, on) }));
  }

  markFilled(ids: string[]) {
    for (const id of ids) this.update(id, (v) => ({ ...v, item: { ...v.item, filled: true } }));
  }

  /**
   * 填入发票信息: one row per confirmed invoice not yet on the page and never filled before. Returns the
   * page's report, or a plain message when this is not the page for it.
   */
  async fill(page: PageCall): Promise<{ outcome: InvoiceRowOutcome[] | null; message: string; rows: Array<{ number: string; code: string | null }>; required: FieldName[] }> {
    const rows = await page.call(listInvoiceRows, {});
    // What the page's row dialog requires (医疗机构名称 …): an invoice lacking one is not sent (issue 11).
    const required = pageRequiredFields(rows.required);
    if (!rows.canAdd) return { outcome: null, message: t('invoiceUiNotHere'), rows: rows.rows, required };
    const batch = rowsToFill(this.items, rows.rows, required);
    if (!batch.length) return { outcome: null, message: '', rows: rows.rows, required };
    const { results } = await page.call(fillInvoiceRows, { invoices: batch.map((i) => ({ id: i.id, values: toRowValues(i) })) });
    this.markFilled(results.filter((r) => r.status === 'added').map((r) => r.id));
    await this.flush();
    return { outcome: results, message: '', rows: (await page.call(listInvoiceRows, {})).rows, required };
  }

  // ---------- the draft ----------

  /**
   * The application the invoices belong to changed (people chosen, application number shown), or is
   * known for the first time. What was read in this panel follows the choice; what came back from
   * another draft stays with it; this draft's invoices come back, unconfirmed.
   */
  setKey(key: DraftKey | null, tabId?: number): Promise<void> {
    if (tabId !== undefined) this.tabId = tabId;
    return this.serial(async () => {
      if ((key && this.key && draftIdOf(key) === draftIdOf(this.key)) || (!key && !this.key)) return;
      await this.saveNow();
      const old = this.key;
      const oldSession = this.session;
      const leaving = this.views.filter((v) => v.restored);
      const moving = this.views.filter((v) => !v.restored);
      if (old && oldSession && this.drafts && moving.some((v) => v.item.status === 'done')) {
        await this.drafts.save(old, oldSession, leaving.filter((v) => v.item.status === 'done').map(toStored), this.tabId).catch(() => null);
      }
      for (const v of leaving) if (v.preview) URL.revokeObjectURL(v.preview);
      this.views = moving;
      this.key = key;
      this.session = null;
      this.loaded = false;
      this.emit();
      if (!key || !this.drafts) return;
      let loaded: Awaited<ReturnType<DraftClient['load']>>;
      try {
        loaded = await this.drafts.load(key, this.tabId);
      } catch {
        return; // no background (updating): the review works in memory
      }
      if (this.key !== key) return;
      this.session = loaded.session;
      const known = new Set(this.views.map((v) => v.item.id));
      const restored: ItemView[] = loaded.invoices
        .filter((s) => !known.has(s.id))
        .map((s) => ({ item: restoreItem(s), batchIndex: 0, batchCount: 1, preview: null, phase: 'done', restored: true }));
      this.views = [...restored, ...this.views];
      this.loaded = true;
      this.emit();
      this.onInvoicesChanged?.(this.items);
      // What was read here is now kept with this draft (and its pictures, when they are kept).
      if (moving.some((v) => v.item.status === 'done')) {
        this.pendingSave = true;
        await this.saveNow();
        for (const v of moving) {
          const file = this.files.get(v.item.id);
          if (file && v.item.status === 'done') await this.keepImage(v.item.id, file);
        }
      }
      await this.restorePictures(restored);
    });
  }

  private async restorePictures(restored: ItemView[]) {
    if (!this.drafts) return;
    for (const r of restored) {
      const blob = await this.drafts.getImage(r.item.id).catch(() => null);
      if (!blob || !this.views.some((v) => v.item.id === r.item.id)) continue;
      let url: string | null = null;
      try {
        if (r.item.kind === 'pdf') {
          this.reader ??= this.makeReader();
          const png = await this.reader.renderPdfPreview(new Uint8Array(await blob.arrayBuffer()));
          url = png ? URL.createObjectURL(png) : null;
        } else url = URL.createObjectURL(blob);
      } catch {
        url = null;
      }
      this.update(r.item.id, (v) => ({ ...v, preview: url }), false);
    }
  }

  private async keepImage(id: string, file: File) {
    const key = this.key;
    const session = this.session;
    if (!this.drafts || !key || !session) return;
    try {
      if (!(await this.keepImages())) return; // 「保留发票图片」 is off: the picture is never stored
      await this.drafts.putImage(key, session, id, file, file.name);
    } catch {
      /* the review works without a stored picture */
    }
  }

  private scheduleSave() {
    clearTimeout(this.saveTimer);
    this.pendingSave = true;
    this.saveTimer = setTimeout(() => void this.flush(), this.saveDelayMs);
    this.onInvoicesChanged?.(this.items);
  }

  /** Save now what is pending (queued behind a key change). */
  flush(): Promise<void> {
    clearTimeout(this.saveTimer);
    if (!this.pendingSave) return this.chain.then(() => undefined);
    return this.serial(() => this.saveNow());
  }

  private async saveNow(): Promise<void> {
    clearTimeout(this.saveTimer);
    const pending = this.pendingSave;
    this.pendingSave = false;
    if (!pending || !this.drafts || !this.key || !this.session) return;
    const invoices = this.views.filter((v) => v.item.status === 'done').map(toStored);
    try {
      const out = await this.drafts.save(this.key, this.session, invoices, this.tabId);
      if (!out.saved && out.reason === 'session-ended') this.reset();
    } catch {
      /* no background (updating): the review works in memory */
    }
  }
}

/** One store per panel frame. */
export const invoiceStore = new InvoiceStore({ drafts: messageDraftClient() });
