/**
 * The invoice section's state, outside the components so collapsing the panel keeps what was read.
 * Reading happens here, in the panel frame (extension origin): one file at a time, one OCR worker reused
 * between files, terminated when idle (60 s), on 停止识别 and when the frame unloads (panel closed, page left).
 * Collapsing the panel keeps reading.
 */
import { createBrowserReader, type BrowserReader } from '@/utils/invoice/extension';
import type { FieldName, InvoiceResult } from '@/utils/invoice/types';
import {
  commitField,
  editField,
  kindOfName,
  queuedItem,
  setConfirmed,
  toInvoiceFields,
  withResult,
  type ReviewItem,
} from '@/utils/invoice-ui/review';
import { deleteInvoiceImage, getDraft, putDraft, putInvoiceImage, type DraftInvoice } from '@/utils/db';
import { t } from '@/utils/i18n';

export interface ItemView {
  item: ReviewItem;
  /** Position in the batch of files chosen together (0-based) and its size. */
  batchIndex: number;
  batchCount: number;
  /** Object URL of the picture (PDF: page 1 rendered), null when none. */
  preview: string | null;
  phase: string;
}

/** What is kept in the draft for each invoice besides the engine's fields (to restore the review). */
interface StoredReview {
  file: string;
  kind: ReviewItem['kind'];
  values: ReviewItem['values'];
  edited: FieldName[];
  filled?: boolean;
  result: Omit<InvoiceResult, 'file'> | null;
}

type Listener = () => void;

export class InvoiceStore {
  views: ItemView[] = [];
  private files = new Map<string, File>();
  private listeners = new Set<Listener>();
  private reader: BrowserReader | null = null;
  private running = false;
  private generation = 0;
  private cancelNow: (() => void) | null = null;
  draftId: string | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  onInvoicesChanged: ((items: ReviewItem[]) => void) | null = null;

  constructor(private readonly makeReader: () => BrowserReader = () => createBrowserReader()) {}

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

