/**
 * The lock over the extension's personal data (runs in the background, which owns the database).
 *
 * The records of `SEALED_STORES` (people, drafts, invoice pictures) are plain until a passphrase is
 * set; from then on their content is sealed with AES-GCM (./index.ts) under the record id, and nothing
 * of it can be read or written while locked.
 *
 * - ONE queue (`exclusive`) for every operation on sealed data and for the lock itself — set, change,
 *   remove, unlock with its wrong-passphrase count, lock: nothing is prepared under one lock and
 *   written under another, and guesses made in parallel are all counted.
 * - Every write re-checks the lock INSIDE its transaction (by the lock's salt): a write prepared under
 *   another lock (another context changed it) is refused with `lock-changed`, never stored.
 * - Setting, changing and removing the passphrase re-seal every record of every sealed store in one
 *   transaction; a record that cannot be decrypted stays exactly as it is. Unlocking seals plain
 *   content found under the lock (an older version, a crash).
 */
import { getDb, SEALED_STORES, type DraftRecord, type HelperDatabase, type InvoiceImageRecord, type SealableRecord, type SealedStoreName, type StoredProfileRecord } from '@/utils/db';
import { MessageError } from '@/utils/messaging';
import { t } from '@/utils/i18n';
import { createLock, DecryptError, fromBase64, MIN_PBKDF2_ITERATIONS, open, PBKDF2_ITERATIONS, seal, toBase64, unlockWith, verifyKey, type LockMeta } from './index';
import type { KeyHolder } from './key-holder';

export const LOCK_META_KEY = 'lock';
export const MIN_PASSPHRASE_LENGTH = 8;
/** Wrong passphrases allowed before a pause; then 5 s, 10 s, 20 s … up to 5 minutes between tries. */
export const FREE_ATTEMPTS = 5;
const MAX_BACKOFF_MS = 5 * 60_000;

export interface Attempts {
  failures: number;
  retryAt: number;
}
export interface AttemptStore {
  get(): Promise<Attempts>;
  set(a: Attempts): Promise<void>;
}

export function memoryAttemptStore(): AttemptStore {
  let a: Attempts = { failures: 0, retryAt: 0 };
  return { get: async () => a, set: async (next) => void (a = next) };
}

export interface VaultDeps {
  db?: () => Promise<HelperDatabase>;
  keys: KeyHolder;
  /** Minutes of inactivity before the auto-lock (0 = never). */
  autoLockMinutes?: () => Promise<number>;
  /** PBKDF2 iterations for new locks (tests may lower it together with `minIterations`). */
  iterations?: number;
  minIterations?: number;
  /** Milliseconds clock (wrong-passphrase back-off). */
  clock?: () => number;
  /** Where the wrong-passphrase count is kept (the background: `storage.session`, so a worker restart does not reset it). */
  attempts?: AttemptStore;
}

export interface Records {
  profiles: StoredProfileRecord[];
  drafts: DraftRecord[];
  invoiceImages: InvoiceImageRecord[];
}

/** What an operation sees: the lock and the records it asked for, read in ONE transaction, and the key. */
export interface VaultContext {
  db: HelperDatabase;
  meta: LockMeta | undefined;
  /** The key of the lock; null when no lock is set (or, for `readContext`, when locked). */
  key: CryptoKey | null;
  records: Partial<Records>;
}

/** Changes of one commit, per store. */
export type Changes = Partial<Record<SealedStoreName, { puts?: SealableRecord[]; deletes?: string[]; clear?: boolean }>> & {
  /** Records of the `meta` store (key → value; `undefined` deletes). */
  meta?: Record<string, unknown>;
};

export type Opened = { ok: true; raw: unknown } | { ok: false; reason: 'locked' | 'undecryptable' };

/** Identity of a lock (its salt): a write prepared under one lock must not land under another. */
const lockId = (meta: LockMeta | undefined) => (meta ? toBase64(new Uint8Array(meta.salt)) : '');

/**
 * Content as it is sealed: JSON. Pictures are bytes: sealed as base64 of them, and back to an
 * ArrayBuffer when opened.
 */
async function toSealable(store: SealedStoreName, raw: unknown): Promise<unknown> {
  if (store !== 'invoiceImages' || !raw || typeof raw !== 'object') return raw;
  const img = raw as { name: string; type: string; data: Blob | ArrayBuffer };
  const bytes = new Uint8Array(img.data instanceof ArrayBuffer ? img.data : await img.data.arrayBuffer());
  return { name: img.name, type: img.type, data: toBase64(bytes) };
}
function fromSealable(store: SealedStoreName, json: unknown): unknown {
  if (store !== 'invoiceImages' || !json || typeof json !== 'object') return json;
  const img = json as { name: string; type: string; data: string };
  return { name: img.name, type: img.type, data: fromBase64(img.data).buffer };
}

