/**
 * Four pages written from scratch, unlike the replicas (tests/replica/fixtures/), through the BUILT extension:
 * upload slots whose labels carry notes, a district select + detail input in a wizard, the real Element Plus,
 * and an old table form with opaque names. On each: the autofill (asked the way the panel asks) fills every
 * starred field it can answer and names no false "fill by hand"; a clean claim raises NO modal on 下一步 /
 * 提交; a faulty one raises exactly its due codes.
 *
 *   npm run build && node tests/e2e/run.mjs fixtures
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { launch, helperFrame, ITEM, type Session } from './harness';
import { MODAL, back, goOn, modalCodes, modalText, waitModal } from './guard-ui';
import { until } from './portal-user';
import type { FillReport } from '../../utils/autofill';

const url = (name: string, item: string = ITEM.employee) => `https://zwdt.sh.gov.cn/govPortals/fixture/${name}/${item}`;

const CLAIMANT = {
  name: '王秀英',
  idNumber: '310227194803150026',
  phone: '13800001111',
  // a real community name inside 泗泾镇 that is also a city elsewhere (长春): 上海市松江区 is explicit
  mailingAddress: '上海市松江区泗泾镇长春园3号101室',
  bankName: '上海农商银行松江支行',
  bankAccount: '6222021001001234567',
};
const AGENT = { name: '李建国', idNumber: '31011219750601001X', phone: '13900002222', mailingAddress: '上海市松江区九亭镇涞亭南路888弄5号', bankName: '中国农业银行', bankAccount: '6228480000000000000' };
type Person = typeof CLAIMANT;

let s: Session;
let dir: string;
const file = (name: string) => {
  const p = join(dir, name);
  writeFileSync(p, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
  return p;
};

before(async () => {
  s = await launch();
  dir = mkdtempSync(join(tmpdir(), 'fixture-files-'));
});
after(async () => {
  await s?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// ------------------------------------------------------------------------------------------------ helpers

async function open(name: string): Promise<{ page: Page; panel: Frame }> {
  s.replica.reset();
  const page = await s.newPage();
  page.setDefaultTimeout(60_000);
  page.on('dialog', (d) => void d.accept());
  await page.goto(url(name), { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.zwdtHelperPage === 'application' && document.documentElement.hasAttribute('data-zwdt-guard-installed'), { timeout: 60_000 });
  const panel = await helperFrame(page, 30_000);
  const collapse = await panel.$('[data-testid="panel-collapse"]');
  if (collapse) await collapse.click();
  return { page, panel };
}

/** A message to the page, sent the way the panel sends it (its tab, its frame's one-time address). */
async function call<T>(panel: Frame, type: string, payload: unknown): Promise<T> {
  const res = await panel.evaluate(
    async (type, payload) => {
      const c = (globalThis as any).chrome;
      const tab = await c.tabs.getCurrent();
      return c.tabs.sendMessage(tab.id, { type, payload, to: location.hash.slice(1) });
    },
    type,
    payload as never,
  );
  assert.ok(res?.ok, `${type}: ${JSON.stringify(res)}`);
  return res.data as T;
}

async function autofill(panel: Frame, claimant: Person, agent: typeof AGENT | null): Promise<FillReport> {
  return call<FillReport>(panel, 'panel/autofill', { claimant, agent, claimantInsurance: 'employee', overwrite: false, mappings: [] });
}

function assertNoFalseManual(report: FillReport) {
  assert.deepEqual(report.rejected, [], `rejected: ${JSON.stringify(report.rejected)}`);
  assert.deepEqual(report.summary.manual, [], `said "fill by hand": ${report.summary.text}`);
}

type Row = { invoiceCode: string; invoiceNumber: string; issueDate: string; visitType: 'outpatient' | 'inpatient'; hospital: string; totalAmount: string };
// every test uses its own 票据号码: a clean claim's submission is remembered (duplicate-invoice later)
const ROW: Row = { invoiceCode: '31060121', invoiceNumber: '0012340100', issueDate: '2026-09-12', visitType: 'outpatient', hospital: '上海市松江区中心医院', totalAmount: '345.60' };

async function addRows(panel: Frame, rows: Array<Partial<Row> & { id: string }>) {
  const { results } = await call<{ results: Array<{ id: string; status: string; failed: Array<{ label: string; meaning?: string | null; reason: string }>; message?: string }> }>(
    panel,
    'panel/invoice-fill',
    { invoices: rows.map(({ id, ...values }) => ({ id, values })) },
  );
  return results;
}

