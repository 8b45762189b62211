/**
 * Profiles in the built extension: import a file, list it, export it back byte-identically, refuse a
 * corrupt or partly invalid file without changing anything, lock with a passphrase (records sealed,
 * wrong passphrase refused and harmless, right one unlocks), volunteer 结束本次服务, and nothing of a
 * profile in the portal page's own storage.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launch, helperFrame, ITEM, type Session } from './harness';

/** Written by hand in the documented format (docs/profiles.md): the export must give back these bytes. */
const FILE = `{
  "format": "zwdt-reimburse-helper/profiles",
  "version": 1,
  "profiles": [
    {
      "id": "7d0c1c2e-0000-4000-8000-000000000001",
      "displayName": "爸爸",
      "name": "王建国",
      "idNumber": "310117195505050045",
      "phone": "13812345678",
      "mailingAddress": "上海市松江区泗泾镇泗通路225弄3号",
      "insuranceType": "employee",
      "bankName": "中国工商银行",
      "bankAccount": "6222021001122334455",
      "relation": "父亲",
      "postcode": "201601",
      "createdAt": "2026-01-02T03:04:05.000Z",
      "updatedAt": "2026-01-02T03:04:05.000Z"
    },
    {
      "id": "7d0c1c2e-0000-4000-8000-000000000002",
      "displayName": "妈妈",
      "name": "李秀英",
      "idNumber": "31022719500315001X",
      "phone": "021-57781234",
      "mailingAddress": "松江区九亭镇涞亭南路888弄",
      "insuranceType": "resident",
      "bankName": "上海农商银行",
      "bankAccount": "6224123456789012",
      "bankAccountName": "李秀英",
      "notes": "腿脚不便，快递请送到门口",
      "createdAt": "2026-01-02T03:05:00.000Z",
      "updatedAt": "2026-02-03T04:05:06.000Z"
    },
    {
      "id": "7d0c1c2e-0000-4000-8000-000000000003",
      "name": "王小明",
      "idNumber": "310117198801010076",
      "phone": "13900001111",
      "mailingAddress": "上海市松江区中山街道中山东路1号",
      "insuranceType": "employee",
      "bankName": "招商银行",
      "bankAccount": "6214830212345678",
      "isSelf": true,
      "createdAt": "2026-01-03T00:00:00.000Z",
      "updatedAt": "2026-01-03T00:00:00.000Z"
    }
  ]
}
`;
const IDS = ['7d0c1c2e-0000-4000-8000-000000000001', '7d0c1c2e-0000-4000-8000-000000000002', '7d0c1c2e-0000-4000-8000-000000000003'];
const SECRETS = ['王建国', '310117195505050045', '31022719500315001X', '6222021001122334455', '13812345678', '涞亭南路'];

const PASSPHRASE = '泗泾老街的桂花糕';

