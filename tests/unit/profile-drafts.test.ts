// Drafts (issue 10 items 4, 5, 13 and "never lose what was typed", storage half): keyed by item +
// claimant + application, sealed while a lock is set, expiring, ended by a confirmed submission and by
// 结束本次服务 (a save of the ended session never brings a draft back), pictures only with 「保留发票图片」.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb, resetDbForTests } from '@/utils/db';
import { memoryKeyHolder } from '@/utils/crypto/key-holder';
import { createRouter } from '@/utils/messaging';
import { ProfileService } from '@/utils/profiles/service';
import { DraftService, type StoredInvoice } from '@/utils/drafts/service';
import { draftHandlers, endDraftsOnConfirmedSubmission } from '@/utils/drafts/handlers';
import { draftIdOf, type DraftKey } from '@/utils/drafts/key';
import { historyHandlers, reportPendingSubmission } from '@/utils/guard/history';
import * as m from '@/utils/drafts/messages';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';

const DAY = 86_400_000;
let now = Date.parse('2026-05-01T08:00:00Z');
let settings: Settings;
let profiles: ProfileService;
let drafts: DraftService;

const KEY: DraftKey = { item: 'employee', claimant: 'p-mum', application: '' };
const invoice = (id: string, over: Partial<StoredInvoice> = {}): StoredInvoice => ({ id, file: `${id}.png`, kind: 'image', values: { invoiceNumber: '0012345678' }, edited: [], result: null, ...over });

beforeEach(async () => {
  fakeBrowser.reset();
  await resetDbForTests();
  now = Date.parse('2026-05-01T08:00:00Z');
  settings = { ...DEFAULT_SETTINGS };
  profiles = new ProfileService({ keys: memoryKeyHolder(), settings: async () => settings, iterations: 1000, minIterations: 1000 });
  drafts = new DraftService({ vault: profiles.vault, settings: async () => settings, clock: () => now });
});

const rawDrafts = async () => (await getDb()).getAll('drafts');

