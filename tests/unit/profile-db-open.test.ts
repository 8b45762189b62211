// Issue 10 item 12: opening the database — a failed open is not remembered, a database of a newer
// version (VersionError) is handled, a connection the browser terminates is reopened, an older one in
// another page gives way — and a migration test from every earlier schema version, plain and sealed.
import 'fake-indexeddb/auto';
import { forceCloseDatabase } from 'fake-indexeddb';
import { openDB, deleteDB, unwrap } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DB_NAME, DB_VERSION, getDb, resetDbForTests, upgradeSchema, type HelperDB } from '@/utils/db';
import { createLock, seal } from '@/utils/crypto';
import { memoryKeyHolder } from '@/utils/crypto/key-holder';
import { LOCK_META_KEY, ProfileService } from '@/utils/profiles/service';
import { DEFAULT_SETTINGS } from '@/utils/settings';

beforeEach(async () => {
  fakeBrowser.reset();
  await resetDbForTests();
});

/** A database as the extension's schema version `version` left it (built with the same upgrade code). */
async function buildVersion(version: number, fill?: (db: Awaited<ReturnType<typeof openDB<HelperDB>>>) => Promise<void>) {
  const db = await openDB<HelperDB>(DB_NAME, version, { upgrade: (d, o, _n, tx) => upgradeSchema(d, o, version, tx) });
  await fill?.(db);
  db.close();
}

const person = {
  id: 'p1',
  name: '王建国',
  idNumber: '310117195505050045',
  phone: '13812345678',
  mailingAddress: '上海市松江区泗泾镇泗通路225弄3号',
  insuranceType: 'employee',
  bankName: '中国工商银行',
  bankAccount: '6222021001122334455',
  createdAt: '2026-01-02T03:04:05.000Z',
  updatedAt: '2026-01-02T03:04:05.000Z',
};
/** The prototype's (profile schema v0) shape of a second person. */
const v0person = { name: '李秀英', idCard: '31022719500315001X', phoneNumber: '021-57781234', address: '松江区九亭镇涞亭南路888弄', insurance: '居保', bank: '上海农商银行', bankAccount: '6224123456789012' };

describe('opening the database', () => {
  it('a failed open is not remembered: once the cause is gone, the next call opens', async () => {
    // A newer version without our stores on disk: refused in plain words …
    const alien = await openDB(DB_NAME, DB_VERSION + 5, { upgrade: (d) => void d.createObjectStore('something-else') });
    alien.close();
    await expect(getDb()).rejects.toThrow(/较新版本/);
    // … and once it is gone (the user updated, or the data was cleared), the helper works again.
    await deleteDB(DB_NAME);
    const db = await getDb();
    expect(db.version).toBe(DB_VERSION);
  });

  it('a database of a newer version that still has every store is used as it is (no VersionError)', async () => {
    const newer = await openDB<HelperDB>(DB_NAME, DB_VERSION + 1, {
      upgrade: (d, o, _n, tx) => {
        upgradeSchema(d, o, DB_VERSION, tx);
        (d as unknown as IDBDatabase).createObjectStore('addedLater');
      },
    });
    await newer.put('settings', { textScale: 150 }, 'app');
    newer.close();
    const db = await getDb();
    expect(db.version).toBe(DB_VERSION + 1);
    expect(await db.get('settings', 'app')).toEqual({ textScale: 150 });
  });

  it('a connection the browser terminates is reopened on the next call', async () => {
    const first = await getDb();
    forceCloseDatabase(unwrap(first) as never);
    const second = await getDb();
    expect(second).not.toBe(first);
    await second.put('meta', 1, 'probe');
    expect(await second.get('meta', 'probe')).toBe(1);
  });

  it('gives way to a newer version opening elsewhere, then works with it', async () => {
    const ours = await getDb();
    const newer = await openDB(DB_NAME, DB_VERSION + 1); // upgrade waits for `ours` to close (blocking)
    newer.close();
    expect(ours).not.toBe(await getDb());
    expect((await getDb()).version).toBe(DB_VERSION + 1);
  });
});

describe('migration from every earlier schema version', () => {
  it('from nothing (version 0): every store', async () => {
    const db = await getDb();
    expect([...db.objectStoreNames].sort()).toEqual(['drafts', 'history', 'invoiceImages', 'mappings', 'meta', 'profiles', 'settings']);
    expect([...db.transaction('drafts').store.indexNames]).toEqual(['byExpiry']);
  });

  it('from version 1, plain: people (v1 and the prototype\u2019s v0 records), drafts and pictures carried over', async () => {
    await buildVersion(1, async (db) => {
      await db.put('profiles', { id: 'p1', v: 1, plain: person });
      await db.put('profiles', { id: 'p0', v: 0, plain: v0person });
      await db.put('drafts', {
        id: 'application:resident',
        values: { 'claimant.phone': '13812345678' },
        invoices: [{ id: 'inv-1', fields: {}, review: { file: 'a.png', kind: 'image', values: { invoiceNumber: '0012345678' }, edited: [], result: null } }],
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      } as never);
      await db.put('invoiceImages', { id: 'inv-1', draftId: 'application:resident', name: 'a.png', type: 'image/png', data: new Uint8Array([1, 2, 3]).buffer, createdAt: '2026-01-01T00:00:00.000Z' } as never);
    });
    const db = await getDb();
    expect(db.version).toBe(DB_VERSION);
    const service = new ProfileService({ keys: memoryKeyHolder(), settings: async () => DEFAULT_SETTINGS, iterations: 1000, minIterations: 1000 });
    const listed = await service.list();
    expect(listed.profiles.map((p) => p.name).sort()).toEqual(['李秀英', '王建国'].sort());
    expect(listed.unreadable).toEqual([]);
    const drafts = await db.getAll('drafts');
    expect(drafts).toEqual([
      expect.objectContaining({ id: JSON.stringify(['resident', '', '']), item: 'resident', claimant: '', application: '', plain: { form: { 'claimant.phone': '13812345678' }, invoices: [expect.objectContaining({ file: 'a.png' })] } }),
    ]);
    expect(Date.parse(drafts[0]!.expiresAt)).toBeGreaterThan(Date.now());
    const images = await db.getAll('invoiceImages');
    expect(images).toEqual([{ id: 'inv-1', draftId: 'application:resident', createdAt: '2026-01-01T00:00:00.000Z', plain: { name: 'a.png', type: 'image/png', data: expect.any(ArrayBuffer) } }]);
  });

  it('from version 1, sealed: the lock and the sealed people still open', async () => {
    const { key, meta } = await createLock('泗泾老街的桂花糕', 1000);
    await buildVersion(1, async (db) => {
      await db.put('meta', meta, LOCK_META_KEY);
      await db.put('profiles', { id: 'p1', v: 1, sealed: await seal(key, person, 'p1') });
      await db.put('profiles', { id: 'p0', v: 0, sealed: await seal(key, v0person, 'p0'), temporary: true });
    });
    const service = new ProfileService({ keys: memoryKeyHolder(), settings: async () => DEFAULT_SETTINGS, iterations: 1000, minIterations: 1000 });
    expect((await service.lockState()).locked).toBe(true);
    await service.unlock('泗泾老街的桂花糕');
    const listed = await service.list();
    expect(listed.profiles.map((p) => [p.name, p.temporary])).toEqual(expect.arrayContaining([['王建国', false], ['李秀英', true]]));
    expect(listed.unreadable).toEqual([]);
    expect((await (await getDb()).getAll('profiles')).every((r) => r.sealed && !r.plain)).toBe(true);
  });
});
