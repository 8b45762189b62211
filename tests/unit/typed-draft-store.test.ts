// The background's half of "never lose what was typed" (issue 10): the form-draft messages declared once in
// zod/mini and validated with the same definitions; whether what was typed in a tab is kept (asked by the
// portal's 登录超时 / 维护 page: no values); the draft of a tab ending on a confirmed submission.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetDbForTests } from '@/utils/db';
import { memoryKeyHolder } from '@/utils/crypto/key-holder';
import { createRouter } from '@/utils/messaging';
import { ProfileService } from '@/utils/profiles/service';
import { DraftService } from '@/utils/drafts/service';
import { draftHandlers, endDraftsOnConfirmedSubmission } from '@/utils/drafts/handlers';
import { historyHandlers, reportPendingSubmission } from '@/utils/guard/history';
import * as classic from '@/utils/drafts/messages';
import * as mini from '@/utils/drafts/form-messages';
import type { DraftKey } from '@/utils/drafts/key';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';

const DAY = 86_400_000;
let now = Date.parse('2026-05-06T20:00:00Z');
let settings: Settings;
let profiles: ProfileService;
let drafts: DraftService;
const KEY: DraftKey = { item: 'resident', claimant: 'p-dad', application: '' };
const tab = (id: number, url = 'https://ywtb.sh.gov.cn:18018/ac-product-net/netapply/apply.do?itemCode=x') => ({ id: 'test-extension-id', tab: { id }, frameId: 0, url });

beforeEach(async () => {
  fakeBrowser.reset();
  await resetDbForTests();
  now = Date.parse('2026-05-06T20:00:00Z');
  settings = { ...DEFAULT_SETTINGS };
  profiles = new ProfileService({ keys: memoryKeyHolder(), settings: async () => settings, iterations: 1000, minIterations: 1000 });
  drafts = new DraftService({ vault: profiles.vault, settings: async () => settings, clock: () => now });
});

describe('the form-draft messages', () => {
  it('are declared once, in zod/mini: the panel’s module re-exports the very same definitions', () => {
    for (const name of ['loadFormDraft', 'saveFormDraft', 'deleteFormDraft', 'formDraftKept'] as const) expect(classic[name]).toBe(mini[name]);
    // mini schemas (no classic zod in the page features; the build-budget test checks the bundle)
    for (const def of [mini.loadFormDraft, mini.saveFormDraft, mini.deleteFormDraft, mini.formDraftKept]) {
      expect(def.request.constructor.name, def.type).toMatch(/^ZodMini/);
      expect(def.response.constructor.name, def.type).toMatch(/^ZodMini/);
    }
  });

  it('the background validates with them: a malformed form draft never reaches the store', async () => {
    const router = createRouter(draftHandlers(drafts));
    const { session } = await drafts.load(KEY);
    for (const values of [{ x: 42 }, { '': 'empty key' }, { a: 'x'.repeat(5001) }, Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`k${i}`, 'v']))]) {
      expect(await router({ type: mini.saveFormDraft.type, payload: { key: KEY, session, values } }, tab(3)), JSON.stringify(values).slice(0, 40)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    }
    expect(await router({ type: mini.saveFormDraft.type, payload: { key: { ...KEY, item: 'other' }, session, values: {} } }, tab(3))).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await router({ type: mini.saveFormDraft.type, payload: { key: KEY, session, values: { a: 'b' } } }, tab(3))).toEqual({ ok: true, data: { saved: true } });
  });
});

describe('is what was typed in this tab kept? (the 登录超时 / 维护 page asks)', () => {
  it('answers for the asking tab only, with the dates and no values; not after the form was emptied', async () => {
    const router = createRouter(draftHandlers(drafts));
    const ask = (id: number) => router({ type: mini.formDraftKept.type, payload: {} }, tab(id));
    expect(await ask(5)).toEqual({ ok: true, data: { kept: false, updatedAt: null, expiresAt: null } });
    const { session } = await drafts.load(KEY, 5);
    await router({ type: mini.saveFormDraft.type, payload: { key: KEY, session, values: { 'claimant.name|报销人姓名|0': '李福根' } } }, tab(5));
    expect(await ask(5)).toEqual({ ok: true, data: { kept: true, updatedAt: '2026-05-06T20:00:00.000Z', expiresAt: '2026-05-13T20:00:00.000Z' } });
    expect(JSON.stringify(await ask(5))).not.toContain('李福根');
    expect(await ask(6)).toMatchObject({ data: { kept: false } });
    await router({ type: mini.saveFormDraft.type, payload: { key: KEY, session, values: {} } }, tab(5));
    expect(await ask(5)).toMatchObject({ data: { kept: false } });
  });

  it('also while the helper is locked (the draft stays sealed); not after 结束本次服务 or the expiry', async () => {
    const { session } = await drafts.load(KEY, 5);
    await profiles.setPassphrase(undefined, 'kept while locked');
    await drafts.saveForm(KEY, session, { 'claimant.name|报销人姓名|0': '李福根' }, 5);
    await profiles.lock();
    expect(await drafts.keptInTab(5)).toMatchObject({ kept: true });
    await profiles.endSession();
    expect(await drafts.keptInTab(5)).toMatchObject({ kept: false });

    const fresh = await drafts.load(KEY, 7);
    await profiles.unlock('kept while locked');
    await drafts.saveForm(KEY, fresh.session, { a: 'b' }, 7);
    expect(await drafts.keptInTab(7)).toMatchObject({ kept: true });
    now += 7 * DAY + 1;
    expect(await drafts.keptInTab(7)).toMatchObject({ kept: false });
  });
});

describe('a confirmed submission ends the form draft of its tab', () => {
  it('the draft the page typed into in that tab goes; another tab’s stays', async () => {
    const router = createRouter([...draftHandlers(drafts), ...endDraftsOnConfirmedSubmission(historyHandlers(() => now), drafts)]);
    const other: DraftKey = { ...KEY, claimant: 'p-mum' };
    const s4 = ((await router({ type: mini.loadFormDraft.type, payload: { key: KEY } }, tab(4))) as { data: { session: string } }).data.session;
    await router({ type: mini.saveFormDraft.type, payload: { key: KEY, session: s4, values: { a: 'typed in tab 4' } } }, tab(4));
    await router({ type: mini.saveFormDraft.type, payload: { key: other, session: s4, values: { a: 'typed in tab 9' } } }, tab(9));
    await router({ type: reportPendingSubmission.type, payload: { invoices: [{ number: '0000778899' }], item: 'resident' } }, tab(4));
    expect(await router({ type: 'history/confirm', payload: {} }, tab(4))).toEqual({ ok: true, data: { recorded: 1 } });
    expect((await drafts.load(KEY)).form).toBeNull();
    expect((await drafts.load(other)).form).toEqual({ a: 'typed in tab 9' });
    expect(await drafts.keptInTab(4)).toMatchObject({ kept: false });
  });
});
