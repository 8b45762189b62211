/**
 * The profile store (runs in the background, which owns it). Profiles are plain records until a
 * passphrase is set; from then on each record is sealed with AES-GCM (utils/crypto) and nothing can
 * be read or written while locked. Every multi-record change (import, passphrase change, 我自己,
 * volunteer wipe) is computed first (all crypto done) and then written in ONE IndexedDB transaction,
 * so a failure or a wrong passphrase leaves the stored data exactly as it was.
 *
 * Every operation runs in one queue (`exclusive`), the wrong-passphrase count included, and each write
 * re-checks the lock inside its transaction; records are read leniently (shape only) and one that cannot
 * be read is set aside and named, never a reason for the rest to fail.
 */
import { z } from 'zod';
import { getDb, type HelperDatabase, type StoredProfileRecord } from '@/utils/db';
import { createLock, open, seal, toBase64, unlockWith, verifyKey, PBKDF2_ITERATIONS, MIN_PBKDF2_ITERATIONS, DecryptError, type LockMeta } from '@/utils/crypto';
import type { KeyHolder } from '@/utils/crypto/key-holder';
import { MessageError } from '@/utils/messaging';
import { t } from '@/utils/i18n';
import { loadSettings, type Settings } from '@/utils/settings';
import { maskIdNumber, profileInputSchema, profileSchema, readStoredProfile, PROFILE_SCHEMA_VERSION, type Profile, type ProfileInput } from './schema';
import { exportFilename, fieldLabel, ImportError, parseProfilesFile, serializeProfiles, type ParsedProfilesFile } from './import-export';
import type { ConflictChoice, ImportConflict, LockState, ProfileSummary } from './messages';

export const LOCK_META_KEY = 'lock';
export const MIN_PASSPHRASE_LENGTH = 8;

export interface ProfileServiceDeps {
  db?: () => Promise<HelperDatabase>;
  keys: KeyHolder;
  settings?: () => Promise<Settings>;
  now?: () => string;
  newId?: () => string;
  /** PBKDF2 iterations for new locks (tests may lower it together with `minIterations`). */
  iterations?: number;
  minIterations?: number;
  /** Clears other features' session state on 结束本次服务. */
  clearSessionState?: () => Promise<void>;
  /** Milliseconds clock (wrong-passphrase back-off). */
  clock?: () => number;
  /** Where the wrong-passphrase count is kept (the background: `storage.session`, so a worker restart does not reset it). */
  attempts?: AttemptStore;
}

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

/** Wrong passphrases allowed before a pause; then 5 s, 10 s, 20 s … up to 5 minutes between tries. */
export const FREE_ATTEMPTS = 5;
const MAX_BACKOFF_MS = 5 * 60_000;

export interface EndSessionResult {
  profiles: number;
  drafts: number;
  invoiceImages: number;
}

/** One stored record as read: its content (decrypted) and, when its shape is right, the profile. */
type Opened =
  | { ok: true; record: StoredProfileRecord; raw: unknown; profile: Profile }
  /** Set aside: `raw` when it decrypted but its content is not a usable profile. */
  | { ok: false; record: StoredProfileRecord; raw?: unknown; reason: 'locked' | 'undecryptable' | 'invalid' };

/** What a write sees: the lock and the records as they are now (read in one transaction), and the key. */
interface WriteContext {
  db: HelperDatabase;
  meta: LockMeta | undefined;
  key: CryptoKey | null;
  records: StoredProfileRecord[];
}

/** A record that could not be read, as the lists show it. */
export interface UnreadableRecord {
  id: string;
  message: string;
}

/** Identity of a lock (its salt): a write prepared under one lock must not land under another. */
const lockId = (meta: LockMeta | undefined) => (meta ? toBase64(new Uint8Array(meta.salt)) : '');

