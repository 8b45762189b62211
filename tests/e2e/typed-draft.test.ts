/**
 * Never lose what was typed (issue 10), through the built extension on both replicas: what the user types in
 * the application is kept as a draft in the extension while the portal's login expires or the service stops
 * for maintenance; the portal's 登录超时 / 维护 page says in plain words that it is kept; back on the form,
 * 「恢复上次填写的内容」 puts every field (and the 发票信息 row) back through the autofill drivers, into the
 * framework's own model (`window.__replica.state()`). 结束本次服务 leaves nothing to offer; with the lock on,
 * the stored draft holds no plain value.
 *
 *   npm run build && node tests/e2e/run.mjs typed-draft
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { launch, helperFrame, importProfiles, replicaState, ITEM, ROOT, type Session } from './harness';

const ELEMENT_URL = `https://zwdt.sh.gov.cn/govPortals/apply/${ITEM.employee}/basic`;
const BOOTSTRAP_URL = `https://ywtb.sh.gov.cn:18018/ac-product-net/netapply/apply.do?itemCode=${ITEM.resident}`;
const MOTHER = 'demo-mother-wang';
const FATHER = 'demo-father-li';
const SELF = 'demo-self-li';
const PASSPHRASE = '醉白池的荷花开了';

type Ctx = Page | Frame;
type Mode = { sessionExpired?: boolean; maintenance?: boolean; loggedOut?: boolean };

/** The form as the framework keeps it, without the traps the helper must never keep or restore. */
const TRAPS = ['emergencyPhone', 'workPhone', 'captcha', 'siteSearch'];
const keptPart = (form: Record<string, unknown>) => Object.fromEntries(Object.entries(form).filter(([k]) => !TRAPS.includes(k)));

// ------------------------------------------------------------------ a person typing (no sleeps: conditions)

/** The visible form item of an Element form whose label reads `label`. */
async function elItem(ctx: Ctx, label: string, root = 'body'): Promise<ElementHandle<Element>> {
  const h = await ctx.waitForFunction(
    (label: string, root: string) =>
      ([...document.querySelectorAll(`${root} .el-form-item`)] as HTMLElement[]).find((it) => {
        const l = it.querySelector(':scope > .el-form-item__label');
        return l && l.textContent!.replace(/[\s:：]/g, '') === label && it.offsetParent !== null;
      }) ?? null,
    {},
    label,
    root,
  );
  return h.asElement() as ElementHandle<Element>;
}

async function typeInto(input: ElementHandle<Element>, text: string) {
  await input.click({ count: 3 });
  await input.press('Backspace');
  await input.type(text);
}

async function elType(ctx: Ctx, label: string, text: string, root?: string) {
  const input = (await (await elItem(ctx, label, root)).$('input, textarea'))!;
  await typeInto(input, text);
  await input.evaluate((e) => (e as HTMLElement).blur());
}

/** Click the visible element matching `selector` whose text is `text`, until `done()` holds in the page. */
async function clickUntil(page: Page, selector: string, text: string, done: string) {
  await page.waitForFunction(
    (selector: string, text: string, done: string) => {
      // eslint-disable-next-line no-new-func
      if (new Function(`return (${done})`)()) return true;
      const el = ([...document.querySelectorAll(selector)] as HTMLElement[]).find((e) => e.textContent!.trim() === text && e.offsetParent !== null && getComputedStyle(e).visibility !== 'hidden' && getComputedStyle(e).opacity === '1');
      el?.click();
      return false;
    },
    { polling: 200 },
    selector,
    text,
    done,
  );
}

async function clickButton(page: Page, text: string) {
  const h = await page.waitForFunction((text: string) => ([...document.querySelectorAll('button')] as HTMLElement[]).find((b) => b.textContent!.replace(/\s/g, '') === text && b.offsetParent !== null) ?? null, {}, text);
  await (h.asElement() as ElementHandle<Element>).click();
}

// ------------------------------------------------------------------ the extension

async function openWithPanel(s: Session, url: string, claimant: string, agent = ''): Promise<{ page: Page; panel: Frame }> {
  const page = await s.newPage(url);
  page.on('dialog', (d) => void d.accept());
  const panel = await helperFrame(page);
  await panel.waitForSelector(`[data-testid="claimant-select"] option[value="${claimant}"]`);
  await panel.select('[data-testid="claimant-select"]', claimant);
  await panel.select('[data-testid="agent-select"]', agent);
  return { page, panel };
}