describe('form drafts (the storage half of "never lose what was typed")', () => {
  it('typed zod messages save, load and delete {field key → value}; content scripts may use them', async () => {
    const router = createRouter(draftHandlers(drafts));
    const page = { id: 'test-extension-id', tab: { id: 7 }, frameId: 3, url: 'https://zwdt.sh.gov.cn/govPortals/apply/basic' };
    const send = (type: string, payload: unknown) => router({ type, payload }, page);
    const loaded = (await send(m.loadFormDraft.type, { key: KEY })) as { ok: true; data: { session: string; values: unknown } };
    expect(loaded).toMatchObject({ ok: true, data: { locked: false, values: null, updatedAt: null } });
    const session = loaded.data.session;
    const values = { 'claimant.name': '李秀英', 'claimant.phone': '021-57781234', 'application.mailingAddress': '松江区九亭镇涞亭南路888弄' };
    expect(await send(m.saveFormDraft.type, { key: KEY, session, values })).toEqual({ ok: true, data: { saved: true } });
    expect(await send(m.loadFormDraft.type, { key: KEY })).toMatchObject({ ok: true, data: { session, values, updatedAt: '2026-05-01T08:00:00.000Z' } });
    expect(await send(m.deleteFormDraft.type, { key: KEY, session })).toEqual({ ok: true, data: { deleted: true } });
    expect(await send(m.loadFormDraft.type, { key: KEY })).toMatchObject({ ok: true, data: { values: null } });
    expect(await rawDrafts()).toEqual([]);
    // A malformed message never reaches the store.
    expect(await send(m.saveFormDraft.type, { key: KEY, session, values: { x: 42 } })).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    // The panel's messages are not for content scripts.
    for (const def of [m.loadInvoiceDraft, m.saveInvoiceDraft, m.deleteDraft, m.putDraftImage, m.getDraftImage, m.deleteDraftImage]) {
      expect(await send(def.type, {}), def.type).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('is keyed by item + claimant + application: another person or application never meets it', async () => {
    const { session } = await drafts.load(KEY);
    await drafts.saveForm(KEY, session, { 'claimant.name': '李秀英' });
    await drafts.saveInvoices(KEY, session, [invoice('inv-1')]);
    for (const other of [{ ...KEY, claimant: 'p-dad' }, { ...KEY, application: 'SQ2026091700012' }, { ...KEY, item: 'resident' as const }]) {
      const d = await drafts.load(other);
      expect(d.form, JSON.stringify(other)).toBeNull();
      expect(d.invoices).toEqual([]);
    }
    const mine = await drafts.load(KEY);
    expect(mine.form).toEqual({ 'claimant.name': '李秀英' });
    expect(mine.invoices.map((i) => i.id)).toEqual(['inv-1']);
  });

  it('expires after 7 days by default (the setting changes it); an expired draft is deleted with its pictures', async () => {
    settings.keepInvoiceImages = true;
    const { session } = await drafts.load(KEY);
    await drafts.saveInvoices(KEY, session, [invoice('inv-1')]);
    await drafts.putImage(KEY, session, 'inv-1', { name: 'a.png', type: 'image/png', data: new Uint8Array([1, 2, 3]).buffer });
    now += 7 * DAY - 1000;
    expect((await drafts.load(KEY)).invoices).toHaveLength(1);
    now += 2000;
    expect(await drafts.purgeExpired()).toBe(1);
    expect(await rawDrafts()).toEqual([]);
    expect(await (await getDb()).count('invoiceImages')).toBe(0);

    settings.draftDays = 2;
    await drafts.saveForm(KEY, session, { a: 'b' });
    now += 2 * DAY + 1;
    expect((await drafts.load(KEY)).form).toBeNull(); // read: gone, and deleted
    expect(await rawDrafts()).toEqual([]);
  });

  it('is sealed while a lock is set, refused while locked, re-sealed with a new passphrase, plain when the lock goes', async () => {
    const { session } = await drafts.load(KEY);
    await profiles.setPassphrase(undefined, 'drafts are sealed too');
    await drafts.saveForm(KEY, session, { 'claimant.name': '李秀英' });
    let [record] = await rawDrafts();
    expect(record!.plain).toBeUndefined();
    expect(JSON.stringify(record)).not.toContain('李秀英');
    expect(record).toMatchObject({ item: 'employee', claimant: 'p-mum', application: '' });

    await profiles.lock();
    expect(await drafts.load(KEY)).toMatchObject({ locked: true, form: null });
    expect(await drafts.saveForm(KEY, session, { 'claimant.name': '王建国' })).toEqual({ saved: false, reason: 'locked' });
    await profiles.unlock('drafts are sealed too');
    await profiles.setPassphrase('drafts are sealed too', 'and re-sealed on change');
    expect((await drafts.load(KEY)).form).toEqual({ 'claimant.name': '李秀英' });
    await profiles.removePassphrase('and re-sealed on change');
    [record] = await rawDrafts();
    expect(record!.sealed).toBeUndefined();
    expect(record!.plain).toEqual({ form: { 'claimant.name': '李秀英' }, invoices: [] });
  });
});

describe('invoice drafts and pictures (items 4, 5)', () => {
  it('pictures are stored only with 「保留发票图片」, sealed under the lock, and go when their invoice goes', async () => {
    const { session } = await drafts.load(KEY);
    await drafts.saveInvoices(KEY, session, [invoice('inv-1'), invoice('inv-2')]);
    const picture = { name: 'a.png', type: 'image/png', data: new Uint8Array([9, 8, 7]).buffer };
    expect(await drafts.putImage(KEY, session, 'inv-1', picture)).toEqual({ stored: false });
    expect(await (await getDb()).count('invoiceImages')).toBe(0);

    settings.keepInvoiceImages = true;
    await profiles.setPassphrase(undefined, 'pictures sealed too');
    expect(await drafts.putImage(KEY, session, 'inv-1', picture)).toEqual({ stored: true });
    expect(await drafts.putImage(KEY, session, 'inv-2', picture)).toEqual({ stored: true });
    const [stored] = await (await getDb()).getAll('invoiceImages');
    expect(stored!.plain).toBeUndefined();
    expect(stored!.draftId).toBe(draftIdOf(KEY));
    expect(new Uint8Array((await drafts.getImage('inv-1'))!.data as ArrayBuffer)).toEqual(new Uint8Array([9, 8, 7]));
    await drafts.saveInvoices(KEY, session, [invoice('inv-2')]); // inv-1 removed from the review
    expect(await drafts.getImage('inv-1')).toBeNull();
    expect(await drafts.getImage('inv-2')).not.toBeNull();
  });

  it('a confirmed submission in the tab deletes its drafts (pictures only kept with the setting)', async () => {
    settings.keepInvoiceImages = true;
    const router = createRouter([...draftHandlers(drafts), ...endDraftsOnConfirmedSubmission(historyHandlers(() => now), drafts)]);
    const portal = { id: 'test-extension-id', tab: { id: 4 }, frameId: 0, url: 'https://zwdt.sh.gov.cn/govPortals/apply/materials' };
    // The panel in tab 4 (what its messages carry) …
    const { session } = await drafts.load(KEY, 4);
    await drafts.saveInvoices(KEY, session, [invoice('inv-1')], 4);
    await drafts.putImage(KEY, session, 'inv-1', { name: 'a.png', type: 'image/png', data: new ArrayBuffer(2) });
    // … and the page in another tab typing another application.
    const other: DraftKey = { ...KEY, claimant: 'p-dad' };
    await router({ type: m.saveFormDraft.type, payload: { key: other, session, values: { x: 'y' } } }, { ...portal, tab: { id: 9 } });
    await router({ type: reportPendingSubmission.type, payload: { invoices: [{ number: '0012345678' }], item: 'employee' } }, portal);
    expect(await router({ type: 'history/confirm', payload: {} }, portal)).toEqual({ ok: true, data: { recorded: 1 } });
    expect((await rawDrafts()).map((d) => d.claimant)).toEqual(['p-dad']);
    expect(await (await getDb()).count('invoiceImages')).toBe(1); // kept: the setting is on
  });
});

describe('结束本次服务 with a panel open (item 13)', () => {
  it('wipes every draft; a pending save of the ended session is refused — nothing comes back', async () => {
    settings.keepInvoiceImages = true;
    const { session } = await drafts.load(KEY);
    await drafts.saveInvoices(KEY, session, [invoice('inv-1')]);
    await drafts.saveForm(KEY, session, { 'claimant.name': '李秀英' });
    await drafts.putImage(KEY, session, 'inv-1', { name: 'a.png', type: 'image/png', data: new ArrayBuffer(2) });
    // The panel's pending (debounced) save and the wipe race: the wipe is asked first.
    const wipe = profiles.endSession();
    const late = drafts.saveInvoices(KEY, session, [invoice('inv-1'), invoice('inv-2')]);
    const lateForm = drafts.saveForm(KEY, session, { 'claimant.name': '李秀英' });
    const lateImage = drafts.putImage(KEY, session, 'inv-2', { name: 'b.png', type: 'image/png', data: new ArrayBuffer(2) });
    expect(await wipe).toMatchObject({ drafts: 1, invoiceImages: 1 });
    expect(await late).toEqual({ saved: false, reason: 'session-ended' });
    expect(await lateForm).toEqual({ saved: false, reason: 'session-ended' });
    expect(await lateImage).toEqual({ stored: false });
    expect(await rawDrafts()).toEqual([]);
    expect(await (await getDb()).count('invoiceImages')).toBe(0);
    // A fresh load starts a new session: the panel after its reset works again.
    const fresh = await drafts.load(KEY);
    expect(fresh.session).not.toBe(session);
    expect(fresh.invoices).toEqual([]);
  });
});

describe('the end of the session, announced (item 13)', () => {
  it('reaches extension pages and the portal tabs; only the extension itself can announce it', async () => {
    const { announceSessionEnded, isSessionEnded } = await import('@/utils/drafts/session-end');
    const { browser } = await import('wxt/browser');
    const notice = { type: 'session/ended' };
    expect(isSessionEnded(notice, { id: browser.runtime.id })).toBe(true); // the service worker
    expect(isSessionEnded(notice, { id: browser.runtime.id, tab: { id: 3 }, url: browser.runtime.getURL('/panel.html') })).toBe(true); // a panel
    expect(isSessionEnded(notice, { id: browser.runtime.id, tab: { id: 3 }, url: 'https://zwdt.sh.gov.cn/govPortals/apply/x/basic' })).toBe(false); // a content script
    expect(isSessionEnded(notice, { id: 'another-extension' })).toBe(false);
    expect(isSessionEnded({ type: 'session/ended-ish' }, { id: browser.runtime.id })).toBe(false);

    const sentToPages: unknown[] = [];
    const sentToTabs: Array<[number, unknown]> = [];
    const portalTab = await browser.tabs.create({ url: 'https://zwdt.sh.gov.cn/govPortals/apply/x/basic' });
    const spyRuntime = vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(async (m: unknown) => void sentToPages.push(m));
    const spyQuery = vi.spyOn(browser.tabs, 'query').mockImplementation(async () => [portalTab]);
    const spyTabs = vi.spyOn(browser.tabs, 'sendMessage').mockImplementation(async (id: number, m: unknown) => void sentToTabs.push([id, m]));
    await announceSessionEnded();
    expect(sentToPages).toEqual([notice]);
    expect(sentToTabs).toEqual([[portalTab.id, notice]]);
    expect(spyQuery).toHaveBeenCalledWith({ url: ['https://zwdt.sh.gov.cn/*', 'https://ywtb.sh.gov.cn/*'] });
    spyRuntime.mockRestore();
    spyQuery.mockRestore();
    spyTabs.mockRestore();
  });
});