export class Vault {
  private readonly db: () => Promise<HelperDatabase>;
  private readonly iterations: number;
  private readonly minIterations: number;
  private readonly clock: () => number;
  private readonly attempts: AttemptStore;
  private readonly autoLockMinutes: () => Promise<number>;
  /** The end of the queue every operation joins. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: VaultDeps) {
    this.db = deps.db ?? getDb;
    this.iterations = deps.iterations ?? PBKDF2_ITERATIONS;
    this.minIterations = deps.minIterations ?? MIN_PBKDF2_ITERATIONS;
    this.clock = deps.clock ?? Date.now;
    this.attempts = deps.attempts ?? memoryAttemptStore();
    this.autoLockMinutes = deps.autoLockMinutes ?? (async () => 15);
  }

  /** Run `fn` alone, after every operation asked before it (never call `exclusive` from inside `fn`). */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => {});
    return run;
  }

  // -------------------------------------------------------------------------------------------
  // State

  async lockMeta(): Promise<LockMeta | undefined> {
    return (await (await this.db()).get('meta', LOCK_META_KEY)) as LockMeta | undefined;
  }

  /** The held key, if it belongs to this lock (a key of an earlier lock is no key). */
  private async heldKey(meta: LockMeta): Promise<CryptoKey | null> {
    const key = await this.deps.keys.get();
    return key && (await verifyKey(key, meta)) ? key : null;
  }

  async state(): Promise<{ enabled: boolean; locked: boolean }> {
    const meta = await this.lockMeta();
    return { enabled: !!meta, locked: !!meta && !(await this.heldKey(meta)) };
  }

  /** The lock and the records of `stores`, read in one transaction (call inside `exclusive`). */
  private async snapshot(stores: readonly SealedStoreName[]): Promise<Omit<VaultContext, 'key'>> {
    const db = await this.db();
    const tx = db.transaction([...stores, 'meta'], 'readonly');
    const [meta, ...lists] = await Promise.all([tx.objectStore('meta').get(LOCK_META_KEY) as Promise<LockMeta | undefined>, ...stores.map((s) => tx.objectStore(s).getAll()), tx.done]);
    const records: Partial<Records> = {};
    stores.forEach((s, i) => Object.assign(records, { [s]: lists[i] }));
    return { db, meta, records };
  }

  /** For a write (inside `exclusive`): throws `locked` when a lock is set and not open. */
  async writeContext(stores: readonly SealedStoreName[]): Promise<VaultContext> {
    const snap = await this.snapshot(stores);
    if (!snap.meta) return { ...snap, key: null };
    const key = await this.heldKey(snap.meta);
    if (!key) throw new MessageError('locked', t('profilesErrLocked'));
    return { ...snap, key };
  }

  /** For a read that works while locked on what stays readable (inside `exclusive`): `key` null when locked. */
  async readContext(stores: readonly SealedStoreName[]): Promise<VaultContext & { locked: boolean }> {
    const snap = await this.snapshot(stores);
    const key = snap.meta ? await this.heldKey(snap.meta) : null;
    return { ...snap, key, locked: !!snap.meta && !key };
  }

  /**
   * Write in ONE transaction, re-checking the lock inside it: a write prepared (sealed or not) under one
   * lock never lands under another one.
   */
  async commit(ctx: Pick<VaultContext, 'db' | 'meta'>, changes: Changes, lock?: { next: LockMeta | null }): Promise<void> {
    const stores = SEALED_STORES.filter((s) => changes[s]);
    const tx = ctx.db.transaction([...stores, 'meta'], 'readwrite');
    const meta = tx.objectStore('meta');
    const current = (await meta.get(LOCK_META_KEY)) as LockMeta | undefined;
    if (lockId(current) !== lockId(ctx.meta)) {
      tx.abort();
      await tx.done.catch(() => {});
      throw new MessageError('lock-changed', t('profilesErrLockChanged'));
    }
    const writes: Array<Promise<unknown>> = [];
    for (const s of stores) {
      const { puts = [], deletes = [], clear } = changes[s]!;
      const store = tx.objectStore(s);
      const putIds = new Set(puts.map((r) => r.id));
      if (clear) writes.push(store.clear());
      for (const id of deletes) if (!putIds.has(id)) writes.push(store.delete(id));
      for (const r of puts) writes.push(store.put(r as never));
    }
    for (const [k, v] of Object.entries(changes.meta ?? {})) writes.push(v === undefined ? meta.delete(k) : meta.put(v, k));
    if (lock) writes.push(lock.next ? meta.put(lock.next, LOCK_META_KEY) : meta.delete(LOCK_META_KEY));
    await Promise.all([...writes, tx.done]);
  }

  // -------------------------------------------------------------------------------------------
  // Sealing

  /** `record` holding `raw`, sealed with `key` when given (every other field kept). */
  async withContent<R extends SealableRecord>(store: SealedStoreName, record: R, raw: unknown, key: CryptoKey | null): Promise<R> {
    const { plain: _p, sealed: _s, ...rest } = record;
    return (key ? { ...rest, sealed: await seal(key, await toSealable(store, raw), record.id) } : { ...rest, plain: raw }) as R;
  }

  /** A record's content: plain, or decrypted with `key`. */
  async contentOf(store: SealedStoreName, r: SealableRecord, key: CryptoKey | null): Promise<Opened> {
    if (!r.sealed) return { ok: true, raw: r.plain };
    if (!key) return { ok: false, reason: 'locked' };
    try {
      return { ok: true, raw: fromSealable(store, await open(key, r.sealed, r.id)) };
    } catch (e) {
      if (e instanceof DecryptError || e instanceof SyntaxError) return { ok: false, reason: 'undecryptable' };
      throw e;
    }
  }

  /** Every readable record of every sealed store, re-sealed with `next` (or plain when null). */
  private async resealAll(records: Partial<Records>, current: CryptoKey | null, next: CryptoKey | null): Promise<Changes> {
    const changes: Changes = {};
    for (const s of SEALED_STORES) {
      const puts: SealableRecord[] = [];
      for (const r of (records[s] ?? []) as SealableRecord[]) {
        const c = await this.contentOf(s, r, current);
        if (c.ok) puts.push(await this.withContent(s, r, c.raw, next));
      }
      changes[s] = { puts };
    }
    return changes;
  }

  // -------------------------------------------------------------------------------------------
  // The lock

  /** Check a passphrase against the lock, with a growing pause after repeated wrong ones (inside the queue). */
  private async tryPassphrase(passphrase: string, meta: LockMeta): Promise<CryptoKey> {
    const { failures, retryAt } = await this.attempts.get();
    const wait = retryAt - this.clock();
    if (wait > 0) throw new MessageError('too-many-attempts', t('profilesErrTooManyAttempts', Math.ceil(wait / 1000)));
    const key = await unlockWith(passphrase, meta, this.minIterations);
    if (!key) {
      const n = failures + 1;
      await this.attempts.set({ failures: n, retryAt: n >= FREE_ATTEMPTS ? this.clock() + Math.min(MAX_BACKOFF_MS, 5000 * 2 ** (n - FREE_ATTEMPTS)) : 0 });
      throw new MessageError('wrong-passphrase', t('profilesErrWrongPassphrase'));
    }
    if (failures || retryAt) await this.attempts.set({ failures: 0, retryAt: 0 });
    return key;
  }

  private checkStrength(passphrase: string) {
    if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) throw new MessageError('weak-passphrase', t('profilesErrWeakPassphrase', MIN_PASSPHRASE_LENGTH));
  }

  unlock(passphrase: string): Promise<void> {
    return this.exclusive(async () => {
      const snap = await this.snapshot(SEALED_STORES);
      if (!snap.meta) return;
      const key = await this.tryPassphrase(passphrase, snap.meta);
      await this.deps.keys.set(key);
      // Plain content under the lock (written by an older version, or a crash between two writes): seal it now.
      const changes: Changes = {};
      for (const s of SEALED_STORES) {
        const stray = ((snap.records[s] ?? []) as SealableRecord[]).filter((r) => !r.sealed);
        if (stray.length) changes[s] = { puts: await Promise.all(stray.map((r) => this.withContent(s, r, r.plain, key))) };
      }
      if (Object.keys(changes).length) await this.commit(snap, changes);
      await this.touch();
    });
  }

  lock(): Promise<void> {
    return this.exclusive(() => this.deps.keys.clear());
  }

  /** Postpone the auto-lock (on user activity in an extension page). */
  async touch(): Promise<void> {
    const meta = await this.lockMeta();
    if (!meta || !(await this.heldKey(meta))) return;
    await this.deps.keys.touch(await this.autoLockMinutes());
  }

  /** Set the first passphrase, or change it (`current` must be right): every readable record re-sealed in one transaction. */
  setPassphrase(current: string | undefined, next: string): Promise<void> {
    return this.exclusive(async () => {
      this.checkStrength(next);
      const snap = await this.snapshot(SEALED_STORES);
      let oldKey: CryptoKey | null = null;
      if (snap.meta) {
        if (current === undefined) throw new MessageError('wrong-passphrase', t('profilesErrWrongPassphrase'));
        oldKey = await this.tryPassphrase(current, snap.meta);
      }
      const { key, meta: nextMeta } = await createLock(next, this.iterations);
      await this.commit(snap, await this.resealAll(snap.records, oldKey, key), { next: nextMeta });
      await this.deps.keys.set(key);
      await this.touch();
    });
  }

  /** Remove the lock: every record that can be decrypted is stored plain again, in one transaction. */
  removePassphrase(current: string): Promise<void> {
    return this.exclusive(async () => {
      const snap = await this.snapshot(SEALED_STORES);
      if (!snap.meta) throw new MessageError('no-passphrase', t('profilesErrNoPassphrase'));
      const key = await this.tryPassphrase(current, snap.meta);
      await this.commit(snap, await this.resealAll(snap.records, key, null), { next: null });
      await this.deps.keys.clear();
    });
  }
}
