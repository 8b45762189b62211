// Properties of the profiles file (fast-check): export → import → export gives the same bytes (also through
// the store), and `parseProfilesFile` on arbitrary input either reads it or throws its own `ImportError`.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetDbForTests } from '@/utils/db';
import { memoryKeyHolder } from '@/utils/crypto/key-holder';
import { ProfileService } from '@/utils/profiles/service';
import { EXPORT_FORMAT, ImportError, parseProfilesFile, serializeProfiles } from '@/utils/profiles/import-export';
import { FIELD_ALIASES } from '@/utils/profiles/file-person';
import { idCheckDigit, profileSchema, PROFILE_KEYS, type Profile } from '@/utils/profiles/schema';
import { DEFAULT_SETTINGS } from '@/utils/settings';

const han = fc.constantFrom(...'王李张刘陈杨黄赵周吴徐孙朱马胡郭林何高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(''));
const hanText = (min: number, max: number) => fc.array(han, { minLength: min, maxLength: max }).map((a) => a.join(''));
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const idNumber = fc
  .record({ region: fc.constantFrom('310117', '310227', '310112', '320102'), birth: fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2008-12-31T00:00:00Z'), noInvalidDate: true }), seq: digits(3) })
  .map(({ region, birth, seq }) => {
    const first = `${region}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${seq}`;
    return first + idCheckDigit(first);
  });
const iso = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const profileArb: fc.Arbitrary<Profile> = fc
  .record({
    id: fc.uuid(),
    displayName: optional(fc.string({ maxLength: 20 })),
    name: hanText(2, 4),
    idNumber,
    phone: digits(9).map((d) => `13${d}`),
    mailingAddress: hanText(2, 20).map((s) => `上海市松江区${s}路1号`),
    insuranceType: fc.constantFrom('employee' as const, 'resident' as const),
    bankName: hanText(2, 8).map((s) => `${s}银行`),
    bankAccount: fc.integer({ min: 16, max: 19 }).chain((n) => digits(n - 1).map((d) => `6${d}`)),
    bankAccountName: optional(hanText(2, 4)),
    deceased: optional(fc.constant(true)),
    relation: optional(fc.string({ maxLength: 20 })),
    postcode: optional(digits(5).map((d) => `2${d}`)),
    notes: optional(fc.string({ maxLength: 500 })),
    temporary: optional(fc.constant(true)),
    createdAt: iso,
    updatedAt: iso,
  })
  .map((p) => profileSchema.parse(Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined))));

const filesArb = fc
  .uniqueArray(profileArb, { maxLength: 6, selector: (p) => p.id })
  .chain((ps) => fc.option(fc.nat({ max: Math.max(0, ps.length - 1) }), { nil: undefined }).map((self) => ps.map((p, i) => (i === self ? { ...p, isSelf: true } : p))));

const ctx = { now: () => '2026-01-01T00:00:00.000Z', newId: () => 'fresh' };

describe('profiles file (properties)', () => {
  it('export → import → export is byte-identical', () => {
    fc.assert(
      fc.property(filesArb, (people) => {
        const first = serializeProfiles(people);
        const again = serializeProfiles(parseProfilesFile(first, ctx).profiles);
        expect(again).toBe(first);
      }),
      { numRuns: 200 },
    );
  });

  it('… also through the store (import into an empty store, export)', async () => {
    await fc.assert(
      fc.asyncProperty(filesArb, async (people) => {
        fakeBrowser.reset();
        await resetDbForTests();
        const service = new ProfileService({ keys: memoryKeyHolder(), settings: async () => DEFAULT_SETTINGS, iterations: 1000, minIterations: 1000 });
        const first = serializeProfiles(people);
        await service.import(first, {}, 'keep-both');
        expect((await service.exportText()).text).toBe(first);
      }),
      { numRuns: 40 },
    );
  });

  it('parseProfilesFile on arbitrary input throws nothing but its own ImportError', () => {
    const keys = fc.constantFrom(...PROFILE_KEYS, ...Object.values(FIELD_ALIASES).flat(), '微信', '', '__proto__', 'constructor', 'toString');
    const person = fc.oneof(fc.dictionary(keys, fc.jsonValue(), { maxKeys: 12 }), fc.jsonValue(), profileArb.map((p) => ({ ...p })));
    const file = fc.oneof(
      fc.jsonValue(),
      fc.record({ format: fc.oneof(fc.constant(EXPORT_FORMAT), fc.jsonValue()), version: fc.oneof(fc.constantFrom(0, 1, '1', 2), fc.jsonValue()), profiles: fc.oneof(fc.array(person, { maxLength: 5 }), fc.jsonValue()) }, { requiredKeys: [] }),
      fc.array(person, { maxLength: 5 }),
    );
    const text = fc.oneof(file.map((f) => JSON.stringify(f) ?? 'null'), fc.string(), fc.string().map((s) => `{"format":"${EXPORT_FORMAT}",${s}`));
    fc.assert(
      fc.property(text, (t) => {
        try {
          const { profiles } = parseProfilesFile(t, ctx);
          for (const p of profiles) expect(profileSchema.safeParse(p).success).toBe(true);
        } catch (e) {
          if (!(e instanceof ImportError)) throw e;
          expect(e.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
