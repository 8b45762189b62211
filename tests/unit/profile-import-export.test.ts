import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, ImportError, parseProfilesFile, serializeProfiles } from '@/utils/profiles/import-export';
import { profileSchema, type Profile } from '@/utils/profiles/schema';

const p = (over: Partial<Profile> = {}): Profile =>
  profileSchema.parse({
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
    ...over,
  });

const ctx = { now: () => '2026-05-06T07:08:09.000Z', newId: () => 'fresh-id' };

function importError(text: string): ImportError {
  try {
    parseProfilesFile(text, ctx);
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

describe('profiles file', () => {
  it('is stable: sorted by createdAt then id, fixed key order, 2 spaces, trailing newline', () => {
    const b = p({ id: 'b', createdAt: '2026-01-01T00:00:00.000Z', isSelf: true, displayName: '我' });
    const a = p({ id: 'a', createdAt: '2026-01-01T00:00:00.000Z' });
    const c = p({ id: 'c' });
    const text = serializeProfiles([c, b, a]);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.startsWith(`{\n  "format": "${EXPORT_FORMAT}",\n  "version": 1,\n  "profiles": [\n    {\n      "id": "a",`)).toBe(true);
    const parsed = JSON.parse(text);
    expect(parsed.profiles.map((x: Profile) => x.id)).toEqual(['a', 'b', 'c']);
    expect(Object.keys(parsed.profiles[1])).toEqual(['id', 'displayName', 'name', 'idNumber', 'phone', 'mailingAddress', 'insuranceType', 'bankName', 'bankAccount', 'isSelf', 'createdAt', 'updatedAt']);
    expect(serializeProfiles(parseProfilesFile(text, ctx).profiles)).toBe(text);
  });

  it('accepts a BOM and keeps ids', () => {
    const text = serializeProfiles([p({ id: 'keep-me' })]);
    expect(parseProfilesFile('\uFEFF' + text, ctx).profiles[0]!.id).toBe('keep-me');
  });

  it('lists every problem, naming person and field, up to five, then how many more', () => {
    const file = JSON.parse(serializeProfiles([p({ id: 'a' }), p({ id: 'b', name: '李秀英' })]));
    file.profiles[0].phone = '123';
    file.profiles[1].idNumber = '310117195505050046';
    delete file.profiles[1].bankName;
    const err = importError(JSON.stringify(file));
    expect(err.code).toBe('profile');
    expect(err.index).toBe(0);
    expect(err.field).toBe('phone');
    const lines = err.message.split('\n');
    expect(lines[0]).toMatch(/^第 1 个人（王建国）的「联系电话」有问题/);
    expect(lines[1]).toMatch(/^第 2 个人（李秀英）的「身份证号码」有问题：.*校验位/);
    expect(lines[2]).toBe('第 2 个人（李秀英）的「开户银行」有问题：缺少这一项');
    expect(lines.at(-1)).toMatch(/没有导入任何内容/);

    const many = JSON.parse(serializeProfiles(Array.from({ length: 8 }, (_, i) => p({ id: `x${i}` }))));
    for (const x of many.profiles) x.insuranceType = '商业保险';
    const manyErr = importError(JSON.stringify(many));
    expect(manyErr.message).toContain('另外还有 3 处问题');
    expect(manyErr.message).toContain('「医保类型」有问题：内容不对');
  });

  it('gives a repeated id a new one; refuses two 我自己, a non-object person, a missing list', () => {
    const one = JSON.parse(serializeProfiles([p()]));
    expect(parseProfilesFile(JSON.stringify({ ...one, profiles: [one.profiles[0], one.profiles[0]] }), ctx).profiles.map((x) => x.id)).toEqual(['p1', 'fresh-id']);
    expect(importError(JSON.stringify({ ...one, profiles: [{ ...one.profiles[0], isSelf: true }, { ...one.profiles[0], id: 'z', isSelf: true }] })).code).toBe('self');
    expect(importError(JSON.stringify({ ...one, profiles: ['王建国'] })).message).toMatch(/第 1 个人的资料格式不对/);
    expect(importError(JSON.stringify({ format: EXPORT_FORMAT, version: 1 })).code).toBe('shape');
    expect(importError('[1,2]').message).toMatch(/^第 1 个人的资料格式不对\n第 2 个人的资料格式不对/);
    expect(importError('"text"').code).toBe('format');
    expect(importError(JSON.stringify({ people: [] })).code).toBe('format');
    expect(importError('   ').code).toBe('empty');
    expect(importError(JSON.stringify({ ...one, version: '2' })).code).toBe('version');
    expect(importError(JSON.stringify({ ...one, version: 'one' })).code).toBe('version');
  });
});