/** The draft the background keeps for this key (read through its own message, from an extension page). */
async function keptValues(s: Session, key: { item: string; claimant: string; application: string }): Promise<Record<string, string> | null> {
  const page = await s.newPage(s.extensionUrl('options.html'));
  try {
    const res = await page.evaluate((key) => (globalThis as any).chrome.runtime.sendMessage({ type: 'drafts/form-load', payload: { key } }), key);
    assert.ok(res?.ok, JSON.stringify(res));
    return res.data.values;
  } finally {
    await page.close();
  }
}

/** Wait until the kept draft holds what `pred` wants (the capture is debounced). */
async function untilKept(s: Session, key: { item: string; claimant: string; application: string }, pred: (v: Record<string, string>) => boolean, what: string) {
  let v: Record<string, string> | null = null;
  for (let i = 0; i < 200; i++) {
    v = await keptValues(s, key);
    if (v && pred(v)) return v;
  }
  assert.fail(`the draft never held ${what}: ${JSON.stringify(v)}`);
}

/** Raw records of one store of the extension's IndexedDB, binary as byte arrays. */
async function rawStore(s: Session, store: string): Promise<string> {
  const page = await s.newPage(s.extensionUrl('options.html'));
  try {
    return await page.evaluate(
      (name) =>
        new Promise<string>((resolve, reject) => {
          const req = indexedDB.open('zwdt-reimburse-helper');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const get = req.result.transaction(name).objectStore(name).getAll();
            get.onsuccess = () => {
              req.result.close();
              resolve(JSON.stringify(get.result, (_k, v) => (v instanceof ArrayBuffer ? Array.from(new Uint8Array(v)) : v instanceof Uint8Array ? Array.from(v) : v)));
            };
            get.onerror = () => reject(get.error);
          };
        }),
      store,
    );
  } finally {
    await page.close();
  }
}

async function setMode(s: Session, mode: Mode) {
  (s.replica as unknown as { setMode(m: Mode): void }).setMode(mode);
}

/** The portal's outage page says, in the helper's notice, that what was typed is kept. */
async function keptNotice(page: Page): Promise<string> {
  const notice = await page.waitForSelector('pierce/[data-testid="draft-kept-notice"]', { visible: true });
  return notice!.evaluate((e) => (e as HTMLElement).innerText);
}

/** The panel's offer, once it answered for `claimant`. */
async function offer(panel: Frame, claimant: string): Promise<string> {
  await panel.waitForSelector(`[data-testid="draft-section"][data-draft-claimant="${claimant}"] [data-testid="draft-restore"]`);
  return panel.$eval('[data-testid="draft-section"]', (e) => (e as HTMLElement).innerText);
}

async function restore(panel: Frame): Promise<string> {
  await panel.click('[data-testid="draft-restore"]');
  const report = await panel.waitForSelector('[data-testid="draft-restore-report"]', { timeout: 60_000 });
  return report!.evaluate((e) => (e as HTMLElement).innerText);
}

