/**
 * The profile store (runs in the background, which owns it). Profiles are plain records until a
 * passphrase is set; from then on each record is sealed with AES-GCM (utils/crypto) and nothing can
 * be read or written while locked. Every multi-record change (import, passphrase change, 我自己,
 * volunteer wipe) is computed first (all crypto done) and then written in ONE IndexedDB transaction,
 * so a failure or a wrong passphrase leaves the stored data exactly as it was.
 */
import { z } from 'zod';
import { getDb, type HelperDatabase, type StoredProfileRecord } from '@/utils/db';
import { createLock, open, seal, unlockWith, PBKDF2_ITERATIONS, MIN_PBKDF2_ITERATIONS, DecryptError, type LockMeta } from '@/utils/crypto';
import type { KeyHolder } from '@/utils/crypto/key-holder';
import { MessageError } from '@/utils/messaging';
import { t } from '@/utils/i18n';
import { loadSettings, type Settings } from '@/utils/settings';
import { maskIdNumber, migrateProfile, profileInputSchema, profileSchema, PROFILE_SCHEMA_VERSION, type Profile, type ProfileInput } from './schema';
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

export class ProfileService {
  private readonly db: () => Promise<HelperDatabase>;
  private readonly settings: () => Promise<Settings>;
  private readonly now: () => string;
  private readonly newId: () => string;
  private readonly iterations: number;
  private readonly minIterations: number;
  private readonly clock: () => number;
  private readonly attempts: AttemptStore;

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

  /** Check a passphrase against the lock, with a growing pause after repeated wrong ones (someone guessing at a shared PC). */
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

  async lockState(): Promise<LockState> {
    const [meta, settings] = await Promise.all([this.lockMeta(), this.settings()]);
    const enabled = !!meta;
    const locked = enabled && !(await this.deps.keys.get());
    return { enabled, locked, autoLockMinutes: settings.autoLockMinutes };
  }

  /** The key to seal records with: null when no lock is set; throws `locked` when set but locked. */
  private async writeKey(): Promise<CryptoKey | null> {
    const meta = await this.lockMeta();
    if (!meta) return null;
    const key = await this.deps.keys.get();
    if (!key) throw new MessageError('locked', t('profilesErrLocked'));
    return key;
  }

  async unlock(passphrase: string): Promise<LockState> {
    const meta = await this.lockMeta();
    if (!meta) return this.lockState();
    const key = await this.tryPassphrase(passphrase, meta);
    await this.deps.keys.set(key);
    await this.touch();
    return this.lockState();
  }

  async lock(): Promise<LockState> {
    await this.deps.keys.clear();
    return this.lockState();
  }

  /** Postpone the auto-lock (on user activity in an extension page). */
  async touch(): Promise<void> {
    if (!(await this.lockMeta()) || !(await this.deps.keys.get())) return;
    await this.deps.keys.touch((await this.settings()).autoLockMinutes);
  }

