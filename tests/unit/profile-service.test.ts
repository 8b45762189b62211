import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb, resetDbForTests, recordFiledInvoices, findFiledInvoice } from '@/utils/db';
import { memoryKeyHolder } from '@/utils/crypto/key-holder';
import { ProfileService } from '@/utils/profiles/service';
import { serializeProfiles } from '@/utils/profiles/import-export';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { MessageError } from '@/utils/messaging';
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

let settings: Settings;
let keys: ReturnType<typeof memoryKeyHolder>;
let service: ProfileService;
let n = 0;

function makeService() {
  return new ProfileService({
    keys,
    settings: async () => settings,
    newId: () => `id-${++n}`,
    iterations: 1000,
    minIterations: 1000,
  });
}

async function rawRecords() {
  return (await getDb()).getAll('profiles');
}

async function errorOf(p: Promise<unknown>): Promise<MessageError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof MessageError) return e;
    throw e;
  }
  throw new Error('expected a MessageError');
}

beforeEach(async () => {
  fakeBrowser.reset();
  await resetDbForTests();
  settings = { ...DEFAULT_SETTINGS };
  keys = memoryKeyHolder();
  n = 0;
  service = makeService();
});

describe('profile service: CRUD', () => {
  it('creates, lists (masked), gets, updates and deletes', async () => {
    const p = await service.save(person({ displayName: '爸爸' }));
    expect(p.id).toBe('id-1');
    const { profiles, lock } = await service.list();
    expect(lock).toEqual({ enabled: false, locked: false, autoLockMinutes: 15 });
    expect(profiles).toEqual([
      { id: 'id-1', displayName: '爸爸', name: '王建国', insuranceType: 'employee', isSelf: false, temporary: false, deceased: false, relation: undefined, maskedIdNumber: '310117********0045' },
    ]);
    const updated = await service.save({ ...(await service.get('id-1')), phone: '021-57781234' });
    expect(updated.createdAt).toBe(p.createdAt);
    expect((await service.get('id-1')).phone).toBe('021-57781234');
    expect(await service.delete('id-1')).toBe(true);
    expect((await service.list()).profiles).toEqual([]);
    expect((await errorOf(service.get('id-1'))).code).toBe('not-found');
  });

  it('refuses an invalid profile naming the field', async () => {
    const err = await errorOf(service.save(person({ idNumber: '310117195505050046' })));
    expect(err.code).toBe('invalid-profile');
    expect(err.message).toContain('身份证号码');
    expect(await rawRecords()).toEqual([]);
  });

  it('keeps at most one 我自己', async () => {
    await service.save(person({ isSelf: true }));
    await service.save(person({ name: '王小明', idNumber: '310117198801010076', isSelf: true }));
    const selves = (await service.list()).profiles.filter((p) => p.isSelf);
    expect(selves.map((p) => p.name)).toEqual(['王小明']);
  });

  it('makes new profiles temporary in volunteer mode', async () => {
    settings.volunteerMode = true;
    expect((await service.save(person())).temporary).toBe(true);
  });
});

