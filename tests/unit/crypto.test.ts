import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createLock, deriveKey, open, seal, unlockWith, verifyKey, PBKDF2_ITERATIONS, DecryptError, exportKey, importKey } from '@/utils/crypto';
import { AUTOLOCK_ALARM, SESSION_KEY, sessionKeyHolder } from '@/utils/crypto/key-holder';

beforeEach(() => fakeBrowser.reset());

describe('crypto primitives', () => {
  it('uses at least 600,000 PBKDF2 iterations, a 16-byte salt and a 12-byte random IV per record', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const { key, meta } = await createLock('correct horse battery');
    expect(meta.iterations).toBe(PBKDF2_ITERATIONS);
    expect(meta.salt).toHaveLength(16);
    const a = await seal(key, { name: '王建国' }, 'p1');
    const b = await seal(key, { name: '王建国' }, 'p1');
    expect(a.iv).toHaveLength(12);
    expect(Buffer.from(a.iv).equals(Buffer.from(b.iv))).toBe(false);
    expect(await open(key, a, 'p1')).toEqual({ name: '王建国' });
    // the real iteration count round trip
    expect(await unlockWith('correct horse battery', meta)).not.toBeNull();
    expect(await unlockWith('wrong horse battery', meta)).toBeNull();
  }, 30_000);

  it('refuses a sealed record moved to another id, and a tampered ciphertext', async () => {
    const { key } = await createLock('passphrase here', 1000);
    const box = await seal(key, 'secret', 'p1');
    await expect(open(key, box, 'p2')).rejects.toBeInstanceOf(DecryptError);
    const bytes = new Uint8Array(box.data.slice(0));
    bytes[0]! ^= 1;
    await expect(open(key, { iv: box.iv, data: bytes.buffer }, 'p1')).rejects.toBeInstanceOf(DecryptError);
  });

  it('a wrong passphrase gives a key the verifier rejects', async () => {
    const { meta } = await createLock('passphrase here', 1000);
    const wrong = await deriveKey('passphrase HERE', meta.salt, 1000);
    expect(await verifyKey(wrong, meta)).toBe(false);
    expect(await unlockWith('passphrase here', meta, 1000)).not.toBeNull();
  });

  it('refuses a lock record with a lowered iteration count', async () => {
    const { meta } = await createLock('passphrase here', 1000);
    await expect(unlockWith('passphrase here', meta)).rejects.toThrow(/iterations/);
  });

  it('exports and imports the raw key', async () => {
    const { key } = await createLock('passphrase here', 1000);
    const again = await importKey(await exportKey(key));
    expect(await open(again, await seal(key, [1, 2], 'x'), 'x')).toEqual([1, 2]);
  });
});

describe('session key holder', () => {
  it('keeps the key in storage.session across a service-worker restart and arms the auto-lock alarm', async () => {
    const { key } = await createLock('passphrase here', 1000);
    const holder = sessionKeyHolder();
    await holder.set(key);
    await holder.touch(15);
    expect(typeof (await fakeBrowser.storage.session.get(SESSION_KEY))[SESSION_KEY]).toBe('string');
    const alarm = await fakeBrowser.alarms.get(AUTOLOCK_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now() + 14 * 60_000);

    const restarted = sessionKeyHolder(); // new worker: nothing cached
    const k = await restarted.get();
    expect(k).not.toBeNull();
    expect(await open(k!, await seal(key, 'hello', 'a'), 'a')).toBe('hello');

    await restarted.clear();
    expect(await sessionKeyHolder().get()).toBeNull();
    expect(await fakeBrowser.alarms.get(AUTOLOCK_ALARM)).toBeUndefined();
  });
});