  private update(id: string, fn: (v: ItemView) => ItemView, persist = true) {
    this.views = this.views.map((v) => (v.item.id === id ? fn(v) : v));
    this.emit();
    if (persist) this.scheduleSave();
  }

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
        if (!file) continue;
        const bytes = new Uint8Array(await file.arrayBuffer());
        this.reader ??= this.makeReader();
        const reader = this.reader;
        const cancelled = new Promise<null>((resolve) => (this.cancelNow = () => resolve(null)));
        const result = await Promise.race([
          reader.read({ name: file.name, bytes, mime: file.type }, { index: next.batchIndex, count: next.batchCount }, (e) => {
            if (gen !== this.generation) return;
            this.update(id, (v) => ({ ...v, item: { ...v.item, progress: e.progress }, phase: e.phase }), false);
          }),
          cancelled,
        ]);
        this.cancelNow = null;
        if (!result || gen !== this.generation) return;
        let preview: string | null = null;
        if (!result.error) {
          if (next.item.kind === 'pdf' || /pdf/i.test(file.type)) {
            const png = await reader.renderPdfPreview(bytes);
            preview = png ? URL.createObjectURL(png) : null;
          } else preview = URL.createObjectURL(file);
          void this.keepImage(id, file);
        }
        this.update(id, (v) => ({ ...v, item: withResult(v.item, result), preview, phase: 'done' }));
        this.files.delete(id);
      }
    } finally {
      if (gen === this.generation) this.running = false;
    }
  }

  /** Stops reading at once (panel closed / collapsed): the worker is terminated, unread files marked. */
  cancel() {
    this.generation++;
    this.running = false;
    this.cancelNow?.();
    this.cancelNow = null;
    const hadWork = this.views.some((v) => v.item.status === 'reading' || v.item.status === 'queued');
    if (hadWork) {
      this.views = this.views.map((v) =>
        v.item.status === 'reading' || v.item.status === 'queued' ? { ...v, item: { ...v.item, status: 'cancelled', progress: 0 } } : v,
      );
      this.files.clear();
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

  /** Frame unloading: terminate the worker and free the pictures. */
  dispose() {
    this.cancel();
    for (const v of this.views) if (v.preview) URL.revokeObjectURL(v.preview);
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
    void deleteInvoiceImage(id).catch(() => {});
    this.emit();
    this.scheduleSave();
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

  // ---------- keep and forget ----------

  private async keepImage(id: string, file: File) {
    if (!this.draftId) return;
    try {
      await putInvoiceImage({ id, draftId: this.draftId, name: file.name, type: file.type, data: file, createdAt: new Date().toISOString() });
    } catch {
      /* the review still works without a stored picture */
    }
  }

  /** Pictures of filled invoices are deleted unless the user keeps them (setting `keepInvoiceImages`). */
  async forgetImages(ids: string[]): Promise<void> {
    await Promise.all(ids.map((id) => deleteInvoiceImage(id).catch(() => {})));
  }

  private scheduleSave() {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), 300);
    this.onInvoicesChanged?.(this.items);
  }

  async save(): Promise<void> {
    if (!this.draftId) return;
    const id = this.draftId;
    try {
      const old = await getDraft(id);
      const invoices: DraftInvoice[] = this.views
        .filter((v) => v.item.status === 'done')
        .map((v) => {
          const review: StoredReview = { file: v.item.file, kind: v.item.kind, values: v.item.values, edited: v.item.edited, filled: v.item.filled, result: v.item.result };
          return { id: v.item.id, fields: toInvoiceFields(v.item.values), imageId: v.item.id, confirmed: v.item.confirmed, review } as DraftInvoice;
        });
      await putDraft({ id, values: old?.values ?? {}, ...(old?.itemId ? { itemId: old.itemId } : {}), ...(old?.claimantId ? { claimantId: old.claimantId } : {}), ...(old?.agentId ? { agentId: old.agentId } : {}), invoices, createdAt: old?.createdAt });
    } catch {
      /* the db may be unavailable (private window …): the review works in memory */
    }
  }

  /** Restores the invoices of this application's draft (after a reload of the page or panel). */
  async load(draftId: string): Promise<void> {
    if (this.draftId === draftId) return;
    this.draftId = draftId;
    try {
      const draft = await getDraft(draftId);
      const known = new Set(this.views.map((v) => v.item.id));
      const restored: ItemView[] = [];
      for (const inv of draft?.invoices ?? []) {
        if (known.has(inv.id)) continue;
        const review = (inv as DraftInvoice & { review?: StoredReview }).review;
        if (!review) continue;
        const base = queuedItem(review.file, review.kind, inv.id);
        const item: ReviewItem = review.result
          ? { ...withResult(base, { ...review.result, file: review.file }), values: review.values, edited: review.edited, filled: review.filled }
          : { ...base, status: 'done', progress: 1, values: review.values, edited: review.edited, filled: review.filled };
        const fixed = editFieldNoop(item);
        restored.push({ item: { ...fixed, confirmed: !!inv.confirmed && fixed.status === 'done' && Object.keys(fixed.errors).length === 0 }, batchIndex: 0, batchCount: 1, preview: null, phase: 'done' });
      }
      if (restored.length) {
        this.views = [...restored, ...this.views];
        this.emit();
        this.onInvoicesChanged?.(this.items);
        // Pictures, when still kept.
        const { getInvoiceImage } = await import('@/utils/db');
        for (const r of restored) {
          const img = await getInvoiceImage(r.item.id).catch(() => undefined);
          if (!img) continue;
          const blob = img.data instanceof Blob ? img.data : new Blob([img.data], { type: img.type });
          let url: string | null = null;
          if (r.item.kind === 'pdf') {
            this.reader ??= this.makeReader();
            const png = await this.reader.renderPdfPreview(new Uint8Array(await blob.arrayBuffer()));
            url = png ? URL.createObjectURL(png) : null;
          } else url = URL.createObjectURL(blob);
          this.update(r.item.id, (v) => ({ ...v, preview: url }), false);
        }
      }
    } catch {
      /* nothing to restore */
    }
  }
}

/** Re-validates restored values (validators may have changed since they were stored). */
function editFieldNoop(item: ReviewItem): ReviewItem {
  const first = (Object.keys(item.values) as FieldName[])[0]!;
  const confirmed = item.confirmed;
  const edited = editField(item, first, item.values[first]);
  return { ...edited, edited: item.edited, confirmed, filled: item.filled };
}

/** One store per panel frame. */
export const invoiceStore = new InvoiceStore();