/** Choose files in the upload slot whose label starts with `slot` (as a user does with the file dialog). */
async function upload(page: Page, slot: string, names: string[]) {
  const handle = await page.evaluateHandle((slot: string) => {
    const inputs = [...document.querySelectorAll<HTMLInputElement>('input[type=file]')];
    return (
      inputs.find((i) => {
        for (let c: Element | null = i.parentElement; c; c = c.parentElement) {
          if (c.querySelectorAll('input[type=file]').length > 1) return false;
          if ((c.textContent ?? '').replace(/\s/g, '').includes(slot)) return true;
        }
        return false;
      }) ?? null
    );
  }, slot);
  const input = handle.asElement() as ElementHandle<HTMLInputElement> | null;
  assert.ok(input, `no upload slot ${slot}`);
  await input.uploadFile(...names.map(file));
}

async function click(page: Page, text: string) {
  const h = await page.waitForFunction((text: string) => {
    const all = [...document.querySelectorAll<HTMLElement>('button, input[type=button]')];
    return all.find((b) => ((b as HTMLInputElement).value || b.textContent || '').replace(/\s/g, '') === text && b.offsetParent !== null) ?? null;
  }, {}, text);
  const el = h.asElement() as ElementHandle<Element>;
  await el.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await el.click();
}

/** The warnings the modal shows (its closed root reached over the protocol, as a person sees it). */
const codes = (page: Page): Promise<string[]> => waitModal(page);

/** What the page shows once the action went on: the next step, or the portal's 提交成功. */
const OUTCOME: Record<string, string> = {
  下一步: `(() => { const p = document.querySelector('#p2'); return !!p && p.offsetParent !== null; })()`,
  提交: `/提交成功/.test(document.body.innerText)`,
  确认提交: `/提交成功/.test(document.body.innerText)`,
};
/** The guard let the action through: the page went on and no warnings modal came up. */
async function passedClean(page: Page, action: keyof typeof OUTCOME) {
  const outcome = await page.waitForFunction(`document.querySelector('${MODAL}') ? 'modal' : (${OUTCOME[action]}) ? 'went on' : null`, { timeout: 30_000 });
  const seen = await outcome.jsonValue();
  assert.equal(seen, 'went on', `the guard stood aside on ${action}${seen === 'modal' ? `; modal: ${(await modalCodes(page)).join(', ')}` : ''}`);
  assert.equal(await page.$(MODAL), null, 'no warnings modal');
}
async function submitted(page: Page) {
  await page.waitForFunction(() => /提交成功/.test(document.body.innerText), { timeout: 30_000 });
  await until(async () => s.replica.submissions.length > 0, 'the replica to record the submission');
  assert.equal(s.replica.submissions.length, 1, 'exactly the one submission the user made');
}
const val = (page: Page, sel: string) => page.$eval(sel, (e) => (e as HTMLInputElement).value);

// ------------------------------------------------------------------------------------------------ pages

describe('fixture: upload slots whose labels carry notes (plain HTML, native <dialog>)', () => {
  it('clean claim: autofill names no false "fill by hand"; rows added through the dialog; no modal on 提交', async () => {
    const { page, panel } = await open('upload-notes');
    const report = await autofill(panel, CLAIMANT, null);
    assertNoFalseManual(report);
    assert.equal(await val(page, '#a1'), CLAIMANT.name);
    assert.equal(await page.$eval('#c1', (e) => (e as HTMLSelectElement).selectedOptions[0]!.text), '上海农商银行');
    assert.equal(await val(page, '#c3'), CLAIMANT.mailingAddress);
    assert.equal(await page.$eval('input[name=how][value=self]', (e) => (e as HTMLInputElement).checked), true);
    // a row without 医疗机构名称: the page refuses it, the answer names the field in plain words
    const [refused] = await addRows(panel, [{ ...ROW, id: 'r0', invoiceNumber: '0012340101', hospital: '' }]);
    assert.equal(refused!.status, 'failed');
    assert.match(refused!.message ?? '', /医疗机构名称/);
    assert.ok(refused!.failed.some((f) => f.label === '医疗机构名称' && f.meaning === 'invoice.hospital'), JSON.stringify(refused!.failed));
    const [added] = await addRows(panel, [{ ...ROW, id: 'r1', invoiceNumber: '0012340101' }]);
    assert.equal(added!.status, 'added', added!.message);
    await upload(page, '银行卡', ['yhk.png']);
    await upload(page, '社保卡', ['sbk.png']);
    await upload(page, '身份证', ['sfz.png']);
    await upload(page, '发票明细', ['mx.png']);
    await click(page, '提交');
    await passedClean(page, '提交');
    await submitted(page);
    await page.close();
  });

  it('faulty claim: exactly its codes', async () => {
    const { page, panel } = await open('upload-notes');
    assertNoFalseManual(await autofill(panel, { ...CLAIMANT, mailingAddress: '上海市闵行区七宝镇七莘路100弄2号' }, AGENT));
    assert.equal(await val(page, '#b1'), AGENT.name);
    const [added] = await addRows(panel, [{ ...ROW, id: 'r1', invoiceNumber: '0012340102', invoiceCode: '31060221', visitType: 'inpatient' }]);
    assert.equal(added!.status, 'added', added!.message);
    await upload(page, '银行卡', ['yhk.png']);
    await click(page, '提交');
    assert.deepEqual(await codes(page), ['address-outside-songjiang', 'missing-insurance-card', 'missing-id-document', 'missing-agent-id', 'missing-discharge-summary', 'missing-invoice-detail']);
    await back(page);
    assert.equal(s.replica.submissions.length, 0);
    await page.close();
  });
});

