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
import { SEALED_STORES, type HelperDatabase, type StoredProfileRecord } from '@/utils/db';
import type { KeyHolder } from '@/utils/crypto/key-holder';
import { Vault, type AttemptStore, type VaultContext } from '@/utils/crypto/vault';
import { MessageError } from '@/utils/messaging';
import { t } from '@/utils/i18n';
import { loadSettings, type Settings } from '@/utils/settings';
import { maskIdNumber, profileInputSchema, profileSchema, readStoredProfile, PROFILE_SCHEMA_VERSION, type Profile, type ProfileInput } from './schema';
import { exportFilename, fieldLabel, ImportError, parseProfilesFile, serializeProfiles, type ParsedProfilesFile } from './import-export';
import type { ConflictChoice, ImportConflict, LockState, ProfileSummary } from './messages';
import { DRAFT_SESSION_KEY } from '@/utils/drafts/key';

export { LOCK_META_KEY, MIN_PASSPHRASE_LENGTH, FREE_ATTEMPTS, memoryAttemptStore, type Attempts, type AttemptStore } from '@/utils/crypto/vault';

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

/** A record that could not be read, as the lists show it. */
export interface UnreadableRecord {
  id: string;
  message: string;
}

const PROFILES = ['profiles'] as const;
const profilesOf = (ctx: VaultContext): StoredProfileRecord[] => ctx.records.profiles ?? [];

export class ProfileService {
  /** The lock and the one queue of every operation on sealed data (shared with the drafts). */
  readonly vault: Vault;
  private readonly settings: () => Promise<Settings>;
  private readonly now: () => string;
  private readonly newId: () => string;

  constructor(private readonly deps: ProfileServiceDeps) {
    this.settings = deps.settings ?? loadSettings;
    this.now = deps.now ?? (() => new Date().toISOString());
    this.newId = deps.newId ?? (() => crypto.randomUUID());
    this.vault = new Vault({
      db: deps.db,
      keys: deps.keys,
      iterations: deps.iterations,
      minIterations: deps.minIterations,
      clock: deps.clock,
      attempts: deps.attempts,
      autoLockMinutes: async () => (await this.settings()).autoLockMinutes,
    });
  }

  /** Every operation on the profiles runs in the vault's one queue (reads too: they never see a lock half changed). */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.vault.exclusive(fn);
  }

  // -------------------------------------------------------------------------------------------
  // Lock

  async lockState(): Promise<LockState> {
    const [state, settings] = await Promise.all([this.vault.state(), this.settings()]);
    return { ...state, autoLockMinutes: settings.autoLockMinutes };
  }

  async unlock(passphrase: string): Promise<LockState> {
    await this.vault.unlock(passphrase);
    return this.lockState();
  }

  async lock(): Promise<LockState> {
    await this.vault.lock();
    return this.lockState();
  }

  /** Postpone the auto-lock (on user activity in an extension page). */
  touch(): Promise<void> {
    return this.vault.touch();
  }

  /**
   * Set the first passphrase, or change it (`current` must be right). Every record that can be read is
   * re-sealed, in one transaction, exactly as stored (even one set aside as invalid: nothing of it is
   * lost); a record that cannot be decrypted stays as it is. Drafts and pictures are re-sealed with it.
   */
  async setPassphrase(current: string | undefined, next: string): Promise<LockState> {
    await this.vault.setPassphrase(current, next);
    return this.lockState();
  }

  /** Remove the lock: every record that can be decrypted is stored plain again, in one transaction. */
  async removePassphrase(current: string): Promise<LockState> {
    await this.vault.removePassphrase(current);
    return this.lockState();
  }

  // -------------------------------------------------------------------------------------------
  // Records

  private toRecord(p: Profile, key: CryptoKey | null): Promise<StoredProfileRecord> {
    const like: StoredProfileRecord = { id: p.id, v: PROFILE_SCHEMA_VERSION };
    if (p.temporary) like.temporary = true;
    return this.vault.withContent('profiles', like, p, key);
  }

  /** Read one record leniently (shape only: no validator that depends on today may drop a stored person). */
  private async openRecord(r: StoredProfileRecord, key: CryptoKey | null): Promise<Opened> {
    const content = await this.vault.contentOf('profiles', r, key);
    if (!content.ok) return { ok: false, record: r, reason: content.reason };
    try {
      const read = readStoredProfile(content.raw, r.v, { now: this.now, newId: () => r.id });
      // The record's readable flag is what 结束本次服务 goes by: the profile says the same.
      const profile = r.temporary && !read.temporary ? { ...read, temporary: true } : read;
      return profile.id === r.id ? { ok: true, record: r, raw: content.raw, profile } : { ok: false, record: r, raw: content.raw, reason: 'invalid' };
    } catch {
      return { ok: false, record: r, raw: content.raw, reason: 'invalid' };
    }
  }

  /** Every record: the readable profiles, and the ones set aside. */
  private async readAll(ctx: VaultContext): Promise<{ profiles: Profile[]; unreadable: UnreadableRecord[] }> {
    const opened = await Promise.all(profilesOf(ctx).map((r) => this.openRecord(r, ctx.key)));
    return {
      profiles: opened.flatMap((o) => (o.ok ? [o.profile] : [])),
      unreadable: opened.flatMap((o) => (o.ok ? [] : [{ id: o.record.id, message: t(o.reason === 'invalid' ? 'profilesErrUnreadableInvalid' : 'profilesErrUnreadableDamaged') }])),
    };
  }

  private writeContext(): Promise<VaultContext> {
    return this.vault.writeContext(PROFILES);
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
      const record = profilesOf(ctx).find((r) => r.id === id);
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
      await this.vault.commit(ctx, { profiles: { puts: records } });
      return profile;
    });
  }

  /** Delete a person (also one set aside as unreadable). */
  delete(id: string): Promise<boolean> {
    return this.exclusive(async () => {
      const ctx = await this.writeContext();
      const had = profilesOf(ctx).some((r) => r.id === id);
      if (had) await this.vault.commit(ctx, { profiles: { deletes: [id] } });
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
      const taken = new Set(profilesOf(ctx).map((r) => r.id));
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
      await this.vault.commit(ctx, { profiles: { puts: records, deletes: [...toDelete] } });
      return { added, replaced, ignoredKeys };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Volunteer mode

  /**
   * 结束本次服务: temporary profiles, every draft and every invoice picture go in one transaction (works
   * while locked: the `temporary` flag is readable).
   */
  endSession(): Promise<EndSessionResult> {
    return this.exclusive(async () => {
      const ctx = await this.vault.readContext(SEALED_STORES);
      const temporary = profilesOf(ctx).filter((r) => r.temporary);
      await this.vault.commit(ctx, {
        profiles: { deletes: temporary.map((r) => r.id) },
        drafts: { clear: true },
        invoiceImages: { clear: true },
        // A new drafting session: a save prepared before the wipe (a panel's pending save) is refused.
        meta: { [DRAFT_SESSION_KEY]: crypto.randomUUID() },
      });
      await this.deps.clearSessionState?.();
      return { profiles: temporary.length, drafts: ctx.records.drafts?.length ?? 0, invoiceImages: ctx.records.invoiceImages?.length ?? 0 };
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