describe('import / export', () => {
  it('round-trips byte-identically with ids kept', async () => {
    await service.save(person({ displayName: '爸爸', isSelf: true }));
    await service.save(person({ name: '李秀英', idNumber: '310117195707070052', insuranceType: 'resident', deceased: true, postcode: '201600' }));
    const first = (await service.exportText()).text;
    await resetDbForTests();
    service = makeService();
    expect(await service.import(first)).toEqual({ added: 2, replaced: 0, ignoredKeys: [] });
    expect((await service.exportText()).text).toBe(first);
    expect(first.endsWith('}\n')).toBe(true);
    expect(JSON.parse(first).profiles.map((p: { id: string }) => p.id)).toEqual(['id-1', 'id-2']);
  });

  it('refuses corrupt, foreign, wrong-version and partly invalid files; nothing stored changes', async () => {
    await service.save(person());
    const before = JSON.stringify(await rawRecords());
    const good = JSON.parse((await service.exportText()).text);
    const other = { ...good.profiles[0], id: 'x2', name: '张三', idNumber: '310117196001011231' };
    const cases: Array<[string, RegExp]> = [
      ['{"format": "zwdt-reimburse', /损坏/],
      [JSON.stringify({ format: 'something-else', version: 1, profiles: [] }), /不是本助手/],
      [JSON.stringify({ ...good, version: 2 }), /版本是 2/],
      [JSON.stringify({ ...good, profiles: [{ ...good.profiles[0], id: 'x1', name: '李四', idNumber: '310117196208080066' }, { ...other, idNumber: '310117195505050099' }] }), /第 2 个人（张三）的「身份证号码」有问题：.*校验位/],
      [JSON.stringify({ ...good, profiles: [{ ...other, phone: undefined }] }), /第 1 个人（张三）的「联系电话」有问题：缺少这一项/],
      ['', /空/],
    ];
    for (const [text, message] of cases) {
      const err = await errorOf(service.import(text, {}, 'keep-both'));
      expect(err.code, text).toBe('import-invalid');
      expect(err.message, text).toMatch(message);
    }
    expect(JSON.stringify(await rawRecords())).toBe(before);
  });

  it('asks about an existing ID number; replace or keep both', async () => {
    const existing = await service.save(person({ phone: '13800000000' }));
    const file = serializeProfiles([
      { ...existing, id: 'from-file', phone: '13911112222' },
      { ...existing, id: 'new-one', name: '张三', idNumber: '310117196001011231' },
    ]);
    const preview = await service.previewImport(file);
    expect(preview.count).toBe(2);
    expect(preview.ignoredKeys).toEqual([]);
    expect(preview.conflicts).toEqual([{ index: 0, name: '王建国', maskedIdNumber: '310117********0045', existingId: existing.id, existingName: '王建国' }]);
    expect((await errorOf(service.import(file))).code).toBe('import-invalid');
    expect((await service.list()).profiles).toHaveLength(1);

    expect(await service.import(file, { '0': 'replace' })).toEqual({ added: 1, replaced: 1, ignoredKeys: [] });
    let list = (await service.list()).profiles;
    expect(list.map((p) => p.id).sort()).toEqual(['from-file', 'new-one']);
    expect((await service.get('from-file')).phone).toBe('13911112222');

    // Same file again, keep both: duplicates get fresh ids where the id is taken.
    expect(await service.import(file, {}, 'keep-both')).toEqual({ added: 2, replaced: 0, ignoredKeys: [] });
    list = (await service.list()).profiles;
    expect(list).toHaveLength(4);
  });

  it('the 我自己 of this device wins over one in an imported file', async () => {
    await service.save(person({ isSelf: true }));
    const file = serializeProfiles([{ ...(await service.get('id-1')), id: 'other', name: '张三', idNumber: '310117196001011231' }]);
    await service.import(file);
    const selves = (await service.list()).profiles.filter((p) => p.isSelf);
    expect(selves.map((p) => p.id)).toEqual(['id-1']);
  });
});

