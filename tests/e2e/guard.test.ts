/**
 * The pre-submission guard, end to end: the built extension on both replicas (Element SPA on
 * zwdt, Bootstrap/jQuery on ywtb:18018) and the 物流申请 dialog. A user fills, adds invoices and
 * chooses files; the guard must raise each code, let a clean application through without a
 * modal, replay exactly the user's action on "仍然继续", do nothing on "返回修改", and the replica
 * must record no submission the user did not make.
 *
 *   npm run build && node tests/e2e/run.mjs guard
 *
 * What the page cannot show (OCR'd 医保类型 / 交款人, a deceased claimant) reaches the content
 * script the way the panel sends it: the `panel/set-claim-context` message from the panel frame.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Frame, ElementHandle } from 'puppeteer-core';
import { launch, helperFrame, sleep, type Session } from './harness';

const ZB = 'c85a49fb-2dc3-4a53-95e1-25e9b0491bae';
const JB_CODE = '310117006000-0102';
const MODAL = '[data-zwdt-guard="modal"]';

let session: Session;
let filesDir: string;
const files: Record<string, string> = {};

before(async () => {
  // GUARD_EXT_DIR: a copy of the build, so a parallel `npm run build` cannot pull it away mid-run
  session = await launch(process.env.GUARD_EXT_DIR ? { extensionDir: process.env.GUARD_EXT_DIR } : {});
  filesDir = mkdtempSync(join(tmpdir(), 'guard-files-'));
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  for (const n of ['银行卡.png', '社保卡.png', '身份证.png', '委托人身份证.png', '出院小结.png', '发票1.png', '发票明细1.png']) {
    files[n] = join(filesDir, n);
    writeFileSync(files[n], png);
  }
});

after(async () => {
  await session?.close();
  if (filesDir) rmSync(filesDir, { recursive: true, force: true });
});

async function newPage(): Promise<Page> {
  const page = await session.newPage();
  page.setDefaultTimeout(60_000); // a shared 2-core machine: Element's transitions can be slow
  page.on('dialog', (d) => void d.accept());
  if (process.env.GUARD_E2E_DEBUG) {
    page.on('console', (m) => console.log('[page]', m.type(), m.text()));
    page.on('pageerror', (e) => console.log('[pageerror]', String(e)));
  }
  return page;
}

/** Invoice numbers the extension has noted as filed from this device. */
async function filedNumbers(): Promise<string[]> {
  const p = await session.newPage(session.extensionUrl('options.html'));
  const res = await p.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'history/list', payload: {} }));
  await p.close();
  return res?.ok ? res.data.numbers : [];
}

// ---------------- the guard's modal ----------------

async function waitModal(page: Page | Frame): Promise<string[]> {
  await page.waitForSelector(`${MODAL} >>> [data-testid="submit-warnings"]`, { timeout: 30_000 });
  const codes = await page.$$eval(`${MODAL} >>> [data-warning-code]`, (els) => els.map((e) => e.getAttribute('data-warning-code')!));
  return codes;
}
async function modalText(page: Page | Frame): Promise<string> {
  return page.$eval(`${MODAL} >>> [data-testid="submit-warnings"]`, (e) => e.textContent ?? '');
}
async function noModal(page: Page, ms = 700) {
  await sleep(ms);
  assert.equal(await page.$(MODAL), null, 'no warnings modal');
}
async function back(page: Page | Frame) {
  const focused = await page.$eval(MODAL, (h) => (h.shadowRoot!.activeElement as HTMLElement | null)?.dataset.testid ?? null);
  assert.equal(focused, 'warnings-back', '返回修改 has the focus');
  await (await page.$(`${MODAL} >>> [data-testid="warnings-back"]`))!.click();
  await page.waitForSelector(MODAL, { hidden: true });
}
async function goOn(page: Page) {
  await (await page.$(`${MODAL} >>> [data-testid="warnings-continue"]`))!.click();
  await page.waitForSelector(MODAL, { hidden: true });
}
async function guardReady(page: Page | Frame, kind: 'application' | 'logistics') {
  await page.waitForFunction((k: string) => document.documentElement.dataset.zwdtHelperPage === k && document.documentElement.hasAttribute('data-zwdt-guard-installed'), { timeout: 60_000 }, kind);
}
/** What the panel sends after the user chose a person / recognised invoices. */
async function setClaim(page: Page, claim: Record<string, unknown>) {
  const frame = await helperFrame(page, 30_000);
  const res = await frame.evaluate(async (payload) => {
    const c = (globalThis as any).chrome;
    const tab = await c.tabs.getCurrent();
    return c.tabs.sendMessage(tab.id, { type: 'panel/set-claim-context', payload, to: location.hash.slice(1) });
  }, { invoices: [], ...claim });
  assert.deepEqual(res, { ok: true, data: { ok: true } });
}

