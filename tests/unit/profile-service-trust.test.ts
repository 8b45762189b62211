// Issue 10 items 2, 3 and 6: no write sees a stale lock, an import never overwrites the wrong person, and one
// bad record never breaks the rest.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb, resetDbForTests } from '@/utils/db';
import { memoryKeyHolder } from '@/utils/crypto/key-holder';
import { open } from '@/utils/crypto';
import { memoryAttemptStore, ProfileService } from '@/utils/profiles/service';
import { serializeProfiles } from '@/utils/profiles/import-export';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import type { ProfileInput } from '@/utils/profiles/schema';

const person = (over: Partial<ProfileInput> = {}): ProfileInput => ({
  name: '王建国',
  idNumber: '310117195505050045',
  phone: '13812345678',
  mailingAddress: '上海市松江区泗泾镇泗通路225弄3号',
  insuranceType: 'employee',
  bankName: '中国工商银行',
  bankAccount: '6222021001122334455',
  ...over,
});
const LI = { name: '李秀英', idNumber: '31022719500315001X', insuranceType: 'resident' as const };
const XIAOMING = { name: '王小明', idNumber: '310117198801010076' };

let keys: ReturnType<typeof memoryKeyHolder>;
let service: ProfileService;
let n = 0;
const make = (over: Partial<ConstructorParameters<typeof ProfileService>[0]> = {}) =>
  new ProfileService({ keys, settings: async () => DEFAULT_SETTINGS, newId: () => `id-${++n}`, iterations: 1000, minIterations: 1000, ...over });

beforeEach(async () => {
  fakeBrowser.reset();
  await resetDbForTests();
  keys = memoryKeyHolder();
  n = 0;
  service = make();
});
afterEach(() => vi.useRealTimers());

const raw = async () => (await getDb()).getAll('profiles');

describe('import "replace" (item 3)', () => {
  it('never overwrites the person whose id the file reuses; the incoming person gets a new id', async () => {
    const wang = await service.save(person());
    const li = await service.save(person(LI));
    // Another device gave 王建国 the id that 李秀英 has here.
    const file = serializeProfiles([{ ...wang, id: li.id, phone: '13911112222' }]);
    const preview = await service.previewImport(file);
    expect(preview.conflicts).toEqual([expect.objectContaining({ existingId: wang.id, existingName: '王建国' })]);
    expect(await service.import(file, {}, 'replace')).toMatchObject({ added: 0, replaced: 1 });
    const all = await service.all();
    expect(all.map((p) => p.name).sort()).toEqual(['李秀英', '王建国'].sort());
    expect((await service.get(li.id)).name).toBe('李秀英');
    const newWang = all.find((p) => p.name === '王建国')!;
    expect(newWang.phone).toBe('13911112222');
    expect(newWang.id).not.toBe(li.id);
  });

  it('the same id with another ID number is the same record: replace updates it', async () => {
    const wang = await service.save(person());
    const file = serializeProfiles([{ ...wang, idNumber: '310117195505050053', updatedAt: '2026-06-01T00:00:00.000Z' }]);
    expect(await service.import(file, {}, 'replace')).toMatchObject({ added: 0, replaced: 1 });
    expect((await service.all()).map((p) => [p.id, p.idNumber])).toEqual([[wang.id, '310117195505050053']]);
  });
});

