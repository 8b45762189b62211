// Properties of the record sealing (fast-check): any JSON value comes back unchanged, and any change to
// the ciphertext, its IV or the record id it is bound to makes opening fail (never a wrong value).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLock, DecryptError, open, seal } from '@/utils/crypto';

let key: CryptoKey;
beforeAll(async () => {
  key = (await createLock('property passphrase', 1000)).key;
});

describe('seal / open (properties)', () => {
  it('encrypt → decrypt gives back every JSON value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.string({ minLength: 1, maxLength: 64 }), async (value, id) => {
        const box = await seal(key, value, id);
        expect(JSON.stringify(await open(key, box, id))).toBe(JSON.stringify(value));
      }),
      { numRuns: 200 },
    );
  });

  it('tampering with the ciphertext, the IV or the bound id fails to open', async () => {
    const tamper = fc.oneof(
      fc.record({ where: fc.constant('data' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
      fc.record({ where: fc.constant('iv' as const), at: fc.nat({ max: 11 }), bit: fc.integer({ min: 0, max: 7 }) }),
      fc.record({ where: fc.constant('id' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.string({ minLength: 1, maxLength: 64 }), tamper, async (value, id, t) => {
        const box = await seal(key, value, id);
        const data = new Uint8Array(box.data.slice(0));
        const iv = new Uint8Array(box.iv);
        let aad = id;
        if (t.where === 'data') data[t.at % data.length]! ^= 1 << t.bit;
        else if (t.where === 'iv') iv[t.at]! ^= 1 << t.bit;
        else aad = id + String.fromCharCode(33 + (t.at % 90));
        await expect(open(key, { iv, data: data.buffer }, aad)).rejects.toBeInstanceOf(DecryptError);
      }),
      { numRuns: 200 },
    );
  });
});