/** The helper's panel sits bottom-right over the page; a user collapses it to reach buttons under it. */
async function collapsePanel(page: Page) {
  try {
    const frame = await helperFrame(page, 30_000);
    const btn = await frame.$('[data-testid="panel-collapse"]');
    if (btn) await btn.click();
    await sleep(300);
  } catch {
    // no panel (yet): nothing covers the page
  }
}

// ---------------- Element helpers (a user clicking and typing) ----------------

type Ctx = Page | Frame;

async function elItem(ctx: Ctx, label: string, root = 'body'): Promise<ElementHandle<Element>> {
  const h = await ctx.waitForFunction((label: string, root: string) => {
    const items = [...document.querySelectorAll(`${root} .el-form-item`)] as HTMLElement[];
    return items.find((it) => {
      const l = it.querySelector(':scope > .el-form-item__label');
      return l && l.textContent!.replace(/[\s:：]/g, '') === label && it.offsetParent !== null;
    }) || null;
  }, { timeout: 30_000 }, label, root);
  return h.asElement() as ElementHandle<Element>;
}
async function elType(ctx: Ctx, label: string, text: string, root?: string) {
  const item = await elItem(ctx, label, root);
  const input = (await item.$('input, textarea'))!;
  await input.click({ count: 3 });
  await input.evaluate((e) => (e as HTMLInputElement).select());
  await input.type(text);
  await input.evaluate((e) => (e as HTMLElement).blur());
}
async function elRadio(ctx: Ctx, label: string, option: string, root?: string) {
  const item = await elItem(ctx, label, root);
  for (const r of await item.$$('.el-radio')) {
    if ((await r.evaluate((e) => e.textContent!.trim())) === option) return void (await r.click());
  }
  throw new Error(`no radio ${option} in ${label}`);
}
async function clickVisible(ctx: Ctx, selector: string, text: string) {
  const h = await ctx.waitForFunction((selector: string, text: string) => {
    return ([...document.querySelectorAll(selector)] as HTMLElement[]).find((e) => e.textContent!.trim() === text && e.offsetParent !== null && getComputedStyle(e).visibility !== 'hidden') || null;
  }, { timeout: 30_000 }, selector, text);
  const el = h.asElement() as ElementHandle<Element>;
  await el.evaluate((e) => e.scrollIntoView({ block: 'nearest' }));
  await sleep(50);
  await el.click();
}
async function elSelect(ctx: Ctx, label: string, option: string, root?: string) {
  const item = await elItem(ctx, label, root);
  await (await item.$('.el-select'))!.click();
  await sleep(400);
  await clickVisible(ctx, '.el-select-dropdown__item', option);
  await sleep(400);
}
async function elCascader(ctx: Ctx, label: string, path: string[]) {
  const item = await elItem(ctx, label);
  await (await item.$('.el-cascader'))!.click();
  await sleep(400);
  for (const p of path) {
    await clickVisible(ctx, '.el-cascader-node', p);
    await sleep(250);
  }
  await sleep(300);
}
async function elDate(ctx: Ctx, label: string, date: string, root?: string) {
  const item = await elItem(ctx, label, root);
  const input = (await item.$('input'))!;
  await input.click();
  await input.type(date);
  await input.press('Enter');
  await sleep(200);
}
const button = (ctx: Ctx, text: string) => clickVisible(ctx, 'button', text);