describe('passphrase lock', () => {
  it('seals records, locks, refuses a wrong passphrase without touching data, unlocks with the right one', async () => {
    await service.save(person());
    await service.setPassphrase(undefined, '松江泗泾一二三四');
    const sealed = await rawRecords();
    expect(sealed[0]!.plain).toBeUndefined();
    expect(sealed[0]!.sealed).toBeDefined();
    expect(JSON.stringify(sealed)).not.toContain('王建国');

    await service.lock();
    const locked = await service.list();
    expect(locked.lock).toMatchObject({ enabled: true, locked: true });
    expect(locked.profiles).toEqual([]);
    expect((await errorOf(service.get('id-1'))).code).toBe('locked');
    expect((await errorOf(service.save(person({ name: '张三', idNumber: '310117196001011231' })))).code).toBe('locked');
    expect((await errorOf(service.exportText())).code).toBe('locked');

    const snapshot = JSON.stringify(await rawRecords(), (_k, v) => (v instanceof ArrayBuffer ? [...new Uint8Array(v)] : v));
    const wrong = await errorOf(service.unlock('wrong passphrase'));
    expect(wrong.code).toBe('wrong-passphrase');
    expect(JSON.stringify(await rawRecords(), (_k, v) => (v instanceof ArrayBuffer ? [...new Uint8Array(v)] : v))).toBe(snapshot);
    expect((await service.lockState()).locked).toBe(true);

    await service.unlock('松江泗泾一二三四');
    expect((await service.get('id-1')).name).toBe('王建国');
    expect(keys.touches).toContain(15);
  });

  it('changes the passphrase (re-sealed) and removes the lock', async () => {
    await service.save(person());
    await service.setPassphrase(undefined, 'first passphrase');
    expect((await errorOf(service.setPassphrase('not it', 'second passphrase'))).code).toBe('wrong-passphrase');
    await service.setPassphrase('first passphrase', 'second passphrase');
    await service.lock();
    expect((await errorOf(service.unlock('first passphrase'))).code).toBe('wrong-passphrase');
    await service.unlock('second passphrase');
    await service.save(person({ name: '张三', idNumber: '310117196001011231' }));
    expect((await errorOf(service.removePassphrase('first passphrase'))).code).toBe('wrong-passphrase');
    await service.removePassphrase('second passphrase');
    expect(await service.lockState()).toMatchObject({ enabled: false, locked: false });
    const records = await rawRecords();
    expect(records.every((r) => r.plain && !r.sealed)).toBe(true);
    expect((await service.list()).profiles.map((p) => p.name).sort()).toEqual(['张三', '王建国'].sort());
  });

  it('pauses after five wrong passphrases, growing, and never touches data', async () => {
    let now = 1_000_000;
    service = new ProfileService({ keys, settings: async () => settings, iterations: 1000, minIterations: 1000, clock: () => now });
    const saved = await service.save(person());
    await service.setPassphrase(undefined, 'the right passphrase');
    await service.lock();
    for (let i = 0; i < 5; i++) expect((await errorOf(service.unlock(`wrong ${i}`))).code).toBe('wrong-passphrase');
    const paused = await errorOf(service.unlock('the right passphrase'));
    expect(paused.code).toBe('too-many-attempts');
    expect(paused.message).toContain('5 秒');
    now += 5_000;
    expect((await errorOf(service.unlock('wrong again'))).code).toBe('wrong-passphrase');
    expect((await errorOf(service.unlock('the right passphrase'))).message).toContain('10 秒');
    now += 10_000;
    await service.unlock('the right passphrase');
    expect((await service.get(saved.id)).name).toBe('王建国');
    await service.lock();
    expect((await errorOf(service.unlock('wrong after success'))).code).toBe('wrong-passphrase'); // counter was reset
  });

  it('refuses a short passphrase', async () => {
    expect((await errorOf(service.setPassphrase(undefined, 'short'))).code).toBe('weak-passphrase');
  });

  it('survives a background restart through the key holder (storage.session) and a new service', async () => {
    await service.save(person());
    await service.setPassphrase(undefined, 'restart passphrase');
    service = makeService();
    expect((await service.get('id-1')).name).toBe('王建国');
  });
});

describe('volunteer wipe', () => {
  it('removes temporary profiles, drafts and invoice images in one step and counts them', async () => {
    await service.save(person({ isSelf: true }));
    settings.volunteerMode = true;
    await service.save(person({ name: '居民甲', idNumber: '310117196001011231' }));
    await service.save(person({ name: '居民乙', idNumber: '310117196208080066' }));
    const db = await getDb();
    const now = new Date().toISOString();
    await db.put('drafts', { id: 'd1', item: 'employee', claimant: 'id-2', application: '', createdAt: now, updatedAt: now, expiresAt: now, plain: { form: { name: '居民甲' }, invoices: [] } });
    await db.put('invoiceImages', { id: 'i1', draftId: 'd1', createdAt: now, plain: { name: 'a.jpg', type: 'image/jpeg', data: new ArrayBuffer(4) } });
    await recordFiledInvoices([{ invoiceNumber: '0012345678', invoiceCode: '31160121' }]);
    await service.setPassphrase(undefined, 'volunteer passphrase');
    await service.lock(); // works while locked: the temporary flag is readable

    const cleared: string[] = [];
    service = new ProfileService({ keys, settings: async () => settings, iterations: 1000, minIterations: 1000, clearSessionState: async () => void cleared.push('session') });
    expect(await service.endSession()).toEqual({ profiles: 2, drafts: 1, invoiceImages: 1 });
    expect(cleared).toEqual(['session']);
    expect(await (await getDb()).count('drafts')).toBe(0);
    expect(await (await getDb()).count('invoiceImages')).toBe(0);
    expect(await rawRecords()).toHaveLength(1);
    expect(await findFiledInvoice('0012345678')).toHaveLength(1);
  });
});
