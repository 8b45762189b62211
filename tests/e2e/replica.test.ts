/**
 * Checks the local portal replica itself (no extension): every page at its real host name, the guide
 * modal, a real user filling the Element and Bootstrap applications, the logistics request, and that
 * nothing is recorded unless 提交 is clicked.
 *
 *   node --import tsx --test tests/e2e/replica.test.ts
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page, Frame, ElementHandle } from 'puppeteer-core';
import { launch, type Session } from './harness';
import { bsModalOpen, button, elCascader, elDate, elDateRange, elDialogOpen, elRadio, elSelect, elType, materialFiles, until } from './portal-user';

const ZB = 'c85a49fb-2dc3-4a53-95e1-25e9b0491bae';
const JB = '4683b2e6-c7bc-4962-995c-54c7dfd6a62c';
const SHOTS = process.env.REPLICA_SHOTS_DIR || '/tmp';

interface Submission { time: string; host: string; path: string; body: any; normalized?: any }
interface Replica {
  port: number;
  origin(host?: string): string;
  submissions: Submission[];
  uploads: any[];
  chromiumArgs: string[];
  urls(): Record<string, string>;
  reset(): void;
  close(): Promise<void>;
}

let session: Session;
let replica: Replica;
let browser: Browser;
const chosen = materialFiles(['银行卡.png', '社保卡.png', '身份证正面.png', '身份证反面.png', '委托人身份证.png', '出院小结.png', '发票1.png', '发票明细1.png']);
const files = chosen.path;

before(async () => {
  // the harness's browser without the extension: it cleans up Chromium, the replica and the profile
  session = await launch({ extension: false });
  replica = session.replica as unknown as Replica;
  browser = session.browser;
});

after(async () => {
  await session?.close();
  chosen.remove();
});

async function newPage(): Promise<Page> {
  const page = await newPageRaw();
  pages.push(page);
  return page;
}
const pages: Page[] = [];
async function newPageRaw(): Promise<Page> {
  const page = await browser.newPage();
  page.on('dialog', (d) => { void d.accept(); });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String((e as Error).message ?? e)));
  (page as any).__errors = errors;
  return page;
}

/** Every request must stay on the replicated hosts (no CDN, no external fonts). */
function trackExternal(page: Page): string[] {
  const ext: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol === 'data:' || u.protocol === 'blob:') return;
    if (!['zwdt.sh.gov.cn', 'ywtb.sh.gov.cn', 'www.example.com'].includes(u.hostname)) ext.push(r.url());
  });
  return ext;
}

// ---------------- the replica's own state ----------------

type Ctx = Page | Frame;

async function state(ctx: Ctx): Promise<any> {
  return ctx.evaluate(() => (window as any).__replica.state());
}

async function waitState(ctx: Ctx, pred: string) {
  await ctx.waitForFunction(`(function(){ var s = window.__replica && window.__replica.state(); return s && (${pred}); })()`);
}

// ---------------------------------------------------------------------------

