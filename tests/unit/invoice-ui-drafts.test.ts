// The panel's invoices in the application's draft (issue 10 items 4, 5, 13), with the real draft store
// (utils/drafts on fake-indexeddb) behind the store's draft client.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb, resetDbForTests } from '@/utils/db';
import { memoryKeyHolder } from '@/utils/crypto/key-holder';
import { ProfileService } from '@/utils/profiles/service';
import { DraftService } from '@/utils/drafts/service';
import { draftIdOf, type DraftKey } from '@/utils/drafts/key';
import { InvoiceStore, type DraftClient } from '@/utils/invoice-ui/store';
import { rowsToFill } from '@/utils/invoice-ui/review';
import type { BrowserReader } from '@/utils/invoice/extension';
import { emptyFields, fieldRecord, type InvoiceResult } from '@/utils/invoice/types';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';

let n = 0;
function res(file: string): InvoiceResult {
  n++;
  const fields = { ...emptyFields(), invoiceCode: '31060122', invoiceNumber: String(91212350 + n).padStart(10, '0'), issueDate: '2022-08-20', totalAmount: '10.00', visitType: 'outpatient' as const };
  return { file, fields, confidence: fieldRecord(() => 0.99), source: fieldRecord(() => 'qr' as const), boxes: fieldRecord(() => []), warnings: [], ms: 1 };
}
const reader = (): BrowserReader => ({ read: async (input) => res(input.name), renderPdfPreview: async () => null, warmUp: () => {}, workerRunning: false, dispose: async () => {} });
const file = (name: string) => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4])], name, { type: 'image/png' });
const until = async (fn: () => boolean) => {
  for (let i = 0; i < 400 && !fn(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(fn()).toBe(true);
};

let settings: Settings;
let profiles: ProfileService;
let drafts: DraftService;
let client: DraftClient;

beforeEach(async () => {
  fakeBrowser.reset();
  await resetDbForTests();
  settings = { ...DEFAULT_SETTINGS };
  profiles = new ProfileService({ keys: memoryKeyHolder(), settings: async () => settings, iterations: 1000, minIterations: 1000 });
  drafts = new DraftService({ vault: profiles.vault, settings: async () => settings });
  client = {
    load: (key, tab) => drafts.load(key, tab),
    save: (key, session, invoices, tab) => drafts.saveInvoices(key, session, invoices, tab),
    putImage: async (key, session, id, blob, name) => (await drafts.putImage(key, session, id, { name, type: blob.type, data: await blob.arrayBuffer() })).stored,
    getImage: async (id) => {
      const img = await drafts.getImage(id);
      return img ? new Blob([img.data as ArrayBuffer], { type: img.type }) : null;
    },
  };
});

const MUM: DraftKey = { item: 'resident', claimant: 'p-mum', application: '' };
const DAD: DraftKey = { item: 'resident', claimant: 'p-dad', application: '' };
const newStore = () => new InvoiceStore({ makeReader: reader, drafts: client, keepImages: async () => settings.keepInvoiceImages, saveDelayMs: 1 });

async function readAndConfirm(store: InvoiceStore, names: string[]) {
  store.addFiles(names.map(file));
  await until(() => store.items.length >= names.length && store.items.every((i) => i.status === 'done'));
  for (const i of store.items) store.confirm(i.id, true);
  await store.flush();
}

describe('invoices in the application draft', () => {
  it('come back UNconfirmed after a reload; one already filled is never filled again (item 4)', async () => {
    const first = newStore();
    await first.setKey(MUM);
    await readAndConfirm(first, ['a.png', 'b.png']);
    first.markFilled([first.items[0]!.id]);
    await first.flush();

    const reloaded = newStore(); // the page (and the panel) reloaded
    await reloaded.setKey(MUM);
    expect(reloaded.items.map((i) => [i.file, i.status, i.confirmed, !!i.filled])).toEqual([
      ['a.png', 'done', false, true],
      ['b.png', 'done', false, false],
    ]);
    for (const i of reloaded.items) reloaded.confirm(i.id, true);
    // Nothing on the page reads back (another markup): still, the filled one is not added again.
    expect(rowsToFill(reloaded.items, []).map((i) => i.file)).toEqual(['b.png']);
  });

  it('another person\u2019s application never shows them; what was read here follows the person chosen', async () => {
    const store = newStore();
    await store.setKey(MUM);
    await readAndConfirm(store, ['mum.png']);
    const other = newStore();
    await other.setKey(DAD);
    expect(other.items).toEqual([]);

    // Read while 爸爸 was (wrongly) chosen, then 妈妈 picked: the invoice moves to 妈妈's draft …
    const panel = newStore();
    await panel.setKey(DAD);
    await readAndConfirm(panel, ['late.png']);
    await panel.setKey(MUM);
    expect(panel.items.map((i) => i.file).sort()).toEqual(['late.png', 'mum.png']);
    expect((await drafts.load(DAD)).invoices).toEqual([]);
    expect((await drafts.load(MUM)).invoices.map((i) => i.file).sort()).toEqual(['late.png', 'mum.png']);
    // … and what came back from 妈妈's draft stays with it when 爸爸 is chosen again.
    await panel.setKey(DAD);
    expect(panel.items.map((i) => i.file)).toEqual(['late.png']);
    expect((await drafts.load(MUM)).invoices.map((i) => i.file)).toEqual(['mum.png']);
  });

  it('pictures are stored only with 「保留发票图片」 on, and go when the invoice is removed (item 5)', async () => {
    const store = newStore();
    await store.setKey(MUM);
    await readAndConfirm(store, ['off.png']);
    await store.flush();
    expect(await (await getDb()).count('invoiceImages')).toBe(0);

    settings.keepInvoiceImages = true;
    await readAndConfirm(store, ['on.png']);
    const on = store.items.find((i) => i.file === 'on.png')!;
    // The picture is kept right after the file was read (no wait on time: on the stored record).
    for (let i = 0; i < 200 && (await (await getDb()).count('invoiceImages')) === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(await drafts.getImage(on.id)).not.toBeNull();
    expect((await (await getDb()).getAll('invoiceImages')).map((r) => r.draftId)).toEqual([draftIdOf(MUM)]);
    store.remove(on.id);
    await store.flush();
    expect(await (await getDb()).count('invoiceImages')).toBe(0);
  });

  it('结束本次服务 with the panel open: the pending save does not re-create the draft; the panel forgets all (item 13)', async () => {
    const store = new InvoiceStore({ makeReader: reader, drafts: client, keepImages: async () => false, saveDelayMs: 60_000 });
    await store.setKey(MUM);
    await readAndConfirm(store, ['a.png']);
    store.edit(store.items[0]!.id, 'hospital', '上海市第六人民医院'); // a save is now pending
    await profiles.endSession();
    await store.flush(); // the pending save runs after the wipe
    expect(await (await getDb()).count('drafts')).toBe(0);
    expect(store.items).toEqual([]);
    expect(store.draftKey).toBeNull();
    // Opened again afterwards: nothing comes back.
    const again = newStore();
    await again.setKey(MUM);
    expect(again.items).toEqual([]);
  });
});