async function elBasic(page: Ctx, o: { delegated?: boolean; cascader?: string[]; detail: string }) {
  await elRadio(page, '办理方式', o.delegated ? '委托人办理' : '本人办理');
  await elType(page, '报销人姓名', '张建国');
  await elType(page, '报销人身份证号', '310117197502140035');
  if (o.delegated) {
    await elType(page, '委托人姓名', '张小明');
    await elType(page, '委托人身份证号', '31011720000101001X');
  }
  await elType(page, '手机号码', '13912345678');
  await elDate(page, '申请日期', '2026-11-20');
  await elSelect(page, '开户银行', '上海农商银行');
  await elType(page, '银行卡号（报销人本人）', '6228480000123456789');
  if (o.cascader) await elCascader(page, '邮寄地址', o.cascader);
  await elType(page, '详细地址', o.detail);
}

async function elInvoice(page: Page, number: string, type: '门诊' | '住院') {
  const dlg = '.el-dialog__wrapper';
  await button(page, '新增');
  await page.waitForSelector('.el-dialog__wrapper .el-dialog', { visible: true });
  await sleep(300);
  await elType(page, '票据代码', type === '住院' ? '31060221' : '31060121', dlg);
  await elType(page, '票据号码', number, dlg);
  await elDate(page, '开票日期', '2026-09-12', dlg);
  await elSelect(page, '就诊类型', type, dlg);
  await elType(page, '医疗机构名称', '上海市松江区中心医院', dlg);
  await elType(page, '金额(元)', '345.60', dlg);
  if (type === '住院') {
    const range = await elItem(page, '住院起止日期', dlg);
    const [start, end] = await range.$$('input.el-range-input');
    await start!.click();
    await start!.type('2026-09-01');
    await page.keyboard.press('Tab');
    await end!.click();
    await end!.type('2026-09-10');
    await page.keyboard.press('Enter');
    await sleep(300);
  }
  const before = await page.$$eval('.invoice-table .el-table__body tr', (r) => r.length);
  await button(page, '确 定'); // the dialog's 确定 is not a step action: no modal
  await page.waitForFunction((n: number) => document.querySelectorAll('.invoice-table .el-table__body tr').length === n, {}, before + 1);
  await page.waitForSelector('.el-dialog__wrapper', { hidden: true });
  await page.waitForSelector('.v-modal', { hidden: true });
  assert.equal(await page.$(MODAL), null, 'the 确定 of 新增发票 is not intercepted');
}