describe('never lose what was typed (issue 10)', () => {
  let s: Session;
  before(async () => {
    s = await launch();
    await importProfiles(s, readFileSync(join(ROOT, 'tests/fixtures/profiles.demo.json'), 'utf8'));
  });
  after(async () => {
    await s?.close();
  });
  beforeEach(() => s.replica.reset());

  it('Element: the login expires → 登录超时 page says it is kept → back, 恢复 puts every field and the invoice row into Vue’s model', async () => {
    const { page, panel } = await openWithPanel(s, ELEMENT_URL, MOTHER, SELF);
    await page.waitForSelector('.el-form-item', { visible: true });
    // the helper fills the choices (radio, select, date, cascader), the user types over some of it and adds traps
    await panel.click('[data-testid="autofill-button"]');
    await panel.waitForSelector('[data-testid="autofill-summary"]', { timeout: 30_000 });
    await elType(page, '手机号码', '13800138000');
    await elType(page, '详细地址', '泗泾镇泗通路225弄3号102室');
    await elType(page, '紧急联系人电话', '13911112222');
    await elType(page, '验证码', 'AB12');
    // 发票信息: one row typed into the page's own dialog
    await clickButton(page, '下一步');
    await page.waitForFunction(() => location.pathname.endsWith('/invoice'));
    await clickButton(page, '新增');
    const dlg = '.el-dialog__wrapper';
    await page.waitForSelector(`${dlg} .el-dialog`, { visible: true });
    await elType(page, '票据代码', '31060126', dlg);
    await elType(page, '票据号码', '0012345678', dlg);
    const date = (await (await elItem(page, '开票日期', dlg)).$('input'))!;
    await typeInto(date, '2026-09-12');
    await date.press('Enter');
    await (await (await elItem(page, '就诊类型', dlg)).$('.el-select'))!.click();
    await clickUntil(page, '.el-select-dropdown__item', '门诊', `document.querySelector('.el-dialog__wrapper .el-select input').value === '门诊'`);
    await elType(page, '医疗机构名称', '上海市松江区中心医院', dlg);
    await elType(page, '金额(元)', '256.80', dlg);
    await clickButton(page, '确定');
    await page.waitForFunction(() => (window as any).__replica.state().invoices.length === 1);
    const before = await replicaState(page);
    assert.equal(before.form.mobile, '13800138000');
    assert.equal(before.form.emergencyPhone, '13911112222');

    const key = { item: 'employee', claimant: MOTHER, application: '' };
    const kept = await untilKept(s, key, (v) => Object.values(v).includes('13800138000') && Object.values(v).includes('0012345678'), 'the typed phone and the row');
    assert.ok(!Object.values(kept).includes('13911112222'), 'a trap (紧急联系人电话) is never kept');
    assert.ok(!Object.values(kept).includes('AB12'), 'the captcha is never kept');
    const pageStorage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    assert.ok(!pageStorage.includes('13800138000'), 'nothing in the page’s own storage');

    // the login expired: the next load meets the portal's 登录超时 page
    await setMode(s, { loggedOut: true });
    const res = await page.goto(ELEMENT_URL, { waitUntil: 'load' });
    assert.equal(res?.status(), 401);
    assert.match(await keptNotice(page), /填写的内容.*保存在这台电脑上/s);

    // logged in again: the form comes back empty, the panel offers what was typed
    await setMode(s, { loggedOut: false });
    await page.goto(ELEMENT_URL, { waitUntil: 'load' });
    await page.waitForSelector('.el-form-item', { visible: true });
    const again = await helperFrame(page);
    await again.waitForSelector(`[data-testid="claimant-select"] option[value="${MOTHER}"]`);
    await again.select('[data-testid="claimant-select"]', MOTHER);
    await again.select('[data-testid="agent-select"]', SELF);
    const offered = await offer(again, MOTHER);
    assert.match(offered, /上次填写的内容还在/);
    assert.match(offered, /13800138000/);
    assert.equal((await replicaState(page)).form.mobile, '', 'nothing is put into the page before the user chooses');
    const report = await restore(again);
    assert.match(report, /已恢复 \d+ 项/);
    assert.doesNotMatch(report, /没有恢复/);
    const back = await replicaState(page);
    assert.deepEqual(keptPart(back.form), keptPart(before.form), 'every field back in Vue’s model');
    assert.equal(back.form.emergencyPhone, '');
    assert.equal(back.form.captcha, '');

    // the row waits for its step
    await clickButton(page, '下一步');
    await page.waitForFunction(() => location.pathname.endsWith('/invoice'));
    const rowOffer = await offer(again, MOTHER);
    assert.match(rowOffer, /0012345678/);
    await restore(again);
    await page.waitForFunction(() => (window as any).__replica.state().invoices.length === 1);
    assert.deepEqual((await replicaState(page)).invoices, before.invoices);
    assert.deepEqual(s.replica.submissions, []);
    await page.close();
  });

  it('Bootstrap: maintenance → the 维护 page says it is kept → back, 恢复 puts every field and the row into the form the page posts', async () => {
    const { page } = await openWithPanel(s, BOOTSTRAP_URL, FATHER, SELF);
    // a person typing every field by its label
    const byLabel = async (label: string) => {
      const h = await page.waitForFunction((label: string) => {
        for (const l of document.querySelectorAll('#pane1 label.control-label, #pane1 td.td-label')) {
          if (l.textContent!.replace(/[\s*:：]/g, '') !== label) continue;
          if (l.tagName === 'TD') return l.nextElementSibling!.querySelector('input,select');
          const id = l.getAttribute('for');
          return id ? document.getElementById(id) : l.nextElementSibling!.querySelector('input,select');
        }
        return null;
      }, {}, label);
      return h.asElement() as ElementHandle<Element>;
    };
    await page.click('label.radio-inline:nth-of-type(2)'); // 委托人办理
    await page.waitForSelector('.row-wt', { visible: true });
    await (await byLabel('报销人姓名')).type('李福根');
    await (await byLabel('报销人身份证')).type('310117194803150017');
    await (await byLabel('委托人姓名')).type('李建国');
    await (await byLabel('委托人身份证号')).type('310117197503120619');
    await (await byLabel('联系电话（手机）')).type('13600001111');
    await (await byLabel('就诊日期')).type('2026-09-03');
    await (await byLabel('紧急联系人电话')).type('13700002222');
    await page.select('select[name=f_0207]', '301'); // 交通银行
    await (await byLabel('银行账号')).type('6222600000001111');
    await page.select('select[name=f_0211]', '310117'); // 松江区
    await page.type('input[name=f_0212]', '岳阳街道人民北路200号');
    await page.click('#btnNext');
    await page.waitForSelector('#pane2', { visible: true });
    await page.click('#btnAddFp');
    // Bootstrap focuses the dialog once its fade-in ends: type after that, or keystrokes go astray
    await page.waitForFunction(() => document.activeElement === document.querySelector('#fpModal'));
    await page.type('#fpModal [name=f_0311]', '33010125');
    await page.type('#fpModal [name=f_0312]', '0000778899');
    await page.type('#fpModal [name=f_0313]', '2026-09-03');
    await page.select('#fpModal [name=f_0314]', '12'); // 急诊
    await page.type('#fpModal [name=f_0315]', '上海市松江区泗泾医院');
    await page.type('#fpModal [name=f_0316]', '512.30');
    await page.click('#btnFpOk');
    await page.waitForSelector('#tbFp tr.fp-row');
    const before = await replicaState(page);
    assert.equal(before.invoices.length, 1);

    const key = { item: 'resident', claimant: FATHER, application: '' };
    const kept = await untilKept(s, key, (v) => Object.values(v).includes('岳阳街道人民北路200号') && Object.values(v).includes('0000778899'), 'the typed address and the row');
    assert.ok(!Object.values(kept).includes('13700002222'), 'a trap is never kept');

    // the insurance systems stop: the next load meets the portal's maintenance page
    await setMode(s, { maintenance: true });
    const res = await page.goto(BOOTSTRAP_URL, { waitUntil: 'load' });
    assert.equal(res?.status(), 503);
    const notice = await keptNotice(page);
    assert.match(notice, /维护/);
    assert.match(notice, /保存到 \d+月\d+日/);

    await setMode(s, { maintenance: false });
    await page.goto(BOOTSTRAP_URL, { waitUntil: 'load' });
    const again = await helperFrame(page);
    await again.waitForSelector(`[data-testid="claimant-select"] option[value="${FATHER}"]`);
    await again.select('[data-testid="claimant-select"]', FATHER);
    await again.select('[data-testid="agent-select"]', SELF);
    await offer(again, FATHER);
    assert.equal((await replicaState(page)).form.reimburserName, '');
    const report = await restore(again);
    assert.doesNotMatch(report, /没有恢复/);
    const back = await replicaState(page);
    assert.deepEqual(keptPart(back.form), keptPart(before.form), 'every field back in the form the page posts');
    assert.equal(back.form.emergencyPhone, '');

    await page.click('#btnNext');
    await page.waitForSelector('#pane2', { visible: true });
    await offer(again, FATHER);
    await restore(again);
    await page.waitForSelector('#tbFp tr.fp-row');
    assert.deepEqual((await replicaState(page)).invoices, before.invoices);
    assert.deepEqual(s.replica.submissions, []);
    await page.close();
  });

  it('结束本次服务: the kept draft is gone and nothing is offered afterwards', async () => {
    const { page, panel } = await openWithPanel(s, ELEMENT_URL, SELF, '');
    await page.waitForSelector('.el-form-item', { visible: true });
    await elType(page, '报销人姓名', '李建国');
    await elType(page, '详细地址', '九亭镇涞亭南路888弄');
    const key = { item: 'employee', claimant: SELF, application: '' };
    await untilKept(s, key, (v) => Object.values(v).includes('九亭镇涞亭南路888弄'), 'the typed address');
    await panel.waitForSelector('[data-testid="draft-status"]');

    // a volunteer ends the session (volunteer mode shows 结束本次服务)
    const options = await s.newPage(s.extensionUrl('options.html'));
    await options.waitForSelector('[data-testid="tab-settings"]');
    await options.click('[data-testid="tab-settings"]');
    await options.waitForSelector('[data-testid="settings-volunteer"]');
    await options.click('[data-testid="settings-volunteer"]');
    await options.waitForFunction(() => (document.querySelector('[data-testid="settings-volunteer"]') as HTMLInputElement | null)?.checked === true);
    await options.click('[data-testid="tab-profiles"]');
    await options.waitForSelector('[data-testid="end-session"]');
    await options.click('[data-testid="end-session"]');
    await options.waitForSelector('[data-testid="confirm-end-session"] [data-testid="confirm-ok"]');
    await options.click('[data-testid="confirm-end-session"] [data-testid="confirm-ok"]');
    await options.waitForFunction(() => /删除/.test(document.querySelector('[data-testid="end-session-result"]')?.textContent ?? ''));
    await options.close();
    assert.equal(await keptValues(s, key), null);

    // the page still open: typing more keeps nothing
    await page.bringToFront();
    await elType(page, '手机号码', '13512345678');
    await page.click('body');
    // opened again (maintenance or not): nothing to restore
    await setMode(s, { maintenance: true });
    await page.goto(ELEMENT_URL, { waitUntil: 'load' });
    await page.waitForSelector('h1');
    assert.equal(await page.$('pierce/[data-testid="draft-kept-notice"]'), null, 'no notice: nothing is kept');
    await setMode(s, { maintenance: false });
    await page.goto(ELEMENT_URL, { waitUntil: 'load' });
    await page.waitForSelector('.el-form-item', { visible: true });
    const again = await helperFrame(page);
    await again.waitForSelector(`[data-testid="claimant-select"] option[value="${SELF}"]`);
    await again.select('[data-testid="claimant-select"]', SELF);
    await again.waitForSelector(`[data-testid="draft-section"][data-draft-claimant="${SELF}"][data-draft-checked="true"]`);
    assert.equal(await again.$('[data-testid="draft-restore"]'), null);
    assert.equal(await keptValues(s, key), null);
    assert.equal(await rawStore(s, 'drafts'), '[]');
    await page.close();
  });

  it('with the lock on, the kept draft is sealed: the extension’s IndexedDB holds no typed value', async () => {
    const options = await s.newPage(s.extensionUrl('options.html'));
    await options.waitForSelector('[data-testid="tab-settings"]');
    await options.click('[data-testid="tab-settings"]');
    await options.waitForSelector('[data-testid="lock-passphrase"]');
    await options.type('[data-testid="lock-passphrase"]', PASSPHRASE);
    await options.click('[data-testid="lock-set"]');
    await options.waitForFunction(() => /已加密/.test(document.querySelector('[data-testid="lock-message"]')?.textContent ?? ''), { timeout: 60_000 });

    const { page } = await openWithPanel(s, ELEMENT_URL, MOTHER, '');
    await page.waitForSelector('.el-form-item', { visible: true });
    await elType(page, '报销人姓名', '王秀英');
    await elType(page, '银行卡号（报销人本人）', '6217001234567890123');
    await elType(page, '详细地址', '泗泾镇泗通路225弄3号101室');
    const key = { item: 'employee', claimant: MOTHER, application: '' };
    await untilKept(s, key, (v) => Object.values(v).includes('泗泾镇泗通路225弄3号101室'), 'the typed address');
    const raw = await rawStore(s, 'drafts');
    for (const secret of ['王秀英', '6217001234567890123', '泗泾镇泗通路225弄3号101室', '泗通路']) assert.ok(!raw.includes(secret), `the stored draft shows ${secret}`);
    assert.match(raw, /"sealed"/);
    assert.doesNotMatch(raw, /"plain"/);

    // still restored after a reload (the helper is unlocked)
    await page.goto(ELEMENT_URL, { waitUntil: 'load' });
    await page.waitForSelector('.el-form-item', { visible: true });
    const again = await helperFrame(page);
    await again.waitForSelector(`[data-testid="claimant-select"] option[value="${MOTHER}"]`);
    await again.select('[data-testid="claimant-select"]', MOTHER);
    await offer(again, MOTHER);
    await restore(again);
    const { form } = await replicaState(page);
    assert.equal(form.reimburserName, '王秀英');
    assert.equal(form.bankCardNo, '6217001234567890123');
    assert.equal(form.addressDetail, '泗泾镇泗通路225弄3号101室');

    await options.bringToFront();
    await options.evaluate((p) => (globalThis as any).chrome.runtime.sendMessage({ type: 'profiles/remove-passphrase', payload: { current: p } }), PASSPHRASE);
    await options.close();
    await page.close();
  });
});
