/**
 * The extension's ONE IndexedDB database, in the extension's own origin (background service worker
 * and extension pages — never a portal page: content scripts have no access to it and must ask the
 * background through typed messages).
 *
 * Stores:
 * - `profiles`       people (owned by utils/profiles; records may be sealed with the passphrase key)
 * - `settings`       one record `app` (owned by utils/settings)
 * - `mappings`       user-taught label → meaning pairs (autofill engine, 字段对应)
 * - `drafts`         per application: what the user chose/typed and the recognised invoices
 * - `invoiceImages`  the invoice pictures of a draft (kept only while needed; see `keepInvoiceImages`)
 * - `history`        invoice numbers already filed from this device (duplicate detection)
 * - `meta`           internal records (passphrase salt + verifier …)
 *
 * Other features use the small typed accessors at the bottom; the upgrade function is the only
 * place that knows the layout.
 */
import { openDB, deleteDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { InvoiceFields } from '@/utils/invoice/types';

export const DB_NAME = 'zwdt-reimburse-helper';
export const DB_VERSION = 1;

/** AES-GCM ciphertext of one JSON value (see utils/crypto). */
export interface SealedBox {
  iv: Uint8Array;
  data: ArrayBuffer;
}

/**
 * One person in the `profiles` store. Exactly one of `plain` / `sealed` is set. `id` and
 * `temporary` stay readable while locked so a volunteer can end a session without the passphrase.
 */
export interface StoredProfileRecord {
  id: string;
  /** Profile schema version of the plain/sealed content. */
  v: number;
  temporary?: boolean;
  plain?: unknown;
  sealed?: SealedBox;
}

export interface MappingRecord {
  id: string;
  /** The label as the page shows it, normalised by the autofill engine. */
  label: string;
  /** The meaning the user chose (a field key of the autofill engine, e.g. `claimant.phone`). */
  meaning: string;
  /** Host where it was taught; absent = everywhere. */
  host?: string;
  createdAt: string;
  updatedAt: string;
}

export interface DraftInvoice {
  id: string;
  /** Recognised or corrected values. */
  fields: Partial<InvoiceFields>;
  /** `invoiceImages` record of the picture, if kept. */
  imageId?: string;
  /** The user confirmed the values. */
  confirmed?: boolean;
}

export interface DraftRecord {
  /** One draft per application, e.g. `${itemId}` or the portal's application number. */
  id: string;
  itemId?: string;
  claimantId?: string;
  agentId?: string;
  /** What the user typed/chose, by field key. */
  values: Record<string, string>;
  invoices: DraftInvoice[];
  createdAt: string;
  updatedAt: string;
}

export interface InvoiceImageRecord {
  id: string;
  draftId: string;
  name: string;
  type: string;
  data: Blob | ArrayBuffer;
  createdAt: string;
}

export interface HistoryRecord {
  /** `historyKey(invoiceCode, invoiceNumber)`. */
  key: string;
  invoiceNumber: string;
  invoiceCode?: string;
  /** ISO time the application holding it was submitted. */
  filedAt: string;
  /** Item (职保 / 居保) it was filed under. No names: history survives a volunteer's wipe. */
  itemId?: string;
}

export interface HelperDB extends DBSchema {
  profiles: { key: string; value: StoredProfileRecord };
  settings: { key: string; value: unknown };
  mappings: { key: string; value: MappingRecord };
  drafts: { key: string; value: DraftRecord };
  invoiceImages: { key: string; value: InvoiceImageRecord; indexes: { byDraft: string } };
  history: { key: string; value: HistoryRecord; indexes: { byNumber: string } };
  meta: { key: string; value: unknown };
}

export type HelperDatabase = IDBPDatabase<HelperDB>;
export type StoreName = 'profiles' | 'settings' | 'mappings' | 'drafts' | 'invoiceImages' | 'history' | 'meta';

let opening: Promise<HelperDatabase> | undefined;

/** The database (opened once per context; upgrades run on version change). */
export function getDb(): Promise<HelperDatabase> {
  opening ??= openDB<HelperDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('profiles', { keyPath: 'id' });
        db.createObjectStore('settings');
        db.createObjectStore('mappings', { keyPath: 'id' });
        db.createObjectStore('drafts', { keyPath: 'id' });
        db.createObjectStore('invoiceImages', { keyPath: 'id' }).createIndex('byDraft', 'draftId');
        db.createObjectStore('history', { keyPath: 'key' }).createIndex('byNumber', 'invoiceNumber');
        db.createObjectStore('meta');
      }
    },
    blocking() {
      // A newer version is opening elsewhere: let it upgrade.
      void opening?.then((db) => db.close());
      opening = undefined;
    },
  });
  return opening;
}