describe('one bad record (item 6)', () => {
  it('a clock set wrong (validators depend on today) does not break list, export or passphrase change', async () => {
    await service.save(person());
    await service.save(person({ name: '王小宝', idNumber: '310117201005050039', relation: '孙子' })); // born 2010
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2000-01-01T12:00:00Z')); // a PC whose clock battery ran out
    expect((await service.list()).profiles).toHaveLength(2);
    expect(JSON.parse((await service.exportText()).text).profiles).toHaveLength(2);
    await service.setPassphrase(undefined, 'clock is wrong today');
    expect((await service.all()).map((p) => p.name).sort()).toEqual(['王小宝', '王建国'].sort());
  });

  it('a damaged record is set aside with a plain message; the rest keeps working', async () => {
    const wang = await service.save(person());
    await service.save(person(LI));
    const db = await getDb();
    await db.put('profiles', { id: 'broken', v: 1, plain: { id: 'broken', name: 42 } });
    const listed = await service.list();
    expect(listed.profiles.map((p) => p.name).sort()).toEqual(['李秀英', '王建国'].sort());
    expect(listed.unreadable).toEqual([{ id: 'broken', message: expect.stringMatching(/读不出来/) }]);
    const exported = await service.exportText();
    expect(JSON.parse(exported.text).profiles).toHaveLength(2);
    expect(exported.unreadable).toBe(1);

    await service.setPassphrase(undefined, 'one bad apple here');
    // The broken record is sealed like the others (nothing of it is lost), the good ones open.
    expect((await raw()).every((r) => r.sealed && !r.plain)).toBe(true);
    expect((await service.get(wang.id)).name).toBe('王建国');
    // A tampered ciphertext: set aside, the others still change passphrase.
    const li = (await raw()).find((r) => r.id !== wang.id && r.id !== 'broken')!;
    const bytes = new Uint8Array(li.sealed!.data.slice(0));
    bytes[3]! ^= 0xff;
    await db.put('profiles', { ...li, sealed: { iv: li.sealed!.iv, data: bytes.buffer } });
    expect((await service.list()).unreadable.map((u) => u.id).sort()).toEqual(['broken', li.id].sort());
    await service.setPassphrase('one bad apple here', 'second passphrase!');
    expect((await service.get(wang.id)).name).toBe('王建国');
    await service.removePassphrase('second passphrase!');
    expect((await service.list()).profiles.map((p) => p.name)).toEqual(['王建国']);
    expect(await service.delete(li.id)).toBe(true);
    expect(await service.delete('broken')).toBe(true);
    expect((await service.list()).unreadable).toEqual([]);
  });
});

describe('concurrent writes (item 2)', () => {
  it('a save racing a new passphrase is sealed, never left in plain text under the lock', async () => {
    await service.save(person());
    const saves = [service.save(person(LI)), service.setPassphrase(undefined, 'race condition here'), service.save(person(XIAOMING))];
    await Promise.all(saves);
    const records = await raw();
    expect(records).toHaveLength(3);
    const key = (await keys.get())!;
    for (const r of records) {
      expect(r.plain, r.id).toBeUndefined();
      await expect(open(key, r.sealed!, r.id)).resolves.toBeTruthy();
    }
  });

  it('an import racing the removal of the lock leaves nothing sealed', async () => {
    await service.save(person());
    await service.setPassphrase(undefined, 'remove me quickly');
    const file = serializeProfiles([{ ...(await service.get('id-1')), id: 'other', ...LI }]);
    await Promise.all([service.import(file, {}, 'keep-both'), service.removePassphrase('remove me quickly')]);
    expect((await raw()).every((r) => r.plain && !r.sealed)).toBe(true);
  });

  it('wrong passphrases tried all at once are all counted (the pause cannot be raced)', async () => {
    const attempts = memoryAttemptStore();
    service = make({ attempts, clock: () => 1_000 });
    await service.setPassphrase(undefined, 'the right passphrase');
    await service.lock();
    const tries = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => service.unlock(`guess ${i}`)));
    expect((await attempts.get()).failures).toBeGreaterThanOrEqual(5);
    expect(tries.filter((t) => t.status === 'rejected' && (t.reason as { code: string }).code === 'too-many-attempts').length).toBeGreaterThan(0);
  });

  it('plain text found under the lock (an older version, a crash) is sealed on unlock', async () => {
    await service.save(person());
    await service.setPassphrase(undefined, 'stray plaintext');
    await service.lock();
    const db = await getDb();
    await db.put('profiles', { id: 'stray', v: 1, plain: { ...person(LI), id: 'stray', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' } });
    await service.unlock('stray plaintext');
    const records = await raw();
    expect(records.every((r) => r.sealed && !r.plain)).toBe(true);
    expect((await service.get('stray')).name).toBe('李秀英');
  });
});
