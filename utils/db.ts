/**
 * The extension's ONE IndexedDB database, in the extension's own origin (background service worker
 * and extension pages — never a portal page: content scripts have no access to it and must ask the
 * background through typed messages).
 *
 * Stores:
 * - `profiles`       people (owned by utils/profiles; records may be sealed with the passphrase key)
 * - `settings`       one record `app` (owned by utils/settings)
 * - `mappings`       user-taught label → meaning pairs (autofill engine, 字段对应)
 * - `drafts`         per application (item + claimant + the portal's application): what the user typed
 *                    in the form and the invoices read in the panel; expire after a week (utils/drafts)
 * - `invoiceImages`  the invoice pictures of a draft (only with 「保留发票图片」; go with the draft)
 * - `history`        invoice numbers already filed from this device (duplicate detection)
 * - `meta`           internal records (passphrase salt + verifier …)
 *
 * `profiles`, `drafts` and `invoiceImages` are SEALED with the passphrase key while a lock is set (see
 * utils/crypto/vault.ts). Other features use the small typed accessors at the bottom; `upgradeSchema`
 * is the only place that knows the layout.
 */
import { openDB, deleteDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';

export const DB_NAME = 'zwdt-reimburse-helper';
/**
 * Schema versions: 1 — the first release; 2 — drafts keyed by item + claimant + application with an
 * expiry and sealed content, invoice pictures with sealed content (see `upgrade`).
 */
export const DB_VERSION = 2;

/** AES-GCM ciphertext of one JSON value (see utils/crypto). */
export interface SealedBox {
  iv: Uint8Array;
  data: ArrayBuffer;
}

/**
 * A record whose content is `plain`, or `sealed` with the passphrase key while a lock is set (the stores
 * in `SEALED_STORES`). Exactly one of the two is set; the other fields stay readable (keys, indexes, the
 * flags 结束本次服务 and the expiry need while locked).
 */
export interface SealableRecord<Content = unknown> {
  id: string;
  plain?: Content;
  sealed?: SealedBox;
}

/**
 * One person in the `profiles` store. `id` and `temporary` stay readable while locked so a volunteer
 * can end a session without the passphrase.
 */
export interface StoredProfileRecord extends SealableRecord {
  /** Profile schema version of the plain/sealed content. */
  v: number;
  temporary?: boolean;
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

/** What a draft keeps (validated by utils/drafts when read back). */
export interface DraftContent {
  /** What the user typed in the portal's form, by field key (the page model's keys). */
  form: Record<string, string>;
  /** The invoices read in the panel, as the review shows them (utils/drafts `storedInvoiceSchema`). */
  invoices: unknown[];
}

/** One application's draft: key parts readable, content sealed while a lock is set. */
export interface DraftRecord extends SealableRecord<DraftContent> {
  /** `draftIdOf({ item, claimant, application })` (utils/drafts). */
  id: string;
  /** 职保 / 居保 (`employee` / `resident`), '' when not known. */
  item: string;
  /** The claimant's profile id, '' when none is chosen. */
  claimant: string;
  /** The portal's application number, or the page's own id for it, '' when the page shows none. */
  application: string;
  createdAt: string;
  updatedAt: string;
  /** Deleted after this (ISO time; index `byExpiry`). */
  expiresAt: string;
}

/** An invoice picture (only with the setting 「保留发票图片」; goes with its draft). */
export interface InvoiceImageContent {
  name: string;
  type: string;
  data: Blob | ArrayBuffer;
}

export interface InvoiceImageRecord extends SealableRecord<InvoiceImageContent> {
  /** The draft it belongs to (index `byDraft`). */
  draftId: string;
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
  drafts: { key: string; value: DraftRecord; indexes: { byExpiry: string } };
  invoiceImages: { key: string; value: InvoiceImageRecord; indexes: { byDraft: string } };
  history: { key: string; value: HistoryRecord; indexes: { byNumber: string } };
  meta: { key: string; value: unknown };
}

export type HelperDatabase = IDBPDatabase<HelperDB>;
export type StoreName = StoreNames<HelperDB>;
export const STORE_NAMES: readonly StoreName[] = ['profiles', 'settings', 'mappings', 'drafts', 'invoiceImages', 'history', 'meta'];
/** The stores whose records are sealed while a passphrase is set. */
export const SEALED_STORES = ['profiles', 'drafts', 'invoiceImages'] as const satisfies readonly StoreName[];
export type SealedStoreName = (typeof SEALED_STORES)[number];

/** How long a draft of a v1 database is kept after the upgrade (v1 had no expiry). */
const UPGRADED_DRAFT_DAYS = 7;

/**
 * The upgrade from each earlier version, in order (the only place that knows the layout). Exported for
 * the migration tests, which build every earlier version with it.
 */
export function upgradeSchema(db: IDBPDatabase<HelperDB>, oldVersion: number, newVersion: number, tx: IDBPTransaction<HelperDB, StoreName[], 'versionchange'>): void {
  if (oldVersion < 1 && newVersion >= 1) {
    db.createObjectStore('profiles', { keyPath: 'id' });
    db.createObjectStore('settings');
    db.createObjectStore('mappings', { keyPath: 'id' });
    db.createObjectStore('drafts', { keyPath: 'id' });
    db.createObjectStore('invoiceImages', { keyPath: 'id' }).createIndex('byDraft', 'draftId');
    db.createObjectStore('history', { keyPath: 'key' }).createIndex('byNumber', 'invoiceNumber');
    db.createObjectStore('meta');
  }
  if (oldVersion < 2 && newVersion >= 2) {
    // v1 drafts: `{ id: 'application:<item>', itemId?, claimantId?, agentId?, values, invoices: [{ …, review }] }`,
    // keyed by item only. They become drafts of an unknown claimant and application, plain (v1 never sealed
    // drafts), expiring a week from now; their invoices keep only what the review needs.
    const drafts = tx.objectStore('drafts');
    drafts.createIndex('byExpiry', 'expiresAt');
    const expiresAt = new Date(Date.now() + UPGRADED_DRAFT_DAYS * 86_400_000).toISOString();
    void drafts.openCursor().then(async function next(cursor): Promise<void> {
      if (!cursor) return;
      const old = cursor.value as unknown as { id: string; itemId?: string; values?: Record<string, string>; invoices?: Array<{ review?: unknown }>; createdAt?: string; updatedAt?: string };
      const item = /^application:(employee|resident)$/.exec(old.id)?.[1] ?? (old.itemId === 'employee' || old.itemId === 'resident' ? old.itemId : '');
      const now = new Date().toISOString();
      const upgraded: DraftRecord = {
        id: JSON.stringify([item, '', '']),
        item,
        claimant: '',
        application: '',
        createdAt: old.createdAt ?? now,
        updatedAt: old.updatedAt ?? now,
        expiresAt,
        plain: { form: old.values ?? {}, invoices: (old.invoices ?? []).flatMap((i) => (i.review ? [i.review] : [])) },
      };
      if (upgraded.id !== old.id) {
        await cursor.delete();
        await drafts.put(upgraded);
      } else await cursor.update(upgraded);
      return next(await cursor.continue());
    });
    // v1 pictures were stored whatever the setting said (and as raw Blobs): the content moves under `plain`.
    const images = tx.objectStore('invoiceImages');
    void images.openCursor().then(async function next(cursor): Promise<void> {
      if (!cursor) return;
      const old = cursor.value as unknown as { id: string; draftId: string; name: string; type: string; data: Blob | ArrayBuffer; createdAt: string };
      if ('plain' in (cursor.value as object) || 'sealed' in (cursor.value as object)) return next(await cursor.continue());
      await cursor.update({ id: old.id, draftId: old.draftId, createdAt: old.createdAt, plain: { name: old.name, type: old.type, data: old.data } });
      return next(await cursor.continue());
    });
  }
}

/** Thrown (with a plain message for the pages) when the database cannot be used. */
export class DatabaseError extends Error {
  constructor(
    readonly code: 'newer-version' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseError';
  }
}

let opening: Promise<HelperDatabase> | undefined;
/** The connection `opening` resolved to. */
let connection: HelperDatabase | undefined;

/** Drop a connection that is closing, so the next `getDb()` opens a new one (not one already on its way). */
function forget(db: HelperDatabase | undefined) {
  if (db && db === connection) {
    connection = undefined;
    opening = undefined;
  }
}

/**
 * The database, opened once per context. A failed open is NOT remembered: the next call tries again.
 * - Another context holds an older version open (an extension page of the previous release): it gets
 *   `versionchange` and closes (`blocking`), so the upgrade goes on; while it waits, `blocked` says so.
 * - The database on disk is NEWER than this code (a downgrade, or this old page still running after an
 *   update): `VersionError` — opened at its own version when every store this code needs is there,
 *   otherwise a plain `DatabaseError('newer-version')`.
 * - The browser closes the connection (`terminated`: storage cleared, disk error): the next call reopens.
 */
export function getDb(): Promise<HelperDatabase> {
  opening ??= open().then(
    (db) => (connection = db),
    (e: unknown) => {
      opening = undefined;
      throw e;
    },
  );
  return opening;
}

const handlers = (get: () => HelperDatabase | undefined) => ({
  blocked(currentVersion: number) {
    console.warn(`[db] upgrade from version ${currentVersion} waits for another page of the extension to close it`);
  },
  blocking() {
    // A newer version is opening elsewhere: let it upgrade.
    const db = get();
    forget(db);
    db?.close();
  },
  terminated() {
    forget(get());
  },
});

async function open(): Promise<HelperDatabase> {
  let db: HelperDatabase | undefined;
  try {
    db = await openDB<HelperDB>(DB_NAME, DB_VERSION, { upgrade: upgradeSchema, ...handlers(() => db) });
    return db;
  } catch (e) {
    if (!(e instanceof DOMException) || e.name !== 'VersionError') throw e;
  }
  // Newer on disk: use it as it is when it still has everything this version reads and writes.
  db = await openDB<HelperDB>(DB_NAME, undefined, handlers(() => db));
  const missing = STORE_NAMES.filter((s) => !db!.objectStoreNames.contains(s));
  if (missing.length) {
    db.close();
    throw new DatabaseError('newer-version', '本机的资料是较新版本的报销助手保存的，请把报销助手更新到最新版本后再用。');
  }
  return db;
}

/** Tests: close and delete the database so the next `getDb()` starts empty. */
export async function resetDbForTests(): Promise<void> {
  const current = opening;
  opening = undefined;
  connection = undefined;
  if (current) (await current.catch(() => undefined))?.close();
  await deleteDB(DB_NAME);
}

// ---------------------------------------------------------------------------------------------
// Drafts and their pictures are read and written by utils/drafts (sealed while a lock is set), in
// the background only.

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
