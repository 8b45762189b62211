import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRouter } from '@/utils/messaging';
import { resetDbForTests } from '@/utils/db';
import { memoryKeyHolder } from '@/utils/crypto/key-holder';
import { ProfileService } from '@/utils/profiles/service';
import { profileHandlers, registerAutoLock, sessionAttemptStore } from '@/utils/profiles/handlers';
import { AUTOLOCK_ALARM } from '@/utils/crypto/key-holder';
import { settingsHandlers } from '@/utils/settings/messages';
import * as m from '@/utils/profiles/messages';
import { backgroundHandlers } from '@/utils/background/handlers';
import { DraftService } from '@/utils/drafts/service';

beforeEach(async () => {
  fakeBrowser.reset();
  await resetDbForTests();
});

const contentScriptSender = { id: 'test-extension-id', tab: { id: 3 }, frameId: 0, url: 'https://zwdt.sh.gov.cn/govPortals/bsfw/item/x' };

describe('profile handlers', () => {
  const service = new ProfileService({ keys: memoryKeyHolder(), iterations: 1000, minIterations: 1000 });
  const router = createRouter([...profileHandlers(service), ...settingsHandlers()]);

  it('give content scripts nothing', async () => {
    const all = [m.listProfiles, m.getProfile, m.saveProfile, m.deleteProfile, m.previewImport, m.importProfiles, m.exportProfiles, m.getLockState, m.unlock, m.lockNow, m.setPassphrase, m.removePassphrase, m.endSession, m.touchActivity];
    for (const def of all) {
      const reply = await router({ type: def.type, payload: {} }, contentScriptSender);
      expect(reply, def.type).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    }
  });

  it('let content scripts read the (non-personal) settings only', async () => {
    const reply = await router({ type: 'settings/get', payload: {} }, contentScriptSender);
    expect(reply).toMatchObject({ ok: true, data: { textScale: 100, highContrast: false, keepInvoiceImages: false } });
    const write = await router({ type: 'settings/update', payload: { textScale: 200 } }, contentScriptSender);
    expect(write).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('every background handler', () => {
  it('refuses a content-script sender unless it opted in (and the opted-in ones are exactly these)', async () => {
    const service = new ProfileService({ keys: memoryKeyHolder(), iterations: 1000, minIterations: 1000 });
    const handlers = backgroundHandlers(service, new DraftService({ vault: service.vault }));
    const router = createRouter(handlers);
    const open = handlers.filter((h) => h.allowContentScripts).map((h) => h.type).sort();
    // The page features' injection, non-personal settings, invoice numbers for the guard, and the form drafts of the page the user types in
    // (and whether what was typed in the asking tab is kept: its 登录超时 / 维护 page says so).
    expect(open).toEqual(['content/load-page-features', 'drafts/form-delete', 'drafts/form-kept', 'drafts/form-load', 'drafts/form-save', 'history/confirm', 'history/list', 'history/pending', 'settings/get']);
    const closed = handlers.filter((h) => !h.allowContentScripts);
    expect(closed.length).toBeGreaterThan(20);
    for (const h of closed) {
      for (const sender of [contentScriptSender, { ...contentScriptSender, frameId: 5, url: 'https://ywtb.sh.gov.cn:18018/ac-product-net/netapply/apply.do' }, { id: 'another-extension', url: 'chrome-extension://another-extension/page.html' }]) {
        const reply = await router({ type: h.type, payload: {} }, sender);
        expect(reply, `${h.type} from ${sender.url}`).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
      }
    }
    expect(new Set(handlers.map((h) => h.type)).size).toBe(handlers.length); // no type answered twice
  });
});

describe('auto-lock', () => {
  it('locks when the idle alarm fires, and only for its own alarm', async () => {
    const keys = memoryKeyHolder();
    const service = new ProfileService({ keys, iterations: 1000, minIterations: 1000 });
    registerAutoLock(service);
    await service.setPassphrase(undefined, 'auto lock passphrase');
    expect((await service.lockState()).locked).toBe(false);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'something-else', scheduledTime: Date.now(), persistAcrossSessions: false });
    expect((await service.lockState()).locked).toBe(false);
    await fakeBrowser.alarms.onAlarm.trigger({ name: AUTOLOCK_ALARM, scheduledTime: Date.now(), persistAcrossSessions: false });
    await new Promise((r) => setTimeout(r, 10));
    expect((await service.lockState()).locked).toBe(true);
  });
});

describe('wrong-passphrase pause', () => {
  it('survives a service-worker restart (count kept in storage.session)', async () => {
    const keys = memoryKeyHolder();
    const make = () => new ProfileService({ keys, iterations: 1000, minIterations: 1000, attempts: sessionAttemptStore() });
    let service = make();
    await service.setPassphrase(undefined, 'the right passphrase');
    await service.lock();
    for (let i = 0; i < 5; i++) await expect(service.unlock(`wrong ${i}`)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    service = make(); // the worker restarted
    await expect(service.unlock('the right passphrase')).rejects.toMatchObject({ code: 'too-many-attempts' });
  });
});