  private checkStrength(passphrase: string) {
    if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) throw new MessageError('weak-passphrase', t('profilesErrWeakPassphrase', MIN_PASSPHRASE_LENGTH));
  }

  /** Set the first passphrase, or change it (`current` must be right). All records re-sealed in one transaction. */
  async setPassphrase(current: string | undefined, next: string): Promise<LockState> {
    this.checkStrength(next);
    const meta = await this.lockMeta();
    let oldKey: CryptoKey | null = null;
    if (meta) {
      if (current === undefined) throw new MessageError('wrong-passphrase', t('profilesErrWrongPassphrase'));
      oldKey = await this.tryPassphrase(current, meta);
    }
    const records = await (await this.db()).getAll('profiles');
    const profiles = await this.openAll(records, oldKey);
    const { key, meta: nextMeta } = await createLock(next, this.iterations);
    const sealed = await Promise.all(profiles.map((p) => this.toRecord(p, key)));
    const db = await this.db();
    const tx = db.transaction(['profiles', 'meta'], 'readwrite');
    await Promise.all([...sealed.map((r) => tx.objectStore('profiles').put(r)), tx.objectStore('meta').put(nextMeta, LOCK_META_KEY), tx.done]);
    await this.deps.keys.set(key);
    await this.touch();
    return this.lockState();
  }

  /** Remove the lock: records stored plain again, in one transaction. */
  async removePassphrase(current: string): Promise<LockState> {
    const meta = await this.lockMeta();
    if (!meta) throw new MessageError('no-passphrase', t('profilesErrNoPassphrase'));
    const key = await this.tryPassphrase(current, meta);
    const db = await this.db();
    const profiles = await this.openAll(await db.getAll('profiles'), key);
    const plain = await Promise.all(profiles.map((p) => this.toRecord(p, null)));
    const tx = db.transaction(['profiles', 'meta'], 'readwrite');
    await Promise.all([...plain.map((r) => tx.objectStore('profiles').put(r)), tx.objectStore('meta').delete(LOCK_META_KEY), tx.done]);
    await this.deps.keys.clear();
    return this.lockState();
  }

  // -------------------------------------------------------------------------------------------
  // Records

  private async toRecord(p: Profile, key: CryptoKey | null): Promise<StoredProfileRecord> {
    const base: StoredProfileRecord = { id: p.id, v: PROFILE_SCHEMA_VERSION };
    if (p.temporary) base.temporary = true;
    if (key) base.sealed = await seal(key, p, p.id);
    else base.plain = p;
    return base;
  }

  private async openRecord(r: StoredProfileRecord, key: CryptoKey | null): Promise<Profile> {
    let raw: unknown;
    if (r.sealed) {
      if (!key) throw new MessageError('locked', t('profilesErrLocked'));
      try {
        raw = await open(key, r.sealed, r.id);
      } catch (e) {
        if (e instanceof DecryptError) throw new MessageError('damaged', t('profilesErrDamaged'));
        throw e;
      }
    } else raw = r.plain;
    return migrateProfile(raw, r.v, { now: this.now, newId: () => r.id });
  }

  private async openAll(records: StoredProfileRecord[], key: CryptoKey | null): Promise<Profile[]> {
    return Promise.all(records.map((r) => this.openRecord(r, key)));
  }

  /** Every profile, decrypted (throws `locked`). */
  async all(): Promise<Profile[]> {
    const key = await this.readKey();
    return this.openAll(await (await this.db()).getAll('profiles'), key);
  }

  private async readKey(): Promise<CryptoKey | null> {
    return this.writeKey();
  }

  async list(): Promise<{ lock: LockState; profiles: ProfileSummary[] }> {
    const lock = await this.lockState();
    if (lock.locked) return { lock, profiles: [] };
    const profiles = await this.all();
    const summaries = profiles.map(summarize);
    summaries.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
    return { lock, profiles: summaries };
  }

  async get(id: string): Promise<Profile> {
    const key = await this.readKey();
    const record = await (await this.db()).get('profiles', id);
    if (!record) throw new MessageError('not-found', t('profilesErrNotFound'));
    return this.openRecord(record, key);
  }

  async save(input: ProfileInput): Promise<Profile> {
    const key = await this.writeKey();
    const db = await this.db();
    const parsedInput = profileInputSchema.safeParse(input);
    if (!parsedInput.success) throw invalidProfile(parsedInput.error);
    const data = parsedInput.data;
    const existingRecord = data.id ? await db.get('profiles', data.id) : undefined;
    const existing = existingRecord ? await this.openRecord(existingRecord, key) : undefined;
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
    const others = profile.isSelf ? (await this.all()).filter((p) => p.isSelf && p.id !== profile.id) : [];
    const records = await Promise.all([profile, ...others.map((p) => ({ ...without(p, 'isSelf'), updatedAt: now }) as Profile)].map((p) => this.toRecord(p, key)));
    const tx = db.transaction('profiles', 'readwrite');
    await Promise.all([...records.map((r) => tx.store.put(r)), tx.done]);
    return profile;
  }

  async delete(id: string): Promise<boolean> {
    await this.writeKey();
    const db = await this.db();
    const had = !!(await db.getKey('profiles', id));
    await db.delete('profiles', id);
    return had;
  }

  // -------------------------------------------------------------------------------------------
  // Import / export

  async exportText(): Promise<{ text: string; filename: string }> {
    return { text: serializeProfiles(await this.all()), filename: exportFilename(new Date(this.now())) };
  }

  private parse(text: string): ParsedProfilesFile {
    try {
      return parseProfilesFile(text, { now: this.now, newId: this.newId });
    } catch (e) {
      if (e instanceof ImportError) throw new MessageError('import-invalid', e.message);
      throw e;
    }
  }

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
    return { count: incoming.length, conflicts: this.findConflicts(incoming, await this.all()), ignoredKeys };
  }

  /** All or nothing. Conflicts (same idNumber, or same id) are decided by `choices[index]` or `defaultChoice`. */
  async import(text: string, choices: Record<string, ConflictChoice> = {}, defaultChoice?: ConflictChoice): Promise<{ added: number; replaced: number; ignoredKeys: string[] }> {
    const { profiles: incoming, ignoredKeys } = this.parse(text);
    const key = await this.writeKey();
    const stored = await this.all();
    const conflicts = this.findConflicts(incoming, stored);
    const settings = await this.settings();
    const conflictByIndex = new Map(conflicts.map((c) => [c.index, c]));
    const toDelete = new Set<string>();
    const toPut: Profile[] = [];
    const storedIds = new Set(stored.map((p) => p.id));
    let added = 0;
    let replaced = 0;
    for (const [index, original] of incoming.entries()) {
      let p: Profile = settings.volunteerMode ? { ...original, temporary: true } : original;
      const conflict = conflictByIndex.get(index);
      if (conflict) {
        const choice = choices[String(index)] ?? defaultChoice;
        if (!choice) throw new MessageError('import-invalid', t('profilesImportErrUndecided', conflict.name));
        if (choice === 'replace') {
          toDelete.add(conflict.existingId);
          replaced++;
        } else {
          if (storedIds.has(p.id)) p = { ...p, id: this.newId() };
          added++;
        }
      } else added++;
      toPut.push(p);
    }
    // 我自己: the person marked on this device stays, unless it is being replaced.
    const keptSelf = stored.find((p) => p.isSelf && !toDelete.has(p.id));
    const finalPut = toPut.map((p) => (p.isSelf && keptSelf && keptSelf.id !== p.id ? (without(p, 'isSelf') as Profile) : p));
    const records = await Promise.all(finalPut.map((p) => this.toRecord(p, key)));
    const db = await this.db();
    const tx = db.transaction('profiles', 'readwrite');
    const putIds = new Set(records.map((r) => r.id));
    await Promise.all([...[...toDelete].filter((id) => !putIds.has(id)).map((id) => tx.store.delete(id)), ...records.map((r) => tx.store.put(r)), tx.done]);
    return { added, replaced, ignoredKeys };
  }

  // -------------------------------------------------------------------------------------------
  // Volunteer mode

  /** 结束本次服务: temporary profiles, all drafts and invoice images go in one transaction. */
  async endSession(): Promise<EndSessionResult> {
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