export class ProfileService {
  private readonly db: () => Promise<HelperDatabase>;
  private readonly settings: () => Promise<Settings>;
  private readonly now: () => string;
  private readonly newId: () => string;
  private readonly iterations: number;
  private readonly minIterations: number;
  private readonly clock: () => number;
  private readonly attempts: AttemptStore;
  /** The end of the queue every operation of the service joins. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: ProfileServiceDeps) {
    this.db = deps.db ?? getDb;
    this.settings = deps.settings ?? loadSettings;
    this.now = deps.now ?? (() => new Date().toISOString());
    this.newId = deps.newId ?? (() => crypto.randomUUID());
    this.iterations = deps.iterations ?? PBKDF2_ITERATIONS;
    this.minIterations = deps.minIterations ?? MIN_PBKDF2_ITERATIONS;
    this.clock = deps.clock ?? Date.now;
    this.attempts = deps.attempts ?? memoryAttemptStore();
  }

  /**
   * One queue for every operation on the profiles (writes, the unlock back-off, and reads, so a read never
   * sees a lock half changed): each runs alone, in the order asked, and sees the lock as it is when it runs.
   */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => {});
    return run;
  }

  /** Check a passphrase against the lock, with a growing pause after repeated wrong ones (someone guessing at a shared PC). Runs inside the queue. */
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

  // -------------------------------------------------------------------------------------------
  // Lock

  private async lockMeta(): Promise<LockMeta | undefined> {
    return (await (await this.db()).get('meta', LOCK_META_KEY)) as LockMeta | undefined;
  }

  /** The held key, if it belongs to this lock (a key of an earlier lock is no key). */
  private async heldKey(meta: LockMeta): Promise<CryptoKey | null> {
    const key = await this.deps.keys.get();
    return key && (await verifyKey(key, meta)) ? key : null;
  }

  async lockState(): Promise<LockState> {
    const [meta, settings] = await Promise.all([this.lockMeta(), this.settings()]);
    const enabled = !!meta;
    const locked = enabled && !(await this.heldKey(meta));
    return { enabled, locked, autoLockMinutes: settings.autoLockMinutes };
  }

  /** The lock and every record, read in one transaction. */
  private async snapshot(): Promise<Omit<WriteContext, 'key'>> {
    const db = await this.db();
    const tx = db.transaction(['profiles', 'meta'], 'readonly');
    const [meta, records] = await Promise.all([tx.objectStore('meta').get(LOCK_META_KEY) as Promise<LockMeta | undefined>, tx.objectStore('profiles').getAll(), tx.done]);
    return { db, meta, records };
  }

  /** The state a write works on; throws `locked` when a lock is set and not open. */
  private async writeContext(): Promise<WriteContext> {
    const snap = await this.snapshot();
    if (!snap.meta) return { ...snap, key: null };
    const key = await this.heldKey(snap.meta);
    if (!key) throw new MessageError('locked', t('profilesErrLocked'));
    return { ...snap, key };
  }

  /**
   * Write records in ONE transaction, re-checking the lock inside it: a write prepared (sealed or not)
   * under one lock never lands under another one (another context changed it meanwhile).
   */
  private async commit(ctx: Pick<WriteContext, 'db' | 'meta'>, puts: StoredProfileRecord[], deletes: string[] = [], lock?: { next: LockMeta | null }): Promise<void> {
    const tx = ctx.db.transaction(['profiles', 'meta'], 'readwrite');
    const meta = tx.objectStore('meta');
    const current = (await meta.get(LOCK_META_KEY)) as LockMeta | undefined;
    if (lockId(current) !== lockId(ctx.meta)) {
      tx.abort();
      await tx.done.catch(() => {});
      throw new MessageError('lock-changed', t('profilesErrLockChanged'));
    }
    const profiles = tx.objectStore('profiles');
    const putIds = new Set(puts.map((r) => r.id));
    const writes: Array<Promise<unknown>> = [...deletes.filter((id) => !putIds.has(id)).map((id) => profiles.delete(id)), ...puts.map((r) => profiles.put(r))];
    if (lock) writes.push(lock.next ? meta.put(lock.next, LOCK_META_KEY) : meta.delete(LOCK_META_KEY));
    await Promise.all([...writes, tx.done]);
  }

  unlock(passphrase: string): Promise<LockState> {
    return this.exclusive(async () => {
      const snap = await this.snapshot();
      if (!snap.meta) return this.lockState();
      const key = await this.tryPassphrase(passphrase, snap.meta);
      await this.deps.keys.set(key);
      // Plain text under the lock (written by an older version, or a crash between two writes): seal it now.
      const stray = snap.records.filter((r) => r.plain !== undefined || !r.sealed);
      if (stray.length) await this.commit(snap, await Promise.all(stray.map((r) => this.recordOf(r, r.plain, key))));
      await this.touch();
      return this.lockState();
    });
  }

  lock(): Promise<LockState> {
    return this.exclusive(async () => {
      await this.deps.keys.clear();
      return this.lockState();
    });
  }

  /** Postpone the auto-lock (on user activity in an extension page). */
  async touch(): Promise<void> {
    const meta = await this.lockMeta();
    if (!meta || !(await this.heldKey(meta))) return;
    await this.deps.keys.touch((await this.settings()).autoLockMinutes);
  }

  private checkStrength(passphrase: string) {
    if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) throw new MessageError('weak-passphrase', t('profilesErrWeakPassphrase', MIN_PASSPHRASE_LENGTH));
  }

  /**
   * Set the first passphrase, or change it (`current` must be right). Every record that can be read is
   * re-sealed, in one transaction, exactly as stored (even one set aside as invalid: nothing of it is
   * lost); a record that cannot be decrypted stays as it is.
   */
  setPassphrase(current: string | undefined, next: string): Promise<LockState> {
    return this.exclusive(async () => {
      this.checkStrength(next);
      const snap = await this.snapshot();
      let oldKey: CryptoKey | null = null;
      if (snap.meta) {
        if (current === undefined) throw new MessageError('wrong-passphrase', t('profilesErrWrongPassphrase'));
        oldKey = await this.tryPassphrase(current, snap.meta);
      }
      const opened = await Promise.all(snap.records.map((r) => this.decrypt(r, oldKey)));
      const { key, meta: nextMeta } = await createLock(next, this.iterations);
      const sealed = await Promise.all(snap.records.flatMap((r, i) => (opened[i]!.ok ? [this.recordOf(r, opened[i]!.raw, key)] : [])));
      await this.commit(snap, sealed, [], { next: nextMeta });
      await this.deps.keys.set(key);
      await this.touch();
      return this.lockState();
    });
  }

  /** Remove the lock: every record that can be decrypted is stored plain again, in one transaction. */
  removePassphrase(current: string): Promise<LockState> {
    return this.exclusive(async () => {
      const snap = await this.snapshot();
      if (!snap.meta) throw new MessageError('no-passphrase', t('profilesErrNoPassphrase'));
      const key = await this.tryPassphrase(current, snap.meta);
      const opened = await Promise.all(snap.records.map((r) => this.decrypt(r, key)));
      const plain = await Promise.all(snap.records.flatMap((r, i) => (opened[i]!.ok ? [this.recordOf(r, opened[i]!.raw, null)] : [])));
      await this.commit(snap, plain, [], { next: null });
      await this.deps.keys.clear();
      return this.lockState();
    });
  }

  // -------------------------------------------------------------------------------------------
  // Records

  /** A stored record holding `raw` (a profile, or content set aside), sealed with `key` when given. */
  private async recordOf(like: Pick<StoredProfileRecord, 'id' | 'v' | 'temporary'>, raw: unknown, key: CryptoKey | null): Promise<StoredProfileRecord> {
    const base: StoredProfileRecord = { id: like.id, v: like.v };
    if (like.temporary) base.temporary = true;
    if (key) base.sealed = await seal(key, raw, like.id);
    else base.plain = raw;
    return base;
  }

  private toRecord(p: Profile, key: CryptoKey | null): Promise<StoredProfileRecord> {
    return this.recordOf({ id: p.id, v: PROFILE_SCHEMA_VERSION, temporary: p.temporary }, p, key);
  }

  /** A record's stored content: plain, or decrypted with `key`. */
  private async decrypt(r: StoredProfileRecord, key: CryptoKey | null): Promise<{ ok: true; raw: unknown } | { ok: false; reason: 'locked' | 'undecryptable' }> {
    if (!r.sealed) return { ok: true, raw: r.plain };
    if (!key) return { ok: false, reason: 'locked' };
    try {
      return { ok: true, raw: await open(key, r.sealed, r.id) };
    } catch (e) {
      if (e instanceof DecryptError || e instanceof SyntaxError) return { ok: false, reason: 'undecryptable' };
      throw e;
    }
  }

  /** Read one record leniently (shape only: no validator that depends on today may drop a stored person). */
  private async openRecord(r: StoredProfileRecord, key: CryptoKey | null): Promise<Opened> {
    const content = await this.decrypt(r, key);
    if (!content.ok) return { ok: false, record: r, reason: content.reason };
    try {
      const profile = readStoredProfile(content.raw, r.v, { now: this.now, newId: () => r.id });
      return profile.id === r.id ? { ok: true, record: r, raw: content.raw, profile } : { ok: false, record: r, raw: content.raw, reason: 'invalid' };
    } catch {
      return { ok: false, record: r, raw: content.raw, reason: 'invalid' };
    }
  }

  /** Every record: the readable profiles, and the ones set aside. */
  private async readAll(ctx: Pick<WriteContext, 'records' | 'key'>): Promise<{ profiles: Profile[]; unreadable: UnreadableRecord[] }> {
    const opened = await Promise.all(ctx.records.map((r) => this.openRecord(r, ctx.key)));
    return {
      profiles: opened.flatMap((o) => (o.ok ? [o.profile] : [])),
      unreadable: opened.flatMap((o) => (o.ok ? [] : [{ id: o.record.id, message: t(o.reason === 'invalid' ? 'profilesErrUnreadableInvalid' : 'profilesErrUnreadableDamaged') }])),
    };
  }

  /** Every readable profile, decrypted (throws `locked`). */
  all(): Promise<Profile[]> {
    return this.exclusive(async () => (await this.readAll(await this.writeContext())).profiles);
  }

  list(): Promise<{ lock: LockState; profiles: ProfileSummary[]; unreadable: UnreadableRecord[] }> {
    return this.exclusive(async () => {
      const lock = await this.lockState();
      if (lock.locked) return { lock, profiles: [], unreadable: [] };
      const { profiles, unreadable } = await this.readAll(await this.writeContext());
      const summaries = profiles.map(summarize);
      summaries.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
      return { lock, profiles: summaries, unreadable };
    });
  }

  get(id: string): Promise<Profile> {
    return this.exclusive(async () => {
      const ctx = await this.writeContext();
      const record = ctx.records.find((r) => r.id === id);
      if (!record) throw new MessageError('not-found', t('profilesErrNotFound'));
      const opened = await this.openRecord(record, ctx.key);
      if (!opened.ok) throw new MessageError('damaged', t('profilesErrDamaged'));
      return opened.profile;
    });
  }

  save(input: ProfileInput): Promise<Profile> {
    return this.exclusive(async () => {
      const ctx = await this.writeContext();
      const parsedInput = profileInputSchema.safeParse(input);
      if (!parsedInput.success) throw invalidProfile(parsedInput.error);
      const data = parsedInput.data;
      const { profiles: stored } = await this.readAll(ctx);
      const existing = data.id ? stored.find((p) => p.id === data.id) : undefined;
      const now = this.now();
      const settings = await this.settings();
      const candidate = {
        ...data,
        id: existing?.id ?? data.id ?? this.newId(),
        temporary: data.temporary ?? existing?.temporary ?? (settings.volunteerMode ? true : undefined),
        createdAt: existing?.createdAt ?? data.createdAt ?? now,
        updatedAt: now,
      };
      if (candidate.temporary === false) delete candidate.temporary;
      if (candidate.isSelf === false) delete candidate.isSelf;
      if (candidate.deceased === false) delete candidate.deceased;
      const parsed = profileSchema.safeParse(candidate);
      if (!parsed.success) throw invalidProfile(parsed.error);
      const profile = parsed.data;

      // 我自己 is at most one person: clear it on the others in the same transaction.
      const others = profile.isSelf ? stored.filter((p) => p.isSelf && p.id !== profile.id) : [];
      const records = await Promise.all([profile, ...others.map((p) => ({ ...without(p, 'isSelf'), updatedAt: now }) as Profile)].map((p) => this.toRecord(p, ctx.key)));
      await this.commit(ctx, records);
      return profile;
    });
  }

  /** Delete a person (also one set aside as unreadable). */
  delete(id: string): Promise<boolean> {
    return this.exclusive(async () => {
      const ctx = await this.writeContext();
      const had = ctx.records.some((r) => r.id === id);
      if (had) await this.commit(ctx, [], [id]);
      return had;
    });
  }

  // -------------------------------------------------------------------------------------------
  // Import / export

  /** The file of every readable person; `unreadable` counts the records set aside (not in the file). */
  exportText(): Promise<{ text: string; filename: string; unreadable: number }> {
    return this.exclusive(async () => {
      const { profiles, unreadable } = await this.readAll(await this.writeContext());
      return { text: serializeProfiles(profiles), filename: exportFilename(new Date(this.now())), unreadable: unreadable.length };
    });
  }

  private parse(text: string): ParsedProfilesFile {
    try {
      return parseProfilesFile(text, { now: this.now, newId: this.newId });
    } catch (e) {
      if (e instanceof ImportError) throw new MessageError('import-invalid', e.message);
      throw e;
    }
  }

  /**
   * A person of the file conflicts with the stored person of the same ID number or, failing that, of
   * the same id (the same record, its ID number corrected since).
   */
  private findConflicts(incoming: Profile[], stored: Profile[]): ImportConflict[] {
    const byIdNumber = new Map(stored.map((p) => [p.idNumber, p]));
    const byId = new Map(stored.map((p) => [p.id, p]));
    const conflicts: ImportConflict[] = [];
    incoming.forEach((p, index) => {
      const existing = byIdNumber.get(p.idNumber) ?? byId.get(p.id);
      if (existing) conflicts.push({ index, name: p.name, maskedIdNumber: maskIdNumber(p.idNumber), existingId: existing.id, existingName: existing.name });
    });
    return conflicts;
  }

  async previewImport(text: string): Promise<{ count: number; conflicts: ImportConflict[]; ignoredKeys: string[] }> {
    const { profiles: incoming, ignoredKeys } = this.parse(text);
    return this.exclusive(async () => {
      const { profiles: stored } = await this.readAll(await this.writeContext());
      return { count: incoming.length, conflicts: this.findConflicts(incoming, stored), ignoredKeys };
    });
  }

  /**
   * All or nothing. Conflicts are decided by `choices[index]` or `defaultChoice`. The incoming person
   * keeps its id only when that id is free or belongs to the very person it replaces: an id taken by
   * someone else (records of two devices) gets a new one, so nobody else is ever overwritten.
   */
  async import(text: string, choices: Record<string, ConflictChoice> = {}, defaultChoice?: ConflictChoice): Promise<{ added: number; replaced: number; ignoredKeys: string[] }> {
    const { profiles: incoming, ignoredKeys } = this.parse(text);
    return this.exclusive(async () => {
      const ctx = await this.writeContext();
      const { profiles: stored } = await this.readAll(ctx);
      const conflicts = this.findConflicts(incoming, stored);
      const settings = await this.settings();
      const conflictByIndex = new Map(conflicts.map((c) => [c.index, c]));
      const toDelete = new Set<string>();
      const toPut: Profile[] = [];
      /** Ids in use: every stored record (readable or not) and every id given out by this import. */
      const taken = new Set(ctx.records.map((r) => r.id));
      let added = 0;
      let replaced = 0;
      for (const [index, original] of incoming.entries()) {
        let p: Profile = settings.volunteerMode ? { ...original, temporary: true } : original;
        const conflict = conflictByIndex.get(index);
        let replacing: string | null = null;
        if (conflict) {
          const choice = choices[String(index)] ?? defaultChoice;
          if (!choice) throw new MessageError('import-invalid', t('profilesImportErrUndecided', conflict.name));
          if (choice === 'replace') {
            replacing = conflict.existingId;
            toDelete.add(replacing);
            replaced++;
          } else added++;
        } else added++;
        if (p.id !== replacing && taken.has(p.id)) p = { ...p, id: this.newId() };
        taken.add(p.id);
        toPut.push(p);
      }
      // 我自己: the person marked on this device stays, unless it is being replaced.
      const keptSelf = stored.find((p) => p.isSelf && !toDelete.has(p.id));
      const finalPut = toPut.map((p) => (p.isSelf && keptSelf && keptSelf.id !== p.id ? (without(p, 'isSelf') as Profile) : p));
      const records = await Promise.all(finalPut.map((p) => this.toRecord(p, ctx.key)));
      await this.commit(ctx, records, [...toDelete]);
      return { added, replaced, ignoredKeys };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Volunteer mode

  /** 结束本次服务: temporary profiles, all drafts and invoice images go in one transaction. */
  endSession(): Promise<EndSessionResult> {
    return this.exclusive(async () => {
      const db = await this.db();
      const tx = db.transaction(['profiles', 'drafts', 'invoiceImages'], 'readwrite');
      const profiles = tx.objectStore('profiles');
      const [records, drafts, images] = await Promise.all([profiles.getAll(), tx.objectStore('drafts').count(), tx.objectStore('invoiceImages').count()]);
      const temporary = records.filter((r) => r.temporary);
      await Promise.all([
        ...temporary.map((r) => profiles.delete(r.id)),
        tx.objectStore('drafts').clear(),
        tx.objectStore('invoiceImages').clear(),
        tx.done,
      ]);
      await this.deps.clearSessionState?.();
      return { profiles: temporary.length, drafts, invoiceImages: images };
    });
  }
}

export function summarize(p: Profile): ProfileSummary {
  return {
    id: p.id,
    displayName: p.displayName,
    name: p.name,
    insuranceType: p.insuranceType,
    isSelf: !!p.isSelf,
    temporary: !!p.temporary,
    deceased: !!p.deceased,
    relation: p.relation,
    maskedIdNumber: maskIdNumber(p.idNumber),
  };
}

function without<T extends object, K extends keyof T>(o: T, k: K): Omit<T, K> {
  const copy = { ...o };
  delete copy[k];
  return copy;
}

function invalidProfile(error: z.ZodError): MessageError {
  const issue = error.issues[0]!;
  const field = String(issue.path[0] ?? '');
  return new MessageError('invalid-profile', t('profilesErrInvalidField', fieldLabel(field), issue.message));
}