async function elChoose(page: Page, choose: Record<string, string[]>) {
  for (const row of await page.$$('.material-table tbody tr')) {
    const label = await row.$eval('td:nth-child(2)', (td) => td.textContent!.replace('*', '').trim());
    if (!choose[label]) continue;
    const input = (await row.$('input[type=file]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(...choose[label]!.map((n) => files[n]!));
    await sleep(100);
  }
}

async function elOpen(page: Page) {
  await page.goto(`https://zwdt.sh.gov.cn/govPortals/apply/${ZB}/basic`);
  await page.waitForSelector('.el-form .el-form-item', { visible: true });
  await guardReady(page, 'application');
  await collapsePanel(page);
}

// ---------------------------------------------------------------------------

test('Element: a clean application passes every step with no modal; one submission', async () => {
  session.replica.reset();
  const page = await newPage();
  await elOpen(page);
  await elBasic(page, { cascader: ['上海市', '市辖区', '松江区'], detail: '九亭镇涞亭南路888弄12号301室' });
  assert.equal(await page.$('[data-testid="guard-address-note"]'), null, 'no note for a Songjiang address');
  await button(page, '下一步');
  await page.waitForFunction(() => location.pathname.endsWith('/invoice'));
  await noModal(page, 200);
  await elInvoice(page, '0012345678', '门诊');
  await button(page, '下一步');
  await page.waitForFunction(() => location.pathname.endsWith('/materials'));
  await noModal(page, 200);
  await elChoose(page, { '银行卡': ['银行卡.png'], '社保卡（无社保卡可上传医保卡）': ['社保卡.png'], '身份证': ['身份证.png'], '发票': ['发票1.png'], '发票明细': ['发票明细1.png'] });
  await page.waitForFunction(() => document.querySelectorAll('.material-table .el-upload-list__item').length === 5);
  assert.equal(session.replica.submissions.length, 0);
  await button(page, '提交');
  await page.waitForSelector('.el-result', { visible: true, timeout: 60_000 });
  assert.equal(await page.$(MODAL), null);
  assert.equal(session.replica.submissions.length, 1, 'exactly the one submission the user made');
  // the helper noted the filed invoice number (for duplicate warnings later) once 提交成功 showed
  let numbers: string[] = [];
  for (let i = 0; i < 50 && !numbers.includes('0012345678'); i++) {
    await sleep(200);
    numbers = await filedNumbers();
  }
  assert.deepEqual(numbers, ['0012345678']);
  await page.close();
});

test('Element: each code; 返回修改 stays, 仍然继续 replays the one action; nothing recorded unasked', async () => {
  session.replica.reset();
  const page = await newPage();
  await elOpen(page);

  // 基本信息: no district chosen, a road only → address-unverified (soft); the live note says so
  await elBasic(page, { delegated: true, detail: '人民路100号' });
  await page.waitForSelector('[data-testid="guard-address-note"][data-verdict="unknown"]', { timeout: 30_000 });
  await button(page, '下一步');
  assert.deepEqual(await waitModal(page), ['address-unverified']);
  await back(page);
  assert.ok(page.url().endsWith('/basic'), '返回修改 stays on 基本信息');

  // 闵行区 → address-outside-songjiang, saying which place
  await elCascader(page, '邮寄地址', ['上海市', '市辖区', '闵行区']);
  await elType(page, '详细地址', '七宝镇七莘路100弄2号');
  await page.waitForSelector('[data-testid="guard-address-note"][data-verdict="outside"]', { timeout: 30_000 });
  assert.match(await page.$eval('[data-testid="guard-address-note"]', (e) => e.textContent!), /闵行区/);
  await button(page, '下一步');
  assert.deepEqual(await waitModal(page), ['address-outside-songjiang']);
  assert.match(await modalText(page), /闵行区/);
  await page.keyboard.press('Escape'); // Esc = 返回修改
  await page.waitForSelector(MODAL, { hidden: true });
  assert.ok(page.url().endsWith('/basic'));

  await elCascader(page, '邮寄地址', ['上海市', '市辖区', '松江区']);
  await elType(page, '详细地址', '九亭镇涞亭南路888弄12号');
  await page.waitForSelector('[data-testid="guard-address-note"]', { hidden: true, timeout: 30_000 });
  await button(page, '下一步');
  await page.waitForFunction(() => location.pathname.endsWith('/invoice'));
  await noModal(page, 200);

  // 发票信息: an inpatient invoice twice; OCR says 居保 and another payer
  await setClaim(page, { invoices: [{ number: '0012345679', insuranceType: '城乡居民基本医疗保险', payerName: '李秀英' }] });
  await elInvoice(page, '0012345679', '住院');
  await elInvoice(page, '0012345679', '住院');
  await button(page, '下一步');
  assert.deepEqual(await waitModal(page), ['insurance-type-mismatch', 'payer-name-mismatch', 'duplicate-invoice']);
  assert.match(await modalText(page), /居保人员/);
  await goOn(page);
  await page.waitForFunction(() => location.pathname.endsWith('/materials'));
  await noModal(page, 200);

  // 材料上传: only the invoice chosen; the claimant is deceased
  await setClaim(page, { deceased: true, invoices: [{ number: '0012345679', insuranceType: '城乡居民基本医疗保险', payerName: '李秀英' }] });
  await elChoose(page, { '发票': ['发票1.png'] });
  await button(page, '提交');
  const all = await waitModal(page);
  assert.deepEqual(all, [
    'insurance-type-mismatch',
    'missing-bank-card',
    'missing-insurance-card',
    'missing-id-document',
    'missing-agent-id',
    'missing-discharge-summary',
    'missing-invoice-detail',
    'payer-name-mismatch',
    'duplicate-invoice',
  ]);
  assert.match(await modalText(page), /死亡证明/);
  await back(page);
  await sleep(500);
  assert.equal(session.replica.submissions.length, 0, '返回修改 submits nothing');

  // everything but the 发票明细 → that one (plus the invoice findings); 返回修改, then 仍然继续
  await elChoose(page, { '银行卡': ['银行卡.png'], '社保卡（无社保卡可上传医保卡）': ['社保卡.png'], '身份证': ['身份证.png'], '被委托人身份证': ['委托人身份证.png'], '出院小结': ['出院小结.png'] });
  await page.waitForFunction(() => document.querySelectorAll('.material-table .el-upload-list__item').length === 6);
  await button(page, '提交');
  assert.deepEqual(await waitModal(page), ['insurance-type-mismatch', 'missing-invoice-detail', 'payer-name-mismatch', 'duplicate-invoice']);
  await back(page);
  await sleep(500);
  assert.equal(session.replica.submissions.length, 0);
  await button(page, '提交');
  await waitModal(page);
  await goOn(page);
  await page.waitForSelector('.el-result', { visible: true, timeout: 60_000 });
  await sleep(500);
  assert.equal(session.replica.submissions.length, 1, '仍然继续 replayed 提交 exactly once');
  await page.close();
});

// ---------------- Bootstrap / jQuery (ywtb:18018) ----------------

async function bsOpen(page: Page) {
  await page.goto(`https://ywtb.sh.gov.cn:18018/ac-product-net/netapply/apply.do?itemCode=${JB_CODE}`, { waitUntil: 'networkidle0' });
  await guardReady(page, 'application');
  await collapsePanel(page);
}
async function bsBasic(page: Page, o: { delegated?: boolean; district: string; detail: string; idNumber?: string }) {
  await page.click(o.delegated ? 'label.radio-inline:nth-of-type(2)' : 'label.radio-inline:nth-of-type(1)');
  await page.type('#i_0192', '王桂兰');
  await page.type('#i_0193', o.idNumber ?? '310117194805120026');
  if (o.delegated) {
    await page.type('#i_0195', '王小红');
    await page.type('#i_0196', '310117197603044422');
  }
  await page.type('#i_0201', '13600001111');
  await page.type('#i_0205', '2026-09-03');
  await page.select('select[name=f_0207]', '301');
  await page.type('input[name=f_0208]', '6222600000001111');
  await bsAddress(page, o.district, o.detail);
}
async function bsAddress(page: Page, district: string, detail: string) {
  await page.select('select[name=f_0211]', district);
  await page.focus('input[name=f_0212]'); // focus, not click: the helper's panel may sit over the right column
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await page.type('input[name=f_0212]', detail);
  assert.equal(await page.$eval('input[name=f_0212]', (e) => (e as HTMLInputElement).value), detail);
}
async function bsInvoice(page: Page, number: string, type: '11' | '12' | '21') {
  await page.click('#btnAddFp');
  await page.waitForSelector('#fpModal.in', { visible: true });
  await sleep(400);
  await page.type('#fpModal [name=f_0311]', type === '21' ? '31060221' : '31060121');
  await page.type('#fpModal [name=f_0312]', number);
  await page.type('#fpModal [name=f_0313]', '2026-09-03');
  await page.select('#fpModal [name=f_0314]', type);
  await page.type('#fpModal [name=f_0315]', '上海市松江区中心医院');
  await page.type('#fpModal [name=f_0316]', '512.30');
  if (type === '21') {
    await page.type('#fpModal [name=f_0317]', '2026-08-20');
    await page.type('#fpModal [name=f_0318]', '2026-08-30');
  }
  const before = await page.$$eval('#tbFp tr.fp-row', (r) => r.length);
  await page.click('#btnFpOk'); // 确定 of 新增发票: not a step action
  await page.waitForSelector('#fpModal', { hidden: true });
  await page.waitForSelector('.modal-backdrop', { hidden: true });
  await page.waitForFunction((n: number) => document.querySelectorAll('#tbFp tr.fp-row').length === n, {}, before + 1);
  assert.equal(await page.$(MODAL), null, 'the 确定 of 新增发票 is not intercepted');
}
const BS_FILES: Record<string, string> = { f_0401: '银行卡.png', f_0402: '社保卡.png', f_0403: '身份证.png', f_0404: '委托人身份证.png', f_0405: '出院小结.png', f_0406: '发票1.png', f_0407: '发票明细1.png' };
async function bsChoose(page: Page, names: string[]) {
  for (const name of names) {
    const input = (await page.$(`input[type=file][name=${name}]`)) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(files[BS_FILES[name]!]!);
  }
}

test('Bootstrap: a clean application passes with no modal; the form POST is recorded once', async () => {
  session.replica.reset();
  const page = await newPage();
  await bsOpen(page);
  await bsBasic(page, { district: '310117', detail: '岳阳街道人民北路200号' });
  await page.click('#btnNext');
  await page.waitForSelector('#pane2', { visible: true });
  await noModal(page, 200);
  await bsInvoice(page, '0000778899', '12');
  await page.click('#btnNext');
  await page.waitForSelector('#pane3', { visible: true });
  await noModal(page, 200);
  await bsChoose(page, ['f_0401', 'f_0402', 'f_0403', 'f_0406', 'f_0407']);
  await page.waitForFunction(() => document.querySelectorAll('ul.file-names li').length === 5);
  assert.equal(session.replica.submissions.length, 0);
  await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#btnSubmit')]);
  assert.match(await page.evaluate(() => document.body.innerText), /提交成功/);
  assert.equal(session.replica.submissions.length, 1);
  await page.close();
});

test('Bootstrap: each code; 返回修改 stays, 仍然继续 posts the form once', async () => {
  session.replica.reset();
  const page = await newPage();
  await bsOpen(page);
  // a minor claimant (born 2015, from the ID number); no district, a road only → address-unverified
  await bsBasic(page, { delegated: true, district: '', detail: '人民路100号', idNumber: '310117201503050027' });
  await page.click('#btnNext');
  assert.deepEqual(await waitModal(page), ['address-unverified']);
  await back(page);
  assert.equal(await page.$eval('#pane1', (e) => (e as HTMLElement).style.display), '', 'still on 基本信息');
  // 闵行区 → outside, with the live note under the field
  await bsAddress(page, '310112', '七宝镇七莘路100弄2号');
  await page.waitForSelector('[data-testid="guard-address-note"][data-verdict="outside"]', { timeout: 30_000 });
  await page.click('#btnNext');
  assert.deepEqual(await waitModal(page), ['address-outside-songjiang']);
  assert.match(await modalText(page), /闵行区/);
  await back(page);
  await bsAddress(page, '310117', '九亭镇涞亭南路888弄12号');
  await page.click('#btnNext');
  await page.waitForSelector('#pane2', { visible: true });
  await noModal(page, 200);

  // 居保 item; OCR says 职保 and another payer; the same number twice, inpatient
  await setClaim(page, { invoices: [{ number: '0000778899', insuranceType: '职工基本医疗保险', payerName: '李秀英' }] });
  await bsInvoice(page, '0000778899', '21');
  await bsInvoice(page, '0000778899', '11');
  await page.click('#btnNext');
  assert.deepEqual(await waitModal(page), ['insurance-type-mismatch', 'payer-name-mismatch', 'duplicate-invoice']);
  assert.match(await modalText(page), /职保人员/);
  await goOn(page);
  await page.waitForSelector('#pane3', { visible: true });
  await noModal(page, 200);

  await bsChoose(page, ['f_0406']);
  await page.click('#btnSubmit');
  assert.deepEqual(await waitModal(page), [
    'insurance-type-mismatch',
    'missing-bank-card',
    'missing-insurance-card',
    'missing-id-document',
    'missing-agent-id',
    'missing-discharge-summary',
    'missing-invoice-detail',
    'payer-name-mismatch',
    'duplicate-invoice',
  ]);
  assert.match(await modalText(page), /户口本本人页/, 'a minor may show the 户口本本人页');
  await back(page);
  await sleep(500);
  assert.equal(session.replica.submissions.length, 0, '返回修改 submits nothing');

  await bsChoose(page, ['f_0401', 'f_0402', 'f_0403', 'f_0404', 'f_0405']);
  await page.waitForFunction(() => document.querySelectorAll('ul.file-names li').length === 6);
  await page.click('#btnSubmit');
  assert.deepEqual(await waitModal(page), ['insurance-type-mismatch', 'missing-invoice-detail', 'payer-name-mismatch', 'duplicate-invoice']);
  await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), goOn(page)]);
  assert.match(await page.evaluate(() => document.body.innerText), /提交成功/);
  assert.equal(session.replica.submissions.length, 1, '仍然继续 posted the form exactly once');
  await page.close();
});