test('every page loads at its real host name, without external requests', async () => {
  const page = await newPage();
  const ext = trackExternal(page);
  const urls = replica.urls();
  for (const [name, url] of Object.entries(urls)) {
    const res = await page.goto(url, { waitUntil: 'networkidle0' });
    assert.equal(res?.status(), 200, `${name} ${url}`);
    const u = new URL(page.url());
    assert.equal(u.hostname, new URL(url).hostname, name);
    const text = await page.evaluate(() => document.body.innerText);
    assert.ok(text.length > 20, `${name} has text`);
  }
  // guide pages
  await page.goto(urls['办事指南(居保人员)'], { waitUntil: 'networkidle0' });
  assert.match(await page.evaluate(() => document.body.innerText), /办理医疗费零星报销\(居保人员\)[\s\S]*松江区医疗保障局[\s\S]*办理材料/);
  const frames = page.frames().map((f) => f.url());
  assert.ok(frames.some((f) => f.endsWith('/govPortals/common/header')), 'header iframe');
  // the old host keeps its :18018 in the URL
  await page.goto(urls['Bootstrap 申请(职保人员)'], { waitUntil: 'networkidle0' });
  assert.equal(new URL(page.url()).port, '18018');
  assert.equal(await page.evaluate(() => location.origin), 'https://ywtb.sh.gov.cn:18018');
  assert.ok(page.frames().some((f) => f.url().includes('/ac-product-net/common/header.html')), 'bootstrap header iframe');
  // the item id is accepted too
  const r2 = await page.goto(`https://ywtb.sh.gov.cn:18018/ac-product-net/netapply/apply.do?itemCode=${JB}`);
  assert.equal(r2?.status(), 200);
  // unknown ids -> 404
  const r404 = await page.goto(`https://zwdt.sh.gov.cn/govPortals/bsfw/item/00000000-0000-0000-0000-000000000000`);
  assert.equal(r404?.status(), 404);
  assert.match(await page.evaluate(() => document.body.innerText), /页面不存在/);
  // vendor files with the right types
  await page.goto('https://zwdt.sh.gov.cn/', { waitUntil: 'networkidle0' });
  for (const [p, type] of [['/vendor/vue.min.js', 'javascript'], ['/vendor/element-ui/theme-chalk/index.css', 'text/css'], ['/vendor/element-ui/theme-chalk/fonts/element-icons.woff', 'font/woff'], ['/ac-product-net/vendor/bootstrap/fonts/glyphicons-halflings-regular.woff2', 'font/woff2']]) {
    const [status, ct] = await page.evaluate((p: string) => fetch(p).then((r) => [r.status, r.headers.get('content-type')] as const), p);
    assert.equal(status, 200, p);
    assert.ok(ct!.includes(type), `${p}: ${ct}`);
  }
  assert.deepEqual(ext, [], 'no request left the replicated hosts');
  assert.deepEqual((page as any).__errors, []);
  assert.equal(replica.submissions.length, 0, 'loading pages records nothing');
  await page.close();
});

test('guide page: 立即办理 → modal → #bwptBtn opens the application in a new tab', async () => {
  for (const [id, expect] of [[ZB, `/govPortals/apply/${ZB}/basic`], [JB, '/ac-product-net/netapply/apply.do?itemCode=']] as const) {
    const page = await newPage();
    await page.goto(`https://zwdt.sh.gov.cn/govPortals/bsfw/item/${id}`, { waitUntil: 'networkidle0' });
    assert.equal(await page.$('#bwptBtn'), null, 'modal closed at first');
    await button(page, '立即办理');
    await page.waitForSelector('#bwptBtn', { visible: true });
    const newTarget = browser.waitForTarget((t) => t.opener() === page.target());
    await page.click('#bwptBtn');
    const tab = await (await newTarget).page();
    assert.ok(tab);
    await tab!.waitForFunction(() => document.readyState === 'complete');
    assert.ok(tab!.url().includes(expect), tab!.url());
    await tab!.close();
    await page.close();
  }
});

