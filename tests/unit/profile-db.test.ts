import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { deleteMapping, findFiledInvoice, getDb, listHistory, listMappings, putMapping, recordFiledInvoices, resetDbForTests, DB_VERSION } from '@/utils/db';

beforeEach(() => resetDbForTests());

describe('the shared database', () => {
  it('has every store', async () => {
    const db = await getDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['drafts', 'history', 'invoiceImages', 'mappings', 'meta', 'profiles', 'settings']);
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