// ---------------- 物流申请 ----------------

test('物流申请: a pick-up address outside 松江区 is stopped; a Songjiang one goes through once', async () => {
  session.replica.reset();
  const page = await newPage();
  await page.goto('https://zwdt.sh.gov.cn/govPortals/my/banjian/detail?bjbh=SJ20260917000123', { waitUntil: 'networkidle0' });
  await guardReady(page, 'logistics');
  await collapsePanel(page); // expanded, it covers the dialog's 提交 at 1360×900
  await button(page, '物流申请');
  await page.waitForSelector('.el-dialog', { visible: true });
  await sleep(300);
  const dlg = '.el-dialog__wrapper';
  await elRadio(page, '快递公司', 'EMS', dlg);
  await elRadio(page, '支付方式', '线下支付', dlg);
  await elSelect(page, '取件地址', '青浦区', dlg);
  await elType(page, '详细地址', '赵巷镇嘉松中路5号', dlg);
  await elType(page, '联系人', '王秀英', dlg);
  await elType(page, '联系电话', '13912345678', dlg);
  await page.waitForSelector('[data-testid="guard-address-note"][data-verdict="outside"]', { timeout: 30_000 });
  await button(page, '提交');
  assert.deepEqual(await waitModal(page), ['address-outside-songjiang']);
  assert.match(await modalText(page), /取件地址[\s\S]*青浦区/);
  await back(page);
  await sleep(500);
  assert.equal(session.replica.submissions.length, 0, '返回修改 submits nothing');

  await elSelect(page, '取件地址', '松江区', dlg);
  await elType(page, '详细地址', '中山街道中山中路1号', dlg);
  await button(page, '提交');
  await page.waitForFunction(() => /物流申请已提交/.test(document.body.innerText), { timeout: 60_000 });
  assert.equal(await page.$(MODAL), null);
  assert.equal(session.replica.submissions.length, 1);
  assert.equal(session.replica.submissions[0]!.path, '/api/logistics/submit');
  await page.close();
});

