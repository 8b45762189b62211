// Issue 10 item 2, as a property: whatever the interleaving of save / import / delete / set / change /
// remove passphrase / lock / unlock / a draft saved / 结束本次服务 (fast-check's scheduler decides the order in
// which every awaited step of the store resolves), afterwards — with a lock, every record (people and
// drafts) is sealed and opens with it; without one, none is sealed — and the list still works.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb, resetDbForTests } from '@/utils/db';
import { memoryKeyHolder, type KeyHolder } from '@/utils/crypto/key-holder';
import { open, unlockWith, type LockMeta } from '@/utils/crypto';
import { LOCK_META_KEY, memoryAttemptStore, ProfileService, type AttemptStore } from '@/utils/profiles/service';
import { serializeProfiles } from '@/utils/profiles/import-export';
import { readStoredProfile, type Profile } from '@/utils/profiles/schema';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { MessageError } from '@/utils/messaging';
import { DraftService } from '@/utils/drafts/service';

const PEOPLE = [
  { name: '王建国', idNumber: '310117195505050045', insuranceType: 'employee' },
  { name: '李秀英', idNumber: '31022719500315001X', insuranceType: 'resident' },
  { name: '王小明', idNumber: '310117198801010076', insuranceType: 'employee' },
  { name: '赵国庆', idNumber: '310117196203030027', insuranceType: 'resident' },
] as const;
const PASSPHRASES = ['first passphrase', '第二个密码第二个密码', 'third one, longer'];
const base = { phone: '13812345678', mailingAddress: '上海市松江区泗泾镇泗通路225弄3号', bankName: '中国工商银行', bankAccount: '6222021001122334455' };
const profile = (who: number, id: string): Profile =>
  ({ ...base, ...PEOPLE[who]!, id, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' }) as Profile;

type Op =
  | { kind: 'save'; who: number }
  | { kind: 'import'; who: number; id: number; choice: 'replace' | 'keep-both' }
  | { kind: 'delete'; who: number }
  | { kind: 'set'; to: number }
  | { kind: 'change'; from: number; to: number }
  | { kind: 'remove'; from: number }
  | { kind: 'lock' }
  | { kind: 'unlock'; from: number }
  | { kind: 'draft'; who: number }
  | { kind: 'end' };

const who = fc.integer({ min: 0, max: PEOPLE.length - 1 });
const pass = fc.integer({ min: 0, max: PASSPHRASES.length - 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('save' as const), who }),
  fc.record({ kind: fc.constant('import' as const), who, id: fc.integer({ min: 0, max: PEOPLE.length }), choice: fc.constantFrom('replace' as const, 'keep-both' as const) }),
  fc.record({ kind: fc.constant('delete' as const), who }),
  fc.record({ kind: fc.constant('set' as const), to: pass }),
  fc.record({ kind: fc.constant('change' as const), from: pass, to: pass }),
  fc.record({ kind: fc.constant('remove' as const), from: pass }),
  fc.record({ kind: fc.constant('lock' as const) }),
  fc.record({ kind: fc.constant('unlock' as const), from: pass }),
  fc.record({ kind: fc.constant('draft' as const), who }),
  fc.record({ kind: fc.constant('end' as const) }),
);

function run(service: ProfileService, drafts: DraftService, op: Op): Promise<unknown> {
  switch (op.kind) {
    case 'save':
      return service.save({ ...profile(op.who, `p${op.who}`) });
    case 'import':
      // The file's id may belong to someone else here (`p<id>`), or be new.
      return service.import(serializeProfiles([profile(op.who, `p${op.id}`)]), {}, op.choice);
    case 'delete':
      return service.delete(`p${op.who}`);
    case 'set':
      return service.setPassphrase(undefined, PASSPHRASES[op.to]!);
    case 'change':
      return service.setPassphrase(PASSPHRASES[op.from]!, PASSPHRASES[op.to]!);
    case 'remove':
      return service.removePassphrase(PASSPHRASES[op.from]!);
    case 'lock':
      return service.lock();
    case 'unlock':
      return service.unlock(PASSPHRASES[op.from]!);
    case 'draft': {
      const key = { item: 'employee' as const, claimant: `p${op.who}`, application: '' };
      return drafts.load(key).then((d) => drafts.saveForm(key, d.session, { 'claimant.name': PEOPLE[op.who]!.name }));
    }
    case 'end':
      return service.endSession();
  }
}

/** Errors an operation may end with (wrong passphrase, locked …): anything else is a defect. */
const EXPECTED = new Set(['wrong-passphrase', 'locked', 'no-passphrase', 'not-found', 'too-many-attempts', 'lock-changed']);

async function checkInvariant(): Promise<void> {
  const db = await getDb();
  const meta = (await db.get('meta', LOCK_META_KEY)) as LockMeta | undefined;
  const records = [...(await db.getAll('profiles')), ...(await db.getAll('drafts'))];
  if (!meta) {
    for (const r of records) {
      expect(r.sealed, `${r.id} sealed without a lock`).toBeUndefined();
      if ('v' in r) expect(() => readStoredProfile(r.plain, r.v)).not.toThrow();
    }
    return;
  }
  let key: CryptoKey | null = null;
  for (const p of PASSPHRASES) key ??= await unlockWith(p, meta, 1000);
  expect(key, 'the lock opens with one of the passphrases used').not.toBeNull();
  for (const r of records) {
    expect(r.plain, `${r.id} in plain text under the lock`).toBeUndefined();
    expect(r.sealed, `${r.id} not sealed`).toBeDefined();
    const raw = await open(key!, r.sealed!, r.id); // throws when sealed with a discarded key
    if ('v' in r) expect(() => readStoredProfile(raw, r.v)).not.toThrow();
  }
}

describe('profile store under concurrent operations (property)', () => {
  it('with a lock every record is sealed and opens; without one none is sealed; listing works', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.boolean(), fc.array(opArb, { minLength: 2, maxLength: 7 }), async (s, locked, ops) => {
        fakeBrowser.reset();
        await resetDbForTests();
        const keys = memoryKeyHolder();
        // Seed: two people, maybe under a lock, with a plain service.
        const seed = new ProfileService({ keys, settings: async () => DEFAULT_SETTINGS, iterations: 1000, minIterations: 1000 });
        await seed.save(profile(0, 'p0'));
        await seed.save(profile(1, 'p1'));
        if (locked) await seed.setPassphrase(undefined, PASSPHRASES[0]!);

        // Every dependency the store awaits resolves when the scheduler says so.
        const sk: KeyHolder = { get: s.scheduleFunction(keys.get), set: s.scheduleFunction(keys.set), clear: s.scheduleFunction(keys.clear), touch: s.scheduleFunction(keys.touch) };
        const mem = memoryAttemptStore();
        const attempts: AttemptStore = { get: s.scheduleFunction(mem.get), set: s.scheduleFunction(mem.set) };
        let n = 0;
        const service = new ProfileService({
          keys: sk,
          attempts,
          db: s.scheduleFunction(getDb),
          settings: s.scheduleFunction(async () => DEFAULT_SETTINGS),
          newId: () => `new-${++n}`,
          clock: () => 0,
          iterations: 1000,
          minIterations: 1000,
        });
        const drafts = new DraftService({ vault: service.vault, settings: s.scheduleFunction(async () => DEFAULT_SETTINGS) });
        const outcomes = ops.map((op) =>
          run(service, drafts, op).then(
            () => null,
            (e: unknown) => (e instanceof MessageError && EXPECTED.has(e.code) ? null : e),
          ),
        );
        const errors = (await s.waitFor(Promise.all(outcomes))).filter(Boolean);
        expect(errors).toEqual([]);
        await checkInvariant();
        // And the store still lists (after unlocking with whichever passphrase is current).
        const after = new ProfileService({ keys, settings: async () => DEFAULT_SETTINGS, iterations: 1000, minIterations: 1000 });
        const state = await after.lockState();
        if (state.locked) for (const p of PASSPHRASES) await after.unlock(p).catch(() => {});
        const listed = await after.list();
        expect(listed.lock.locked).toBe(false);
        expect(listed.unreadable ?? []).toEqual([]);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