test('Element application: a user fills 3 steps, adds invoices, chooses files, 提交 records one submission', async () => {
  replica.reset();
  const page = await newPage();
  const ext = trackExternal(page);
  // the form renders late, behind a spinner: watch the DOM from the start
  await page.evaluateOnNewDocument(() => {
    const seen: Record<string, number> = {};
    (window as any).__seen = seen;
    new MutationObserver(() => {
      if (!seen.spinner && document.querySelector('.apply-loading .el-loading-spinner')) seen.spinner = performance.now();
      if (!seen.form && document.querySelector('.el-form .el-form-item')) seen.form = performance.now();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`https://zwdt.sh.gov.cn/govPortals/apply/${ZB}/basic`);
  await page.waitForSelector('.el-form .el-form-item', { visible: true });
  const seen = await page.evaluate(() => (window as any).__seen);
  assert.ok(seen.spinner && seen.form - seen.spinner >= 350, `spinner first, form later: ${JSON.stringify(seen)}`);
  assert.equal(await page.title(), '办理医疗费零星报销(职保人员) - 上海市一网通办');
  await page.evaluate(() => { (window as any).__noReload = 1; });

  // the required markers are Element's own
  const required = await page.$$eval('.el-form-item.is-required > .el-form-item__label', (ls) => ls.map((l) => l.textContent!.trim()));
  assert.deepEqual(required, ['办理方式', '报销人姓名：', '报销人身份证号', '手机号码', '申请日期', '开户银行', '银行卡号（报销人本人）', '邮寄地址：', '详细地址']);

  // 下一步 on an empty form: errors under the fields, no step change
  await button(page, '下一步');
  await page.waitForSelector('.el-form-item__error');
  assert.ok((await page.$$('.el-form-item__error')).length >= 8);
  assert.ok(page.url().endsWith('/basic'));
  assert.equal((await state(page)).step, 'basic');

  await elRadio(page, '办理方式', '委托人办理');
  await elType(page, '报销人姓名', '王秀英');
  await elType(page, '报销人身份证号', '310117195503121228');
  await elType(page, '委托人姓名', '李明');
  await elType(page, '委托人身份证号', '31011719820607301X');
  await elType(page, '手机号码', '13912345678');
  await elType(page, '单位电话', '021-57770000');
  await elDate(page, '申请日期', '2026-09-20');
  await elSelect(page, '开户银行', '上海农商银行');
  await elType(page, '银行卡号（报销人本人）', '6228480000123456789');
  await elCascader(page, '邮寄地址', ['上海市', '市辖区', '松江区']);
  await elType(page, '详细地址', '九亭镇沪亭北路100弄5号301室');
  await page.screenshot({ path: join(SHOTS, 'replica-element-basic.png'), fullPage: true });

  let s = await state(page);
  assert.deepEqual(s.form, {
    handleMode: '委托人办理', reimburserName: '王秀英', reimburserIdNo: '310117195503121228', agentName: '李明', agentIdNo: '31011719820607301X',
    mobile: '13912345678', emergencyPhone: '', workPhone: '021-57770000', date: '2026-09-20', bank: '上海农商银行', bankCardNo: '6228480000123456789',
    region: ['上海市', '市辖区', '松江区'], district: '松江区', addressDetail: '九亭镇沪亭北路100弄5号301室', captcha: '',
  });
  // Element validates on blur / change, asynchronously: the messages go once every field is valid
  await page.waitForFunction(() => document.querySelectorAll('.el-form-item__error').length === 0).catch(() => {}); // the assertion below lists any left
  assert.deepEqual(await page.$$eval('.el-form-item__error', (es) => es.map((e) => e.closest('.el-form-item')!.querySelector('.el-form-item__label')!.textContent + ': ' + e.textContent!.trim())), [], 'errors cleared');

  await button(page, '下一步');
  await page.waitForFunction(() => location.pathname.endsWith('/invoice'));
  assert.equal(await page.evaluate(() => (window as any).__noReload), 1, 'pushState, no reload');
  assert.equal((await state(page)).step, 'invoice');

  // 下一步 without invoices does not advance
  await button(page, '下一步');
  await page.waitForSelector('.el-message--warning'); // 请至少新增一条发票信息
  assert.ok(page.url().endsWith('/invoice'));

  // 新增 → dialog; 确定 on empty → errors
  await button(page, '新增');
  await page.waitForSelector('.el-dialog__wrapper .el-dialog', { visible: true });
  const dlg = '.el-dialog__wrapper';
  await button(page, '确 定');
  await page.waitForSelector(`${dlg} .el-form-item__error`);
  await elType(page, '票据代码', '31060126', dlg);
  await elType(page, '票据号码', '0012345678', dlg);
  await elDate(page, '开票日期', '2026-09-12', dlg);
  await elSelect(page, '就诊类型', '住院', dlg);
  await elType(page, '医疗机构名称', '嘉兴市第一医院', dlg);
  await elType(page, '金额(元)', '3456.70', dlg);
  // daterange: type the start, Tab, the end, Enter
  await elDateRange(page, page, '住院起止日期', '2026-09-01', '2026-09-10', dlg);
  await button(page, '确 定');
  await page.waitForFunction(() => document.querySelectorAll('.invoice-table .el-table__body tr').length === 1);
  await page.waitForSelector('.el-dialog__wrapper', { hidden: true });
  await page.waitForSelector('.v-modal', { hidden: true });

  // a second one, deleted again
  await button(page, '新增');
  await elDialogOpen(page);
  await elType(page, '票据代码', '31060126', dlg);
  await elType(page, '票据号码', '0099999999', dlg);
  await elDate(page, '开票日期', '2026-09-13', dlg);
  await elSelect(page, '就诊类型', '门诊', dlg);
  await elType(page, '医疗机构名称', '松江区中心医院', dlg);
  await elType(page, '金额(元)', '88', dlg);
  await button(page, '确 定');
  await page.waitForFunction(() => document.querySelectorAll('.invoice-table .el-table__body tr').length === 2);
  await page.waitForSelector('.el-dialog__wrapper', { hidden: true });
  await page.waitForSelector('.v-modal', { hidden: true });
  await page.screenshot({ path: join(SHOTS, 'replica-element-invoice.png'), fullPage: true });
  const del = await page.$$('.invoice-table .el-table__body tr .danger-text');
  await del[1]!.click();
  await page.waitForFunction(() => document.querySelectorAll('.invoice-table .el-table__body tr').length === 1);
  s = await state(page);
  assert.deepEqual(s.invoices, [{ code: '31060126', number: '0012345678', date: '2026-09-12', type: '住院', hospital: '嘉兴市第一医院', amount: '3456.70', inpatientRange: ['2026-09-01', '2026-09-10'] }]);

  await button(page, '下一步');
  await page.waitForFunction(() => location.pathname.endsWith('/materials'));
  // back and forth keeps everything
  await button(page, '上一步');
  await page.waitForFunction(() => location.pathname.endsWith('/invoice'));
  // the browser's back button follows the pushed history: invoice → materials → invoice → basic
  await page.goBack();
  await page.waitForFunction(() => location.pathname.endsWith('/materials'));
  assert.equal((await state(page)).step, 'materials');
  await page.goBack();
  await page.goBack();
  await page.waitForFunction(() => location.pathname.endsWith('/basic'));
  assert.equal((await state(page)).step, 'basic');
  assert.equal((await state(page)).form.reimburserName, '王秀英');
  await page.goForward();
  await page.waitForFunction(() => location.pathname.endsWith('/invoice'));
  await button(page, '下一步');
  await page.waitForFunction(() => location.pathname.endsWith('/materials'));
  assert.equal(await page.evaluate(() => (window as any).__noReload), 1, 'still no reload');

  // conditional stars: 被委托人身份证 (委托) and 出院小结 (住院)
  const starred = await page.$$eval('.material-table tbody tr', (rows) => rows.filter((r) => r.querySelector('.material-star')).map((r) => r.children[1]!.textContent!.replace('*', '').trim()));
  assert.deepEqual(starred, ['银行卡', '社保卡（无社保卡可上传医保卡）', '身份证', '被委托人身份证', '出院小结', '发票']);

  // 提交 with missing materials: message, nothing recorded
  await button(page, '提交');
  await page.waitForSelector('.el-message--error');
  assert.equal(replica.submissions.length, 0);

  const choose: Record<string, string[]> = {
    '银行卡': ['银行卡.png'],
    '社保卡（无社保卡可上传医保卡）': ['社保卡.png'],
    '身份证': ['身份证正面.png', '身份证反面.png'],
    '被委托人身份证': ['委托人身份证.png'],
    '出院小结': ['出院小结.png'],
    '发票': ['发票1.png'],
    '发票明细': ['发票明细1.png'],
  };
  const rows = await page.$$('.material-table tbody tr');
  for (const row of rows) {
    const label = await row.$eval('td:nth-child(2)', (td) => td.textContent!.replace('*', '').trim());
    const input = (await row.$('input[type=file]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(...choose[label]!.map((n) => files[n]!));
    await page.waitForFunction((r: Element, n: number) => r.querySelectorAll('.el-upload-list__item').length === n, {}, row, choose[label]!.length);
  }
  await page.waitForFunction(() => document.querySelectorAll('.material-table .el-upload-list__item').length === 8);
  s = await state(page);
  assert.deepEqual(s.uploads, choose);
  await page.screenshot({ path: join(SHOTS, 'replica-element-materials.png'), fullPage: true });

  assert.equal(replica.submissions.length, 0, 'nothing recorded before 提交');
  // a session that expired meanwhile: refused, nothing recorded, the form is kept
  (replica as any).setMode({ sessionExpired: true });
  await button(page, '提交');
  await page.waitForSelector('.el-message-box', { visible: true });
  assert.match(await page.$eval('.el-message-box', (e) => e.textContent!), /登录已超时/);
  assert.equal(replica.submissions.length, 0);
  assert.equal(replica.uploads.length, 0);
  assert.ok((replica as any).rejected.length >= 1);
  await page.click('.el-message-box__headerbtn');
  await page.waitForSelector('.el-message-box', { hidden: true });
  assert.deepEqual((await state(page)).uploads, choose);
  (replica as any).setMode({ sessionExpired: false });
  await page.waitForSelector('.v-modal', { hidden: true }); // the message box's overlay has faded
  await button(page, '提交');
  await page.waitForSelector('.el-result', { visible: true });
  assert.match(await page.evaluate(() => document.body.innerText), /提交成功/);
  assert.equal(replica.submissions.length, 1);
  const sub = replica.submissions[0]!;
  assert.equal(sub.host, 'zwdt.sh.gov.cn');
  assert.equal(sub.path, '/api/apply/submit');
  assert.equal(sub.body.itemId, ZB);
  assert.deepEqual(sub.body.form, s.form);
  assert.deepEqual(sub.body.invoices, s.invoices);
  assert.deepEqual(sub.body.uploads, choose);
  assert.equal(replica.uploads.length, 8);
  assert.deepEqual(replica.uploads.map((u: any) => u.filename).sort(), Object.values(choose).flat().sort());
  assert.equal((await state(page)).step, 'submitted');
  // the control endpoint reports the same
  const viaHttp = await page.evaluate(() => fetch('/__replica/submissions').then((r) => r.json()));
  assert.equal(viaHttp.length, 1);
  assert.deepEqual(ext, []);
  assert.deepEqual((page as any).__errors, []);
  await page.close();
});

test('Bootstrap application: a user fills it, the form POST is recorded', async () => {
  replica.reset();
  const page = await newPage();
  const ext = trackExternal(page);
  const dialogs: string[] = [];
  page.on('dialog', (d) => dialogs.push(d.message()));
  await page.goto('https://ywtb.sh.gov.cn:18018/ac-product-net/netapply/apply.do?itemCode=310117006000-0102', { waitUntil: 'networkidle0' });
  assert.equal(await page.title(), '网上申请-办理医疗费零星报销(居保人员)');

  await page.click('#btnNext');
  await until(async () => dialogs.some((m) => m.includes('必填项')), 'the alert on missing fields');
  assert.ok((await page.$$('#pane1 .has-error')).length >= 9);
  assert.equal((await state(page)).step, 'basic');

  // a user types, finding fields by their visible label
  const byLabel = async (label: string) => {
    const h = await page.evaluateHandle((label: string) => {
      for (const l of document.querySelectorAll('#pane1 label.control-label, #pane1 td.td-label')) {
        if (l.textContent!.replace(/[\s*:：]/g, '') !== label) continue;
        if (l.tagName === 'TD') return l.nextElementSibling!.querySelector('input,select');
        const id = l.getAttribute('for');
        if (id) return document.getElementById(id);
        return l.nextElementSibling!.querySelector('input,select');
      }
      return null;
    }, label);
    const el = h.asElement() as ElementHandle<HTMLInputElement> | null;
    assert.ok(el, label);
    return el!;
  };
  await (await page.$$('input[type=radio]'))[0]!.click(); // 本人办理
  assert.equal(await page.$eval('.row-wt', (e) => (e as HTMLElement).style.display), 'none');
  await page.click('label.radio-inline:nth-of-type(2)'); // 委托人办理 by its label
  await page.waitForSelector('.row-wt', { visible: true });
  await (await byLabel('报销人姓名')).type('陈国强');
  await (await byLabel('报销人身份证')).type('310117196801013317');
  await (await byLabel('委托人姓名')).type('陈小红');
  await (await byLabel('委托人身份证号')).type('310117199203044422');
  await (await byLabel('联系电话（手机）')).type('13600001111');
  await (await byLabel('就诊日期')).type('2026-09-03');
  await (await byLabel('紧急联系人电话')).type('13700002222');
  await page.select('select[name=f_0207]', '301'); // 交通银行
  await (await byLabel('银行账号')).type('6222600000001111');
  await page.select('select[name=f_0211]', '310117'); // 松江区
  await page.type('input[name=f_0212]', '岳阳街道人民北路200号');
  await page.screenshot({ path: join(SHOTS, 'replica-bootstrap-basic.png'), fullPage: true });

  await page.click('#btnNext');
  await page.waitForSelector('#pane2', { visible: true });
  assert.equal((await state(page)).step, 'invoice');
  assert.equal(new URL(page.url()).search, '?itemCode=310117006000-0102', 'no URL change');

  await page.click('#btnAddFp');
  await bsModalOpen(page, 'fpModal');
  await page.click('#btnFpOk');
  await page.waitForSelector('#fpModal .has-error');
  await page.type('#fpModal [name=f_0311]', '33010125');
  await page.type('#fpModal [name=f_0312]', '0000778899');
  await page.type('#fpModal [name=f_0313]', '2026-09-03');
  await page.select('#fpModal [name=f_0314]', '12'); // 急诊
  await page.type('#fpModal [name=f_0315]', '浙江大学医学院附属第一医院');
  await page.type('#fpModal [name=f_0316]', '512.30');
  await page.click('#btnFpOk');
  await page.waitForSelector('#fpModal', { hidden: true });
  await page.waitForSelector('.modal-backdrop', { hidden: true });
  await page.waitForSelector('#tbFp tr.fp-row');

  await page.click('#btnNext');
  await page.waitForSelector('#pane3', { visible: true });
  const byName: Record<string, string[]> = { f_0401: ['银行卡.png'], f_0402: ['社保卡.png'], f_0403: ['身份证正面.png'], f_0404: ['委托人身份证.png'], f_0406: ['发票1.png'], f_0407: ['发票明细1.png'] };
  for (const [name, list] of Object.entries(byName)) {
    const input = (await page.$(`input[type=file][name=${name}]`)) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(...list.map((n) => files[n]!));
  }
  await page.waitForFunction(() => document.querySelectorAll('ul.file-names li').length === 6);
  const s = await state(page);
  assert.deepEqual(s.form, {
    handleMode: '委托人办理', reimburserName: '陈国强', reimburserIdNo: '310117196801013317', agentName: '陈小红', agentIdNo: '310117199203044422',
    mobile: '13600001111', emergencyPhone: '13700002222', workPhone: '', date: '2026-09-03', bank: '交通银行', bankCardNo: '6222600000001111',
    district: '松江区', addressDetail: '岳阳街道人民北路200号', postcode: '', captcha: '', region: ['上海市', '松江区'],
  });
  assert.deepEqual(s.invoices, [{ code: '33010125', number: '0000778899', date: '2026-09-03', type: '急诊', hospital: '浙江大学医学院附属第一医院', amount: '512.30', inpatientRange: null }]);
  assert.deepEqual(s.uploads['身份证'], ['身份证正面.png']);
  assert.deepEqual(s.uploads['出院小结'], []);
  await page.screenshot({ path: join(SHOTS, 'replica-bootstrap-materials.png'), fullPage: true });

  assert.equal(replica.submissions.length, 0, 'nothing recorded before 提交');
  await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#btnSubmit')]);
  assert.match(await page.evaluate(() => document.body.innerText), /提交成功/);
  assert.equal(replica.submissions.length, 1);
  const sub = replica.submissions[0]!;
  assert.equal(sub.host, 'ywtb.sh.gov.cn');
  assert.equal(sub.path, '/ac-product-net/netapply/submit.do');
  assert.equal(sub.body.f_0192, '陈国强');
  assert.equal(sub.body['fp_list[0].f_0312'], '0000778899');
  assert.deepEqual(sub.normalized.form, s.form);
  assert.deepEqual(sub.normalized.invoices, s.invoices);
  assert.deepEqual(sub.normalized.uploads, s.uploads);
  assert.equal(replica.uploads.length, 6);
  assert.deepEqual(ext, []);
  assert.deepEqual((page as any).__errors, []);
  await page.close();
});

test('embedded variant: the Element app lives in a same-origin iframe', async () => {
  replica.reset();
  const page = await newPage();
  await page.goto(`https://zwdt.sh.gov.cn/govPortals/apply/embed/${ZB}`, { waitUntil: 'networkidle0' });
  const frame = page.frames().find((f) => f.url().includes(`/govPortals/apply/${ZB}/basic`))!;
  assert.ok(frame, 'application frame');
  await frame.waitForSelector('.el-form .el-form-item', { visible: true });
  await elType(frame, '报销人姓名', '赵六');
  const s = await page.evaluate(() => (window as any).__replica.state());
  assert.equal(s.form.reimburserName, '赵六');
  assert.equal(await frame.evaluate(() => (window as any).__replica.state().form.reimburserName), '赵六');
  await page.screenshot({ path: join(SHOTS, 'replica-embed.png') });
  assert.equal(replica.submissions.length, 0);
  await page.close();
});

test('物流申请: 我的办件 → 查看与评价 → 物流申请 → 提交 is recorded', async () => {
  replica.reset();
  const page = await newPage();
  await page.goto('https://zwdt.sh.gov.cn/govPortals/my/banjian', { waitUntil: 'networkidle0' });
  assert.match(await page.evaluate(() => document.body.innerText), /办理医疗费零星报销\(职保人员\)/);
  const link = await page.waitForFunction(() => ([...document.querySelectorAll('a')] as HTMLAnchorElement[]).find((a) => a.textContent!.trim() === '查看与评价' && a.closest('tr')!.textContent!.includes('零星报销')) || null);
  await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), (link.asElement() as ElementHandle<Element>).click()]);
  assert.ok(page.url().includes('/govPortals/my/banjian/detail?bjbh='));
  await button(page, '物流申请');
  await elDialogOpen(page);
  const dlg = '.el-dialog__wrapper';
  await elRadio(page, '快递公司', 'EMS', dlg);
  await elRadio(page, '支付方式', '线下支付', dlg);
  await elSelect(page, '取件地址', '松江区', dlg);
  await elType(page, '详细地址', '中山街道中山中路1号', dlg);
  await elType(page, '联系人', '王秀英', dlg);
  await elType(page, '联系电话', '13912345678', dlg);
  await page.screenshot({ path: join(SHOTS, 'replica-logistics.png') });
  const s = await state(page);
  assert.deepEqual(s.form, { courier: 'EMS', payment: '线下支付', district: '松江区', addressDetail: '中山街道中山中路1号', contact: '王秀英', phone: '13912345678', remark: '' });
  assert.equal(replica.submissions.length, 0);
  await button(page, '提交');
  await waitState(page, 's.submitted === true');
  assert.equal(replica.submissions.length, 1);
  const sub = replica.submissions[0]!;
  assert.equal(sub.path, '/api/logistics/submit');
  assert.deepEqual(sub.body.form, s.form);
  assert.deepEqual((page as any).__errors, []);
  await page.close();
});

test('maintenance mode: application pages answer 503, writes are refused and not recorded', async () => {
  replica.reset();
  (replica as any).setMode({ maintenance: true });
  const page = await newPage();
  const r1 = await page.goto('https://ywtb.sh.gov.cn:18018/ac-product-net/netapply/apply.do?itemCode=310117006000-0101');
  assert.equal(r1?.status(), 503);
  assert.match(await page.evaluate(() => document.body.innerText), /系统升级维护中/);
  const r2 = await page.goto(`https://zwdt.sh.gov.cn/govPortals/apply/${ZB}/basic`);
  assert.equal(r2?.status(), 503);
  const r3 = await page.goto(`https://zwdt.sh.gov.cn/govPortals/bsfw/item/${ZB}`);
  assert.equal(r3?.status(), 200, 'guide pages stay up');
  const res = await page.evaluate(() => fetch('/api/logistics/submit', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"x":1}' }).then((r) => r.status));
  assert.equal(res, 503);
  assert.equal(replica.submissions.length, 0);
  assert.equal((replica as any).rejected.length, 1);
  replica.reset();
  assert.deepEqual((replica as any).mode, { sessionExpired: false, maintenance: false });
  await page.close();
});

test('www.example.com serves the same Element markup; browsing and filling without 提交 records nothing', async () => {
  replica.reset();
  const page = await newPage();
  for (const u of ['https://www.example.com/', 'https://www.example.com/apply']) {
    await page.goto(u);
    await page.waitForSelector('.el-form .el-form-item', { visible: true });
    assert.equal(new URL(page.url()).hostname, 'www.example.com');
  }
  await elType(page, '报销人姓名', '某某');
  await elRadio(page, '办理方式', '本人办理');
  assert.equal((await state(page)).form.reimburserName, '某某');
  // the same form item labels as on zwdt
  const labels = await page.$$eval('.el-form-item__label', (ls) => ls.map((l) => l.textContent!.trim()));
  const p2 = await newPage();
  await p2.goto(`https://zwdt.sh.gov.cn/govPortals/apply/${ZB}/basic`);
  await p2.waitForSelector('.el-form .el-form-item', { visible: true });
  assert.deepEqual(await p2.$$eval('.el-form-item__label', (ls) => ls.map((l) => l.textContent!.trim())), labels);
  await p2.close();
  // walk away from every form without 提交
  await page.goto(`https://ywtb.sh.gov.cn:18018/ac-product-net/netapply/apply.do?itemCode=310117006000-0101`, { waitUntil: 'networkidle0' });
  await page.type('input[name=f_0192]', '某某');
  await page.goto('https://zwdt.sh.gov.cn/govPortals/my/banjian/detail?bjbh=SJ20260917000123', { waitUntil: 'networkidle0' });
  assert.equal(replica.submissions.length, 0);
  assert.equal(replica.uploads.length, 0);
  await page.close();
});