describe('fixture: district select + detail input (dl/dt/dd wizard, yes/no 办理方式)', () => {
  const ADDRESS = '上海市松江区泗通路225弄3号101室'; // no town: only the district select places it
  it('clean claim: the district chosen in its own select counts (no address-unverified); no modal on 下一步 / 提交', async () => {
    const { page, panel } = await open('district-select');
    const report = await autofill(panel, { ...CLAIMANT, mailingAddress: ADDRESS }, null);
    assertNoFalseManual(report);
    assert.equal(await page.$eval('[name=x_f09]', (e) => (e as HTMLSelectElement).value), '310117');
    assert.equal(await val(page, '[name=x_f10]'), '泗通路225弄3号101室');
    assert.equal(await page.$eval('[name=x_f04]', (e) => (e as HTMLSelectElement).value), 'N');
    assert.equal(await page.$eval('[name=x_f07]', (e) => (e as HTMLSelectElement).value), '03');
    await click(page, '下一步');
    await passedClean(page, '下一步');
    await page.waitForSelector('#p2', { visible: true });
    await page.type('[name=x_inv_0_a]', '0099887766');
    await page.select('[name=x_inv_0_b]', '门诊');
    await page.type('[name=x_inv_0_c]', '88.00');
    await page.type('[name=x_inv_0_d]', CLAIMANT.name);
    await upload(page, '银行卡', ['yhk.png']);
    await upload(page, '社保卡或医保卡', ['ybk.png']);
    await upload(page, '报销人身份证', ['sfz.png']);
    await click(page, '提交');
    await passedClean(page, '提交');
    await submitted(page);
    await page.close();
  });

  it('faulty claim: 闵行区 in the select on 下一步; then exactly the due codes on 提交', async () => {
    const { page, panel } = await open('district-select');
    assertNoFalseManual(await autofill(panel, { ...CLAIMANT, mailingAddress: '上海市闵行区七莘路100弄2号' }, AGENT));
    assert.equal(await page.$eval('[name=x_f09]', (e) => (e as HTMLSelectElement).value), '310112');
    assert.equal(await page.$eval('[name=x_f04]', (e) => (e as HTMLSelectElement).value), 'Y');
    assert.equal(await val(page, '[name=x_f05]'), AGENT.name);
    await click(page, '下一步');
    assert.deepEqual(await codes(page), ['address-outside-songjiang']);
    await goOn(page);
    await page.waitForSelector('#p2', { visible: true });
    await page.type('[name=x_inv_0_a]', '0099887767');
    await page.select('[name=x_inv_0_b]', '住院');
    await page.type('[name=x_inv_0_c]', '1200.00');
    await page.type('[name=x_inv_0_d]', '李四');
    await upload(page, '银行卡', ['yhk.png']);
    await click(page, '提交');
    assert.deepEqual(await codes(page), ['address-outside-songjiang', 'missing-insurance-card', 'missing-id-document', 'missing-agent-id', 'missing-discharge-summary', 'payer-name-mismatch']);
    await back(page);
    assert.equal(s.replica.submissions.length, 0);
    await page.close();
  });
});

