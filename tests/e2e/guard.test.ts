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
import type { Page, ElementHandle } from 'puppeteer-core';
import { launch, helperFrame, type Session } from './harness';
import { MODAL, addressNoteSettled, waitModal, modalText, back, goOn, guardReady, setClaim as sendClaim, collapsePanel, filedNumbers } from './guard-ui';
import { button, bsAddress, bsBasic, bsChoose, bsInvoice, elBasic, elCascader, elDate, elDateRange, elDialogOpen, elRadio, elSelect, elType, materialFiles, until, type Ctx } from './portal-user';

const ZB = 'c85a49fb-2dc3-4a53-95e1-25e9b0491bae';
const JB_CODE = '310117006000-0102';

let session: Session;
const chosen = materialFiles(['银行卡.png', '社保卡.png', '身份证.png', '委托人身份证.png', '出院小结.png', '发票1.png', '发票明细1.png']);
const files = chosen.path;

before(async () => {
  session = await launch();
});

after(async () => {
  await session?.close();
  chosen.remove();
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
async function filedNumbersNow(): Promise<string[]> {
  const p = await session.newPage(session.extensionUrl('options.html'));
  try {
    return await filedNumbers(p);
  } finally {
    await p.close();
  }
}

/**
 * No warnings modal. The guard decides synchronously in the click's capture phase, so once the
 * page has reacted to the click (the next step shown), a modal would already be there.
 */
async function noModal(ctx: Ctx) {
  assert.equal(await ctx.$(MODAL), null, 'no warnings modal');
}
const setClaim = async (page: Page, claim: Record<string, unknown>) => sendClaim(await helperFrame(page), claim);

// ---------------- Element helpers (a user clicking and typing) ----------------

async function elInvoice(page: Page, number: string, type: '门诊' | '住院') {
  const dlg = '.el-dialog__wrapper';
  await button(page, '新增');
  await elDialogOpen(page);
  await elType(page, '票据代码', type === '住院' ? '31060221' : '31060121', dlg);
  await elType(page, '票据号码', number, dlg);
  await elDate(page, '开票日期', '2026-09-12', dlg);
  await elSelect(page, '就诊类型', type, dlg);
  await elType(page, '医疗机构名称', '上海市松江区中心医院', dlg);
  await elType(page, '金额(元)', '345.60', dlg);
  if (type === '住院') await elDateRange(page, page, '住院起止日期', '2026-09-01', '2026-09-10', dlg);
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
    const before = await row.$$eval('.el-upload-list__item', (l) => l.length);
    const input = (await row.$('input[type=file]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(...choose[label]!.map((n) => files[n]!));
    await page.waitForFunction((r: Element, n: number) => r.querySelectorAll('.el-upload-list__item').length === n, {}, row, before + choose[label]!.length);
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
  await addressNoteSettled(page, null); // none for a Songjiang address
  await button(page, '下一步');
  await page.waitForFunction(() => location.pathname.endsWith('/invoice'));
  await noModal(page);
  await elInvoice(page, '0012345678', '门诊');
  await button(page, '下一步');
  await page.waitForFunction(() => location.pathname.endsWith('/materials'));
  await noModal(page);
  await elChoose(page, { '银行卡': ['银行卡.png'], '社保卡（无社保卡可上传医保卡）': ['社保卡.png'], '身份证': ['身份证.png'], '发票': ['发票1.png'], '发票明细': ['发票明细1.png'] });
  await page.waitForFunction(() => document.querySelectorAll('.material-table .el-upload-list__item').length === 5);
  assert.equal(session.replica.submissions.length, 0);
  await button(page, '提交');
  await page.waitForSelector('.el-result', { visible: true, timeout: 60_000 });
  assert.equal(await page.$(MODAL), null);
  assert.equal(session.replica.submissions.length, 1, 'exactly the one submission the user made');
  // the helper noted the filed invoice number (for duplicate warnings later) once 提交成功 showed
  const numbers = await until(async () => {
    const n = await filedNumbersNow();
    return n.includes('0012345678') && n;
  }, 'the filed invoice in the history');
  assert.deepEqual(numbers, ['0012345678']);
  await page.close();
});

test('Element: each code; 返回修改 stays, 仍然继续 replays the one action; nothing recorded unasked', async () => {
  session.replica.reset();
  const page = await newPage();
  await elOpen(page);

  // 基本信息: no district chosen, a road only → address-unverified (soft); the live note says so
  await elBasic(page, { delegated: true, detail: '人民路100号' });
  await addressNoteSettled(page, 'unknown');
  await button(page, '下一步');
  assert.deepEqual(await waitModal(page), ['address-unverified']);
  await back(page);
  assert.ok(page.url().endsWith('/basic'), '返回修改 stays on 基本信息');

  // 闵行区 → address-outside-songjiang, saying which place
  await elCascader(page, '邮寄地址', ['上海市', '市辖区', '闵行区']);
  await elType(page, '详细地址', '七宝镇七莘路100弄2号');
  await addressNoteSettled(page, 'outside');
  assert.match(await page.$eval('[data-testid="guard-address-note"]', (e) => e.textContent!), /闵行区/);
  await button(page, '下一步');
  assert.deepEqual(await waitModal(page), ['address-outside-songjiang']);
  assert.match(await modalText(page), /闵行区/);
  await page.keyboard.press('Escape'); // Esc = 返回修改
  await page.waitForSelector(MODAL, { hidden: true });
  assert.ok(page.url().endsWith('/basic'));

  await elCascader(page, '邮寄地址', ['上海市', '市辖区', '松江区']);
  await elType(page, '详细地址', '九亭镇涞亭南路888弄12号');
  await addressNoteSettled(page, null);
  await button(page, '下一步');
  await page.waitForFunction(() => location.pathname.endsWith('/invoice'));
  await noModal(page);

  // 发票信息: an inpatient invoice twice; OCR says 居保 and another payer
  await setClaim(page, { invoices: [{ number: '0012345679', insuranceType: '城乡居民基本医疗保险', payerName: '李秀英' }] });
  await elInvoice(page, '0012345679', '住院');
  await elInvoice(page, '0012345679', '住院');
  await button(page, '下一步');
  assert.deepEqual(await waitModal(page), ['insurance-type-mismatch', 'payer-name-mismatch', 'duplicate-invoice']);
  assert.match(await modalText(page), /居保人员/);
  await goOn(page);
  await page.waitForFunction(() => location.pathname.endsWith('/materials'));
  await noModal(page);

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
  await back(page); // the click was stopped before the page saw it: nothing can be on its way
  assert.equal(session.replica.submissions.length, 0, '返回修改 submits nothing');

  // everything but the 发票明细 → that one (plus the invoice findings); 返回修改, then 仍然继续
  await elChoose(page, { '银行卡': ['银行卡.png'], '社保卡（无社保卡可上传医保卡）': ['社保卡.png'], '身份证': ['身份证.png'], '被委托人身份证': ['委托人身份证.png'], '出院小结': ['出院小结.png'] });
  await page.waitForFunction(() => document.querySelectorAll('.material-table .el-upload-list__item').length === 6);
  await button(page, '提交');
  assert.deepEqual(await waitModal(page), ['insurance-type-mismatch', 'missing-invoice-detail', 'payer-name-mismatch', 'duplicate-invoice']);
  await back(page);
  assert.equal(session.replica.submissions.length, 0);
  await button(page, '提交');
  await waitModal(page);
  await goOn(page);
  await page.waitForSelector('.el-result', { visible: true, timeout: 60_000 });
  assert.equal(session.replica.submissions.length, 1, '仍然继续 replayed 提交 exactly once');
  await page.close();
});

// ---------------- Bootstrap / jQuery (ywtb:18018) ----------------

async function bsOpen(page: Page) {
  await page.goto(`https://ywtb.sh.gov.cn:18018/ac-product-net/netapply/apply.do?itemCode=${JB_CODE}`, { waitUntil: 'networkidle0' });
  await guardReady(page, 'application');
  await collapsePanel(page);
}

const BS_FILES: Record<string, string> = { f_0401: '银行卡.png', f_0402: '社保卡.png', f_0403: '身份证.png', f_0404: '委托人身份证.png', f_0405: '出院小结.png', f_0406: '发票1.png', f_0407: '发票明细1.png' };
const bsPick = (names: string[]) => Object.fromEntries(names.map((n) => [n, files[BS_FILES[n]!]!]));

test('Bootstrap: a clean application passes with no modal; the form POST is recorded once', async () => {
  session.replica.reset();
  const page = await newPage();
  await bsOpen(page);
  await bsBasic(page, { district: '310117', detail: '岳阳街道人民北路200号' });
  await addressNoteSettled(page, null);
  await page.click('#btnNext');
  await page.waitForSelector('#pane2', { visible: true });
  await noModal(page);
  await bsInvoice(page, '0000778899', '12');
  await page.click('#btnNext');
  await page.waitForSelector('#pane3', { visible: true });
  await noModal(page);
  await bsChoose(page, bsPick(['f_0401', 'f_0402', 'f_0403', 'f_0406', 'f_0407']));
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
  await addressNoteSettled(page, 'unknown');
  await page.click('#btnNext');
  assert.deepEqual(await waitModal(page), ['address-unverified']);
  await back(page);
  assert.equal(await page.$eval('#pane1', (e) => (e as HTMLElement).style.display), '', 'still on 基本信息');
  // 闵行区 → outside, with the live note under the field
  await bsAddress(page, '310112', '七宝镇七莘路100弄2号');
  await addressNoteSettled(page, 'outside');
  await page.click('#btnNext');
  assert.deepEqual(await waitModal(page), ['address-outside-songjiang']);
  assert.match(await modalText(page), /闵行区/);
  await back(page);
  await bsAddress(page, '310117', '九亭镇涞亭南路888弄12号');
  await addressNoteSettled(page, null);
  await page.click('#btnNext');
  await page.waitForSelector('#pane2', { visible: true });
  await noModal(page);

  // 居保 item; OCR says 职保 and another payer; the same number twice, inpatient
  await setClaim(page, { invoices: [{ number: '0000778899', insuranceType: '职工基本医疗保险', payerName: '李秀英' }] });
  await bsInvoice(page, '0000778899', '21');
  await bsInvoice(page, '0000778899', '11');
  await page.click('#btnNext');
  assert.deepEqual(await waitModal(page), ['insurance-type-mismatch', 'payer-name-mismatch', 'duplicate-invoice']);
  assert.match(await modalText(page), /职保人员/);
  await goOn(page);
  await page.waitForSelector('#pane3', { visible: true });
  await noModal(page);

  await bsChoose(page, bsPick(['f_0406']));
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
  await back(page); // the click was stopped before the page saw it: nothing can be on its way
  assert.equal(session.replica.submissions.length, 0, '返回修改 submits nothing');

  await bsChoose(page, bsPick(['f_0401', 'f_0402', 'f_0403', 'f_0404', 'f_0405']));
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
  await elDialogOpen(page);
  const dlg = '.el-dialog__wrapper';
  await elRadio(page, '快递公司', 'EMS', dlg);
  await elRadio(page, '支付方式', '线下支付', dlg);
  await elSelect(page, '取件地址', '青浦区', dlg);
  await elType(page, '详细地址', '赵巷镇嘉松中路5号', dlg);
  await elType(page, '联系人', '王秀英', dlg);
  await elType(page, '联系电话', '13912345678', dlg);
  await addressNoteSettled(page, 'outside');
  await button(page, '提交');
  assert.deepEqual(await waitModal(page), ['address-outside-songjiang']);
  assert.match(await modalText(page), /取件地址[\s\S]*青浦区/);
  await back(page); // the click was stopped before the page saw it: nothing can be on its way
  assert.equal(session.replica.submissions.length, 0, '返回修改 submits nothing');

  await elSelect(page, '取件地址', '松江区', dlg);
  await elType(page, '详细地址', '中山街道中山中路1号', dlg);
  await addressNoteSettled(page, null);
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
  await addressNoteSettled(frame, 'outside');
  await button(frame, '下一步');
  assert.deepEqual(await waitModal(frame), ['address-outside-songjiang']);
  await back(frame);
  assert.ok(new URL(frame.url()).pathname.endsWith('/basic'), '返回修改 stays on 基本信息');
  assert.equal(await frame.evaluate(() => (window as any).__replica.state().step), 'basic');
  assert.equal(session.replica.submissions.length, 0);
  await page.close();
});

test('history: an invoice submitted earlier from this device (the clean Element run) is warned about in a new application', async () => {
  // The clean Element test above submitted 0012345678 and the replica answered 提交成功:
  // the background moved it from pending to history (numbers only).
  assert.ok((await filedNumbersNow()).includes('0012345678'));
  session.replica.reset();
  const page = await newPage();
  await elOpen(page);
  await elBasic(page, { cascader: ['上海市', '市辖区', '松江区'], detail: '九亭镇涞亭南路888弄12号301室' });
  await addressNoteSettled(page, null);
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
