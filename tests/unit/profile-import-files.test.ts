// Issue 10 item 1: files people really have — written by hand, saved from a spreadsheet, exported by an
// older version — import. The helper fills in its own bookkeeping (id, createdAt, updatedAt); only what a
// person must supply can fail a file; unknown keys are ignored and named in the result message.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetDbForTests } from '@/utils/db';
import { memoryKeyHolder } from '@/utils/crypto/key-holder';
import { ProfileService } from '@/utils/profiles/service';
import { ImportError, importSummary, parseProfilesFile, readProfilesFileText, serializeProfiles } from '@/utils/profiles/import-export';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { MessageError } from '@/utils/messaging';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/profiles', name), 'utf8');
const NOW = '2026-03-04T05:06:07.000Z';
let n = 0;
const ctx = { now: () => NOW, newId: () => `new-${++n}` };

let service: ProfileService;
beforeEach(async () => {
  fakeBrowser.reset();
  await resetDbForTests();
  n = 0;
  service = new ProfileService({ keys: memoryKeyHolder(), settings: async () => DEFAULT_SETTINGS, now: () => NOW, newId: () => `new-${++n}`, iterations: 1000, minIterations: 1000 });
});

function importError(text: string): ImportError {
  try {
    parseProfilesFile(text, ctx);
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

describe('profiles files people really have', () => {
  it('a hand-written file (documented keys, no timestamps, one without id) imports; unknown keys are named', async () => {
    const result = await service.import(fixture('hand-written.json'));
    expect(result).toMatchObject({ added: 2, replaced: 0 });
    expect(result.ignoredKeys).toEqual(['微信', 'age']);
    const dad = await service.get('dad');
    expect(dad).toMatchObject({ name: '赵国庆', phone: '13812345678', bankAccount: '6217001234567890', createdAt: NOW, updatedAt: NOW });
    const grandma = (await service.all()).find((p) => p.name === '钱秀珍')!;
    expect(grandma.id).toBe('new-1');
    expect(grandma.idNumber).toBe('31022719450709028X');
    expect(grandma.isSelf).toBeUndefined();
    const text = importSummary(result);
    expect(text).toContain('新增 2 人');
    expect(text).toContain('「微信」');
    expect(text).toContain('「age」');
  });

  it('a spreadsheet saved as JSON (a bare list, Chinese column names, numbers, 是/否, empty cells) imports', async () => {
    const result = await service.import(fixture('spreadsheet.json'));
    expect(result).toMatchObject({ added: 2, replaced: 0, ignoredKeys: ['序号'] });
    const people = await service.all();
    const me = people.find((p) => p.name === '孙立新')!;
    expect(me).toMatchObject({ displayName: '我', phone: '13912345678', insuranceType: 'employee', postcode: '201600', isSelf: true, relation: '本人' });
    expect(me.bankAccountName).toBeUndefined();
    expect(me.deceased).toBeUndefined();
    const grandpa = people.find((p) => p.name === '孙德明')!;
    expect(grandpa).toMatchObject({ insuranceType: 'resident', bankAccount: '6228480012345678', notes: '耳背，打电话请大声' });
    expect(grandpa.postcode).toBeUndefined();
  });

  it('a file exported by an older version (version 0, the prototype\u2019s keys) imports', async () => {
    const result = await service.import(fixture('older-version.json'));
    expect(result).toMatchObject({ added: 2, replaced: 0, ignoredKeys: ['exportedAt'] });
    const people = await service.all();
    expect(people.find((p) => p.name === '李桂英')).toMatchObject({ displayName: '奶奶', idNumber: '310227193701010023', mailingAddress: '上海市松江区车墩镇香泾路8号', insuranceType: 'resident', bankName: '上海银行', notes: '行动不便' });
    expect(people.find((p) => p.name === '周建华')).toMatchObject({ insuranceType: 'employee', bankAccountName: '周建华' });
  });

  it('bookkeeping never fails a file: a bad timestamp is replaced, a repeated id gets a new one', () => {
    const file = JSON.parse(fixture('hand-written.json'));
    file.profiles[0].createdAt = '2025-12-01';
    file.profiles[0].updatedAt = 'yesterday';
    file.profiles[1].id = 'dad';
    const { profiles } = parseProfilesFile(JSON.stringify(file), ctx);
    expect(profiles[0]).toMatchObject({ id: 'dad', createdAt: '2025-12-01T00:00:00.000Z', updatedAt: NOW });
    expect(profiles[1]!.id).toBe('new-1');
  });

  it('what a person must supply still fails the file, in plain words, and nothing is stored', async () => {
    const file = JSON.parse(fixture('spreadsheet.json'));
    delete file[0]['姓名'];
    file[1]['银行卡号'] = 6.22848001234568e18; // a spreadsheet rounded the 19-digit card number
    const err = importError(JSON.stringify(file));
    const lines = err.message.split('\n');
    expect(lines[0]).toBe('第 1 个人的「姓名」有问题：缺少这一项');
    expect(lines[1]).toMatch(/^第 2 个人（孙德明）的「银行卡号」有问题：.*电子表格.*文本/);
    await expect(service.import(JSON.stringify(file))).rejects.toBeInstanceOf(MessageError);
    expect(await service.all()).toEqual([]);
  });

  it('a file of a newer version or of another program is still refused', () => {
    const file = JSON.parse(fixture('hand-written.json'));
    expect(importError(JSON.stringify({ ...file, version: 2 })).code).toBe('version');
    expect(importError(JSON.stringify({ ...file, format: 'something-else' })).code).toBe('format');
  });

  it('an export of the imported people gives the same bytes when imported again', async () => {
    await service.import(fixture('spreadsheet.json'));
    const first = (await service.exportText()).text;
    expect(serializeProfiles(parseProfilesFile(first, ctx).profiles)).toBe(first);
  });
});

describe('the chosen file (issue 10 item 11)', () => {
  it('is size-checked before it is read whole', async () => {
    let read = false;
    const huge = { size: 50_000_000, text: async () => ((read = true), '') };
    await expect(readProfilesFileText(huge)).rejects.toMatchObject({ code: 'shape', message: expect.stringContaining('文件太大') });
    expect(read).toBe(false);
    expect(await readProfilesFileText(new Blob([fixture('hand-written.json')]))).toContain('赵国庆');
  });

  it('a file that cannot be read gives a plain message', async () => {
    const gone = { size: 10, text: async () => Promise.reject(new DOMException('The requested file could not be read', 'NotReadableError')) };
    await expect(readProfilesFileText(gone)).rejects.toMatchObject({ message: expect.stringContaining('读不出来') });
  });
});