describe('fixture: the real Element Plus (filterable select, cascader, el-dialog rules, el-upload)', () => {
  const model = (page: Page) => page.evaluate(() => JSON.parse(JSON.stringify((window as any).__fixture.$data)));
  it('clean claim: the searchable 开户银行 holds the bank and is NOT listed as "fill by hand"; no modal on 提交', async () => {
    const { page, panel } = await open('element-plus');
    await page.waitForSelector('.el-form-item', { visible: true });
    const report = await autofill(panel, CLAIMANT, null);
    assertNoFalseManual(report);
    const { form } = await model(page);
    assert.equal(form.mode, 'self');
    assert.equal(form.name, CLAIMANT.name);
    assert.equal(form.bank, 'SRCB');
    assert.deepEqual(form.region, ['310000', '310100', 'D4']);
    assert.equal(form.detail, '泗泾镇长春园3号101室');
    assert.match(form.date, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(report.filled.some((f) => f.meaning === 'claimant.bankName'), 'the bank select counts as filled');
    const [added] = await addRows(panel, [{ ...ROW, id: 'r1', invoiceNumber: '0012340103' }]);
    assert.equal(added!.status, 'added', `${added!.message} ${JSON.stringify(added!.failed)}`);
    assert.equal((await model(page)).invoices[0].hospital, ROW.hospital);
    await upload(page, '银行卡', ['yhk.png']);
    await upload(page, '社保卡', ['sbk.png']);
    await upload(page, '身份证', ['sfz.png']);
    await upload(page, '发票明细', ['mx.png']);
    await page.waitForFunction(() => document.querySelectorAll('.el-upload-list__item').length === 4);
    await click(page, '提交');
    await passedClean(page, '提交');
    await submitted(page);
    await page.close();
  });

  it('faulty claim: exactly its codes (the 居保 invoice read by the panel included)', async () => {
    const { page, panel } = await open('element-plus');
    await page.waitForSelector('.el-form-item', { visible: true });
    assertNoFalseManual(await autofill(panel, { ...CLAIMANT, mailingAddress: '上海市青浦区赵巷镇嘉松中路5号' }, AGENT));
    assert.equal((await model(page)).form.agentName, AGENT.name);
    const [added] = await addRows(panel, [{ ...ROW, id: 'r1', invoiceNumber: '0012345679', invoiceCode: '31060221', visitType: 'inpatient' }]);
    assert.equal(added!.status, 'added', `${added!.message} ${JSON.stringify(added!.failed)}`);
    await call(panel, 'panel/invoice-claim', { invoices: [{ number: '0012345679', code: '31060221', visitType: 'inpatient', insuranceType: 'resident', payerName: CLAIMANT.name }] });
    await upload(page, '身份证', ['sfz.png']);
    await click(page, '提交');
    assert.deepEqual(await codes(page), ['address-outside-songjiang', 'insurance-type-mismatch', 'missing-bank-card', 'missing-insurance-card', 'missing-agent-id', 'missing-discharge-summary', 'missing-invoice-detail']);
    await back(page);
    assert.equal(s.replica.submissions.length, 0);
    await page.close();
  });
});

describe('fixture: an old table form with opaque names (labels in cells, sections as rows)', () => {
  it('clean claim: autofill names no false "fill by hand"; no modal on 确认提交', async () => {
    const { page, panel } = await open('plain-table');
    assertNoFalseManual(await autofill(panel, CLAIMANT, null));
    assert.equal(await val(page, '[name=c01]'), CLAIMANT.name);
    assert.equal(await val(page, '[name=c04]'), '', 'the 单位电话 trap stays empty');
    assert.equal(await page.$eval('[name=c05][value="1"]', (e) => (e as HTMLInputElement).checked), true);
    assert.equal(await val(page, '[name=c10]'), CLAIMANT.mailingAddress);
    await page.type('[name=fp0a]', '31060121');
    await page.type('[name=fp0b]', '0055667788');
    await page.select('[name=fp0c]', '门诊');
    await page.type('[name=fp0d]', '56.00');
    await page.type('[name=fp0e]', CLAIMANT.name);
    await upload(page, '银行卡或存折', ['yhk.png']);
    await upload(page, '社会保障卡', ['sbk.png']);
    await upload(page, '居民身份证', ['sfz.png']);
    await upload(page, '费用明细清单', ['mx.png']);
    await click(page, '确认提交');
    await passedClean(page, '确认提交');
    await submitted(page);
    await page.close();
  });

  it('faulty claim (deceased claimant, the same invoice twice, another payer, a road-only address): exactly its codes', async () => {
    const { page, panel } = await open('plain-table');
    assertNoFalseManual(await autofill(panel, { ...CLAIMANT, mailingAddress: '人民路100号' }, null));
    await call(panel, 'panel/set-claim-context', { claimantName: CLAIMANT.name, claimantIdNumber: CLAIMANT.idNumber, deceased: true, delegated: false, invoices: [] });
    for (const i of [0, 1]) {
      await page.type(`[name=fp${i}a]`, '31060121');
      await page.type(`[name=fp${i}b]`, '0055667799');
      await page.select(`[name=fp${i}c]`, '门诊');
      await page.type(`[name=fp${i}d]`, '56.00');
      await page.type(`[name=fp${i}e]`, '赵六');
    }
    await upload(page, '银行卡或存折', ['yhk.png']);
    await upload(page, '社会保障卡', ['sbk.png']);
    await click(page, '确认提交');
    assert.deepEqual(await codes(page), ['missing-id-document', 'missing-invoice-detail', 'payer-name-mismatch', 'duplicate-invoice', 'address-unverified']);
    assert.match(await modalText(page), /死亡证明/);
    await back(page);
    assert.equal(s.replica.submissions.length, 0);
    await page.close();
  });
});