test('embedded variant: the application in a same-origin iframe is guarded in its own frame', async () => {
  session.replica.reset();
  const page = await newPage();
  await page.goto(`https://zwdt.sh.gov.cn/govPortals/apply/embed/${ZB}`, { waitUntil: 'networkidle0' });
  const frame = page.frames().find((f) => f.url().includes(`/govPortals/apply/${ZB}/basic`));
  assert.ok(frame, 'application frame');
  await frame.waitForSelector('.el-form .el-form-item', { visible: true });
  await guardReady(frame, 'application');
  await collapsePanel(page);
  await elBasic(frame, { cascader: ['上海市', '市辖区', '闵行区'], detail: '莘庄镇莘松路1号' });
  await button(frame, '下一步');
  assert.deepEqual(await waitModal(frame), ['address-outside-songjiang']);
  await back(frame);
  await sleep(300);
  assert.ok(new URL(frame.url()).pathname.endsWith('/basic'), '返回修改 stays on 基本信息');
  assert.equal(await frame.evaluate(() => (window as any).__replica.state().step), 'basic');
  assert.equal(session.replica.submissions.length, 0);
  await page.close();
});

test('history: an invoice submitted earlier from this device (the clean Element run) is warned about in a new application', async () => {
  // The clean Element test above submitted 0012345678 and the replica answered 提交成功:
  // the background moved it from pending to history (numbers only).
  assert.ok((await filedNumbers()).includes('0012345678'));
  session.replica.reset();
  const page = await newPage();
  await elOpen(page);
  await elBasic(page, { cascader: ['上海市', '市辖区', '松江区'], detail: '九亭镇涞亭南路888弄12号301室' });
  await button(page, '下一步');
  await page.waitForFunction(() => location.pathname.endsWith('/invoice'));
  await elInvoice(page, '0012345678', '门诊');
  await button(page, '下一步');
  assert.deepEqual(await waitModal(page), ['duplicate-invoice']);
  assert.match(await modalText(page), /0012345678/);
  await back(page);
  assert.ok(page.url().endsWith('/invoice'), '返回修改 stays on 发票信息');
  assert.equal(session.replica.submissions.length, 0);
  await page.close();
});