/** Tests: close and delete the database so the next `getDb()` starts empty. */
export async function resetDbForTests(): Promise<void> {
  const current = opening;
  opening = undefined;
  if (current) (await current).close();
  await deleteDB(DB_NAME);
}

// ---------------------------------------------------------------------------------------------
// Drafts (per application)

export async function getDraft(id: string): Promise<DraftRecord | undefined> {
  return (await getDb()).get('drafts', id);
}

export async function listDrafts(): Promise<DraftRecord[]> {
  return (await getDb()).getAll('drafts');
}

/** Create or replace a draft; `updatedAt` is set now, `createdAt` kept. */
export async function putDraft(draft: Omit<DraftRecord, 'createdAt' | 'updatedAt'> & Partial<Pick<DraftRecord, 'createdAt'>>): Promise<DraftRecord> {
  const db = await getDb();
  const now = new Date().toISOString();
  const old = await db.get('drafts', draft.id);
  const record: DraftRecord = { ...draft, createdAt: draft.createdAt ?? old?.createdAt ?? now, updatedAt: now };
  await db.put('drafts', record);
  return record;
}

/** Delete a draft and its invoice images in one transaction. */
export async function deleteDraft(id: string): Promise<void> {
  const db = await getDb();
  const tx = db.transaction(['drafts', 'invoiceImages'], 'readwrite');
  const imageKeys = await tx.objectStore('invoiceImages').index('byDraft').getAllKeys(id);
  await Promise.all([tx.objectStore('drafts').delete(id), ...imageKeys.map((k) => tx.objectStore('invoiceImages').delete(k)), tx.done]);
}

// ---------------------------------------------------------------------------------------------
// Invoice images

export async function putInvoiceImage(image: InvoiceImageRecord): Promise<void> {
  await (await getDb()).put('invoiceImages', image);
}

export async function getInvoiceImage(id: string): Promise<InvoiceImageRecord | undefined> {
  return (await getDb()).get('invoiceImages', id);
}

export async function listInvoiceImages(draftId: string): Promise<InvoiceImageRecord[]> {
  return (await getDb()).getAllFromIndex('invoiceImages', 'byDraft', draftId);
}

export async function deleteInvoiceImage(id: string): Promise<void> {
  await (await getDb()).delete('invoiceImages', id);
}

/** Delete every picture of a draft (after filing, unless the `keepInvoiceImages` setting is on); returns how many. */
export async function deleteInvoiceImagesOf(draftId: string): Promise<number> {
  const db = await getDb();
  const tx = db.transaction('invoiceImages', 'readwrite');
  const keys = await tx.store.index('byDraft').getAllKeys(draftId);
  await Promise.all([...keys.map((k) => tx.store.delete(k)), tx.done]);
  return keys.length;
}

// ---------------------------------------------------------------------------------------------
// History of filed invoices (duplicate detection)

export const historyKey = (invoiceCode: string | undefined | null, invoiceNumber: string) => `${invoiceCode ?? ''}:${invoiceNumber}`;

export async function recordFiledInvoices(items: Array<Omit<HistoryRecord, 'key' | 'filedAt'> & { filedAt?: string }>): Promise<void> {
  const db = await getDb();
  const tx = db.transaction('history', 'readwrite');
  const now = new Date().toISOString();
  await Promise.all([
    ...items.map((i) => tx.store.put({ ...i, key: historyKey(i.invoiceCode, i.invoiceNumber), filedAt: i.filedAt ?? now })),
    tx.done,
  ]);
}

/** Earlier filings of this invoice number (any code when `invoiceCode` is not given). */
export async function findFiledInvoice(invoiceNumber: string, invoiceCode?: string | null): Promise<HistoryRecord[]> {
  const hits = await (await getDb()).getAllFromIndex('history', 'byNumber', invoiceNumber);
  return invoiceCode ? hits.filter((h) => !h.invoiceCode || h.invoiceCode === invoiceCode) : hits;
}

export async function listHistory(): Promise<HistoryRecord[]> {
  return (await getDb()).getAll('history');
}

// ---------------------------------------------------------------------------------------------
// User-taught field mappings (字段对应)

export async function listMappings(): Promise<MappingRecord[]> {
  return (await getDb()).getAll('mappings');
}

export async function putMapping(mapping: Omit<MappingRecord, 'createdAt' | 'updatedAt'> & Partial<Pick<MappingRecord, 'createdAt'>>): Promise<MappingRecord> {
  const db = await getDb();
  const now = new Date().toISOString();
  const old = await db.get('mappings', mapping.id);
  const record: MappingRecord = { ...mapping, createdAt: mapping.createdAt ?? old?.createdAt ?? now, updatedAt: now };
  await db.put('mappings', record);
  return record;
}

export async function deleteMapping(id: string): Promise<void> {
  await (await getDb()).delete('mappings', id);
}
