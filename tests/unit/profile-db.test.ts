import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  deleteDraft,
  deleteInvoiceImagesOf,
  deleteMapping,
  findFiledInvoice,
  getDb,
  getDraft,
  getInvoiceImage,
  listDrafts,
  listHistory,
  listInvoiceImages,
  listMappings,
  putDraft,
  putInvoiceImage,
  putMapping,
  recordFiledInvoices,
  resetDbForTests,
  DB_VERSION,
} from '@/utils/db';

beforeEach(() => resetDbForTests());

const image = (id: string, draftId: string) => ({ id, draftId, name: `${id}.jpg`, type: 'image/jpeg', data: new Uint8Array([1, 2, 3]).buffer, createdAt: '2026-01-01T00:00:00.000Z' });

describe('the shared database', () => {
  it('has every store', async () => {
    const db = await getDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['drafts', 'history', 'invoiceImages', 'mappings', 'meta', 'profiles', 'settings']);
  });

  it('drafts: put keeps createdAt, delete removes the draft and its images together', async () => {
    const first = await putDraft({ id: 'app-1', itemId: 'c85a49fb', values: { 报销人姓名: '王建国' }, invoices: [{ id: 'inv-1', fields: { invoiceNumber: '0012345678' }, imageId: 'img-1' }] });
    await new Promise((r) => setTimeout(r, 5));
    const second = await putDraft({ ...first, values: { 报销人姓名: '王建国', 手机号码: '13812345678' } });
    expect(second.createdAt).toBe(first.createdAt);
    expect((await getDraft('app-1'))?.values.手机号码).toBe('13812345678');
    await putInvoiceImage(image('img-1', 'app-1'));
    await putInvoiceImage(image('img-2', 'app-1'));
    await putInvoiceImage(image('img-3', 'app-2'));
    expect((await listInvoiceImages('app-1')).map((i) => i.id)).toEqual(['img-1', 'img-2']);
    expect(new Uint8Array((await getInvoiceImage('img-1'))!.data as ArrayBuffer)).toEqual(new Uint8Array([1, 2, 3]));
    await deleteDraft('app-1');
    expect(await listDrafts()).toEqual([]);
    expect(await listInvoiceImages('app-1')).toEqual([]);
    expect(await listInvoiceImages('app-2')).toHaveLength(1);
    expect(await deleteInvoiceImagesOf('app-2')).toBe(1);
  });

  it('history: finds an invoice number filed earlier, with or without its code', async () => {
    await recordFiledInvoices([
      { invoiceNumber: '0012345678', invoiceCode: '31160121', itemId: 'c85a49fb' },
      { invoiceNumber: '0099999999' },
    ]);
    expect(await findFiledInvoice('0012345678')).toHaveLength(1);
    expect(await findFiledInvoice('0012345678', '31160121')).toHaveLength(1);
    expect(await findFiledInvoice('0012345678', '99999999')).toHaveLength(0);
    expect(await findFiledInvoice('0099999999', '31160121')).toHaveLength(1);
    expect(await listHistory()).toHaveLength(2);
  });

  it('mappings: put, list, delete', async () => {
    await putMapping({ id: 'm1', label: '收件人电话', meaning: 'claimant.phone', host: 'zwdt.sh.gov.cn' });
    expect((await listMappings()).map((m) => m.meaning)).toEqual(['claimant.phone']);
    await deleteMapping('m1');
    expect(await listMappings()).toEqual([]);
  });
});