describe('profiles (options page)', () => {
  let s: Session;
  let page: Page;
  let dir: string;

  const file = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const listedIds = () => page.$$eval('[data-testid="profile-item"]', (els) => els.map((e) => e.getAttribute('data-profile-id')).sort());
  const importFile = async (path: string) => {
    const input = await page.waitForSelector('input[type=file][data-testid="profile-import-input"]');
    await input!.uploadFile(path);
  };
  const tab = async (id: string) => {
    await page.click(`[data-testid="tab-${id}"]`);
    await page.waitForSelector(`[data-testid="panel-${id}"]`);
  };
  /** Raw records of the extension's IndexedDB, ArrayBuffers as byte arrays (for before/after comparison). */
  const rawProfiles = () =>
    page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const req = indexedDB.open('zwdt-reimburse-helper');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const db = req.result;
            const get = db.transaction('profiles').objectStore('profiles').getAll();
            get.onsuccess = () => {
              db.close();
              resolve(JSON.stringify(get.result, (_k, v) => (v instanceof ArrayBuffer ? Array.from(new Uint8Array(v)) : v instanceof Uint8Array ? Array.from(v) : v)));
            };
            get.onerror = () => reject(get.error);
          };
        }),
    );
  const exportText = async () => {
    await page.evaluate(() => {
      const ta = document.querySelector<HTMLTextAreaElement>('[data-testid="profile-export-text"]');
      if (ta) ta.value = '';
    });
    await page.click('[data-testid="profile-export"]');
    await page.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>('[data-testid="profile-export-text"]')?.value ?? '') !== '');
    return page.$eval('[data-testid="profile-export-text"]', (el) => (el as HTMLTextAreaElement).value);
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zwdt-profiles-'));
    s = await launch();
    page = await s.newPage(s.extensionUrl('options.html'));
    const cdp = await page.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir }).catch(() => {});
    await page.waitForSelector('[data-testid="profiles-empty"]');
  });
  after(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a file and lists its people', async () => {
    await importFile(file('profiles.json', FILE));
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="profile-item"]').length === n, {}, 3);
    assert.deepEqual(await listedIds(), [...IDS].sort());
    const first = await page.$eval('[data-testid="profile-item"]', (el) => (el as HTMLElement).innerText);
    assert.match(first, /王小明/, '我自己 is listed first');
    assert.match(first, /我自己/);
    const all = await page.$eval('.zh-profile-list', (el) => (el as HTMLElement).innerText);
    assert.match(all, /310117\*{8}0045/, 'ID numbers are masked in the list');
    assert.doesNotMatch(all, /310117195505050045/);
  });

  it('exports the identical file (download link and text)', async () => {
    const text = await exportText();
    assert.equal(text, FILE);
    const download = await page.$eval('[data-testid="profile-export-link"]', (a) => ({ name: a.getAttribute('download'), href: (a as HTMLAnchorElement).href }));
    assert.match(download.name ?? '', /^报销人资料-\d{4}-\d{2}-\d{2}\.json$/);
    const fetched = await page.evaluate((href) => fetch(href).then((r) => r.text()), download.href);
    assert.equal(fetched, FILE);
  });

  it('refuses a corrupt file and a partly invalid one; stored profiles unchanged', async () => {
    const before = await rawProfiles();
    await importFile(file('corrupt.json', FILE.slice(0, 300)));
    let msg = await page.waitForSelector('[data-testid="profile-import-error"]');
    assert.match(await msg!.evaluate((el) => (el as HTMLElement).innerText), /损坏|无法读取/);

    const partly = JSON.parse(FILE);
    partly.profiles[0].id = 'new-a';
    partly.profiles[0].idNumber = '310117196001011231';
    partly.profiles[1].id = 'new-b';
    partly.profiles[1].idNumber = '310117195707070053'; // wrong check digit
    await importFile(file('partly.json', JSON.stringify(partly, null, 2)));
    await page.waitForFunction(() => /第 2 个人/.test(document.querySelector('[data-testid="profile-import-error"]')?.textContent ?? ''));
    msg = await page.$('[data-testid="profile-import-error"]');
    const text = await msg!.evaluate((el) => (el as HTMLElement).innerText);
    assert.match(text, /第 2 个人（李秀英）的「身份证号码」/);
    assert.match(text, /没有导入任何内容/);

    await importFile(file('foreign.json', JSON.stringify({ format: 'other-app/contacts', version: 1, profiles: [] })));
    await page.waitForFunction(() => /不是本助手/.test(document.querySelector('[data-testid="profile-import-error"]')?.textContent ?? ''));

    assert.deepEqual(await listedIds(), [...IDS].sort());
    assert.equal(await rawProfiles(), before);
  });

  it('asks before replacing a person whose ID number already exists', async () => {
    const again = JSON.parse(FILE);
    again.profiles = [{ ...again.profiles[0], id: 'dup-1', phone: '13911112222' }];
    await importFile(file('dup.json', JSON.stringify(again, null, 2) + '\n'));
    await page.waitForSelector('[data-testid="import-conflicts"]');
    const text = await page.$eval('[data-testid="import-conflict"]', (el) => (el as HTMLElement).innerText);
    assert.match(text, /王建国/);
    await page.click('[data-testid="conflict-cancel"]');
    await page.waitForFunction(() => !document.querySelector('[data-testid="import-conflicts"]'));
    assert.deepEqual(await listedIds(), [...IDS].sort());
  });

  it('keeps nothing of a profile in the portal page’s own storage', async () => {
    const portal = await s.newPage(`https://zwdt.sh.gov.cn/govPortals/apply/${ITEM.employee}/basic`);
    // the helper has shown its people in the page (the moment a leak into the page's storage would happen)
    const panel = await helperFrame(portal);
    await panel.waitForSelector(`[data-testid="claimant-select"] option[value="${IDS[0]}"]`);
    const stored = await portal.evaluate(async () => {
      const dump: string[] = [document.cookie];
      for (const st of [localStorage, sessionStorage]) for (let i = 0; i < st.length; i++) dump.push(st.key(i)!, st.getItem(st.key(i)!) ?? '');
      const dbs = await indexedDB.databases();
      dump.push(JSON.stringify(dbs));
      return { dump: dump.join('\n'), dbNames: dbs.map((d) => d.name) };
    });
    assert.ok(!stored.dbNames.includes('zwdt-reimburse-helper'), 'the extension database is not in the page origin');
    for (const secret of SECRETS) assert.ok(!stored.dump.includes(secret), `page storage holds ${secret}`);
    await portal.close();
  });

  it('locks with a passphrase: sealed at rest, wrong passphrase refused and harmless, right one unlocks', async () => {
    await tab('settings');
    await page.type('[data-testid="lock-passphrase"]', PASSPHRASE);
    await page.click('[data-testid="lock-set"]');
    await page.waitForFunction(() => /已加密/.test(document.querySelector('[data-testid="lock-message"]')?.textContent ?? ''), { timeout: 30_000 });
    const sealed = await rawProfiles();
    for (const secret of SECRETS) assert.ok(!sealed.includes(secret), `stored records still show ${secret}`);
    assert.ok(!sealed.includes('"plain"'));

    await page.click('[data-testid="lock-now"]');
    await tab('profiles');
    await page.waitForSelector('[data-testid="unlock-passphrase"]');
    assert.equal((await page.$$('[data-testid="profile-item"]')).length, 0);
    const lockedRecords = await rawProfiles();

    await page.type('[data-testid="unlock-passphrase"]', 'this is not it');
    await page.click('[data-testid="unlock-button"]');
    const err = await page.waitForSelector('[data-testid="unlock-error"]', { timeout: 30_000 });
    assert.match(await err!.evaluate((el) => (el as HTMLElement).innerText), /密码不对/);
    assert.equal(await rawProfiles(), lockedRecords, 'a wrong passphrase changes nothing');
    assert.equal((await page.$$('[data-testid="profile-item"]')).length, 0);

    // A reload (new page) stays locked: the key lives only in the background's session storage.
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('[data-testid="unlock-passphrase"]');

    await page.click('[data-testid="unlock-passphrase"]', { count: 3 });
    await page.type('[data-testid="unlock-passphrase"]', PASSPHRASE);
    await page.click('[data-testid="unlock-button"]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="profile-item"]').length === n, { timeout: 30_000 }, 3);
    assert.deepEqual(await listedIds(), [...IDS].sort());
    assert.equal(await exportText(), FILE, 'the data is intact after lock, wrong passphrase and unlock');
  });

  it('volunteer mode: a new person is temporary and 结束本次服务 removes them', async () => {
    await tab('settings');
    await page.click('[data-testid="settings-volunteer"]');
    await page.waitForFunction(() => (document.querySelector('[data-testid="settings-volunteer"]') as HTMLInputElement | null)?.checked === true);
    await tab('profiles');
    await page.click('[data-testid="profile-add"]');
    await page.waitForSelector('[data-testid="profile-form"]');
    await page.type('#pf-name', '居民甲');
    await page.type('#pf-idNumber', '310117196001011232');
    const idMsg = await page.waitForSelector('#pf-idNumber-msg');
    assert.match(await idMsg!.evaluate((el) => (el as HTMLElement).innerText), /校验位/, 'the check digit is explained while typing');
    await page.$eval('#pf-idNumber', (el) => ((el as HTMLInputElement).value = ''));
    await page.click('#pf-idNumber', { count: 3 });
    await page.keyboard.press('Backspace');
    await page.type('#pf-idNumber', '310117196001011231');
    await page.waitForFunction(() => /周岁/.test(document.querySelector('#pf-idNumber-msg')?.textContent ?? ''));
    await page.click('#pf-insurance-resident');
    await page.type('#pf-phone', '13700001111');
    await page.type('#pf-mailingAddress', '七宝镇七莘路100号');
    await page.waitForFunction(() => /闵行/.test(document.querySelector('#pf-mailingAddress-msg')?.textContent ?? ''));
    await page.click('#pf-mailingAddress', { count: 3 });
    await page.keyboard.press('Backspace');
    await page.type('#pf-mailingAddress', '上海市松江区岳阳街道人民南路1号');
    await page.type('#pf-bankName', '中国银行');
    await page.type('#pf-bankAccount', '6217 0000 1111 2222 333');
    await page.click('[data-testid="profile-save"]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="profile-item"]').length === n, {}, 4);
    const items = await page.$$eval('[data-testid="profile-item"]', (els) => els.map((e) => (e as HTMLElement).innerText));
    assert.ok(items.some((x) => /居民甲/.test(x) && /临时/.test(x)));

    await page.click('[data-testid="end-session"]');
    await page.waitForSelector('[data-testid="confirm-end-session"]');
    await page.click('[data-testid="confirm-end-session"] [data-testid="confirm-ok"]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="profile-item"]').length === n, {}, 3);
    assert.deepEqual(await listedIds(), [...IDS].sort());
    const result = await page.$eval('[data-testid="end-session-result"]', (el) => (el as HTMLElement).innerText);
    assert.match(result, /删除了 1 个临时资料/);
  });
});
