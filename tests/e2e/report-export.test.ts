/**
 * 「导出页面结构（不含个人信息）」 end to end (issue 13), through the BUILT extension: on both replicas (Element
 * UI SPA on zwdt, Bootstrap at ywtb.sh.gov.cn:18018) and the four fixture pages, a page is filled completely —
 * 自动填写 with real-looking people, invoice rows, files whose names carry the person's name and ID — then
 * `[data-testid="structure-export"]` in the helper's panel shows the report in `[data-testid="structure-report"]`.
 * The report holds every starred label of the page and none of the values used, not even in part (last 8
 * digits, the street part of the address, file names). The popup shows the diagnostics and exports too; the
 * report can be saved as a file.
 *
 *   npm run build && node tests/e2e/run.mjs report-export
 *   REPORTS_WRITE=1 node tests/e2e/run.mjs report-export   # also (re)write tests/reports/<page>.json
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { launch, helperFrame, ITEM, type Session } from './harness';
import { parseReport, type StructureReport } from '../../utils/report/schema';
import { REPORTS_DIR } from '../reports/run-replay';

const CLAIMANT = {
  name: '王秀英',
  idNumber: '310227194803150026',
  phone: '13800001111',
  mailingAddress: '上海市松江区泗泾镇长春园3号101室',
  bankName: '上海农商银行松江支行',
  bankAccount: '6222021001001234567',
};
const AGENT = { name: '李建国', idNumber: '31011219750601001X', phone: '13900002222', mailingAddress: '上海市松江区九亭镇涞亭南路888弄5号', bankName: '中国农业银行', bankAccount: '6228480000000000000' };
type Person = typeof CLAIMANT;
const PAYER = '赵六';
const STREETS = ['长春园3号101室', '涞亭南路888弄5号', '七莘路100弄2号', '人民路100号'];

/** Every value of the people used, whole and in part: what a report must never contain. */
function secretsOf(people: Person[], extra: string[]): string[] {
  const out = [...extra];
  for (const p of people) {
    out.push(p.name, p.idNumber, p.idNumber.slice(-8), p.phone, p.phone.slice(-8), p.bankAccount, p.bankAccount.slice(-8), p.mailingAddress);
  }
  return [...new Set(out)];
}

let s: Session;
let dir: string;
/** Files a user picks, named the way people name them: with the person's name and ID in the name. */
const FILES = [`${CLAIMANT.name}身份证.png`, `${CLAIMANT.idNumber}.png`, `银行卡${CLAIMANT.bankAccount}.png`];

before(async () => {
  s = await launch();
  dir = mkdtempSync(join(tmpdir(), 'report-files-'));
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  for (const f of FILES) writeFileSync(join(dir, f), png);
});
after(async () => {
  await s?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// ------------------------------------------------------------------------------------------------ helpers

async function open(url: string): Promise<{ page: Page; panel: Frame }> {
  s.replica.reset();
  const page = await s.newPage();
  page.setDefaultTimeout(60_000);
  page.on('dialog', (d) => void d.accept());
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.zwdtHelperPage === 'application' && document.documentElement.hasAttribute('data-zwdt-guard-installed'), { timeout: 60_000 });
  return { page, panel: await helperFrame(page, 30_000) };
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

async function autofill(panel: Frame, claimant: Person, agent: Person | null) {
  await call(panel, 'panel/set-claim-context', { claimantName: claimant.name, claimantIdNumber: claimant.idNumber, delegated: agent !== null, invoices: [] });
  const report = await call<{ summary: { text: string } }>(panel, 'panel/autofill', { claimant, agent, claimantInsurance: 'employee', overwrite: false, mappings: [] });
  return report;
}

const ROW = { invoiceCode: '31060121', issueDate: '2026-09-12', visitType: 'outpatient', hospital: '上海市松江区中心医院', totalAmount: '345.60' };
async function addRow(panel: Frame, invoiceNumber: string, extra: Record<string, string> = {}) {
  const { results } = await call<{ results: Array<{ status: string; message?: string }> }>(panel, 'panel/invoice-fill', { invoices: [{ id: invoiceNumber, values: { ...ROW, invoiceNumber, ...extra } }] });
  assert.equal(results[0]!.status, 'added', results[0]!.message);
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
  await input.uploadFile(...names.map((n) => join(dir, n)));
}

/** The user presses 导出页面结构 in the panel and reads the report shown before saving it. */
async function exportFromPanel(panel: Frame): Promise<{ text: string; report: StructureReport }> {
  const expand = await panel.$('[data-testid="panel-expand"]');
  if (expand && (await expand.isVisible())) await expand.click();
  const button = await panel.waitForSelector('[data-testid="structure-export"]', { visible: true });
  await button!.evaluate((b) => b.scrollIntoView({ block: 'center' }));
  // Pressed as a DOM click: after an upload the panel may still be re-laying out its checklist, and a click by
  // coordinates can land beside the button (seen once in ~30 CI runs).
  await button!.evaluate((b) => (b as HTMLButtonElement).click());
  const pre = await panel.waitForSelector('[data-testid="structure-report"]', { visible: true, timeout: 30_000 }).catch(async (e: unknown) => {
    const shown = await panel.$eval('.structure-export', (x) => (x as HTMLElement).innerText).catch(() => '(no export section)');
    throw new Error(`no structure report after 导出页面结构; the export section shows: ${shown}`, { cause: e });
  });
  const text = await pre!.evaluate((e) => e.textContent ?? '');
  return { text, report: parseReport(JSON.parse(text)) };
}

const squash = (l: string) => l.replace(/[*＊:：\s]/g, '');

function assertReport(name: string, text: string, report: StructureReport, starred: string[], secrets: string[]) {
  if (process.env.REPORTS_WRITE) writeFileSync(join(REPORTS_DIR, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const all = [...report.fields, ...report.uploads];
  const labels = all.map((f) => squash(f.label));
  const starredLabels = all.filter((f) => f.starred).map((f) => squash(f.label));
  for (const l of starred) {
    assert.ok(labels.includes(l), `${name}: the starred label 「${l}」 is in the report (it has ${labels.join('、')})`);
    assert.ok(starredLabels.includes(l), `${name}: 「${l}」 is reported with its star (starred: ${starredLabels.join('、')})`);
  }
  const compact = JSON.stringify(report);
  for (const secret of secrets) {
    assert.ok(!text.includes(secret) && !compact.includes(secret), `${name}: 「${secret}」 must not be in the report`);
  }
}

// ------------------------------------------------------------------------------------------------ the pages

const BASIC_STARS = ['办理方式', '报销人姓名', '报销人身份证号', '手机号码', '申请日期', '开户银行', '银行卡号（报销人本人）', '邮寄地址', '详细地址'];

describe('export after a full fill: every starred label, no personal value', () => {
  it('Element UI replica, 基本信息, 委托人办理', async () => {
    const { panel } = await open(`https://zwdt.sh.gov.cn/govPortals/apply/${ITEM.employee}/basic`);
    await autofill(panel, CLAIMANT, AGENT);
    const { text, report } = await exportFromPanel(panel);
    assert.equal(report.fill?.agent, true);
    assert.ok(report.fields.filter((f) => f.starred && f.usable).every((f) => f.fill?.outcome === 'filled'), 'every starred field was filled');
    assert.equal(report.fields.find((f) => squash(f.label) === '开户银行')!.widget.framework, 'Element UI');
    assertReport('element-ui-basic', text, report, [...BASIC_STARS, '委托人姓名', '委托人身份证号'], secretsOf([CLAIMANT, AGENT], STREETS));
  });

  it('Element UI replica, 材料上传 with files and an inpatient invoice (the warnings that would fire now)', async () => {
    const { page, panel } = await open(`https://zwdt.sh.gov.cn/govPortals/apply/${ITEM.employee}/basic`);
    await autofill(panel, CLAIMANT, null);
    await page.evaluate(() => {
      const vm = (window as any).__replica.vm;
      vm.invoices.push({ pjdm: '31060221', pjhm: '0012345678', kprq: '2026-09-12', jzlx: '3', yljgmc: '上海市松江区中心医院', je: '345.60', zyqzrq: ['2026-09-01', '2026-09-10'] });
      vm.go(2);
    });
    await page.waitForFunction(() => location.pathname.endsWith('/materials') && document.querySelectorAll('.material-table input[type=file]').length > 0);
    await upload(page, '银行卡', [FILES[2]!]);
    await upload(page, '身份证', [FILES[0]!, FILES[1]!]);
    // the helper has followed the route change (its panel says which step this is) before the user exports
    await panel.waitForFunction(() => /材料上传/.test(document.querySelector('[data-testid="panel-page"]')?.textContent ?? ''));
    const { text, report } = await exportFromPanel(panel);
    assert.equal(report.page.step, 'materials');
    assert.deepEqual(
      report.uploads.filter((u) => u.visible && u.files > 0).map((u) => [squash(u.label), u.files]),
      [
        ['银行卡', 1],
        ['身份证', 2],
      ],
    );
    assert.deepEqual(report.guard.codes, ['missing-insurance-card', 'missing-discharge-summary', 'missing-invoice-detail']);
    assertReport('element-ui-materials', text, report, ['银行卡', '社保卡（无社保卡可上传医保卡）', '身份证', '发票'], [
      ...secretsOf([CLAIMANT], STREETS),
      '0012345678',
      ...FILES,
      ...FILES.map((f) => f.replace(/\.png$/, '')),
    ]);
  });

  it('Bootstrap replica (ywtb.sh.gov.cn:18018), 居保, 本人办理, files chosen', async () => {
    const { page, panel } = await open('https://ywtb.sh.gov.cn:18018/ac-product-net/netapply/apply.do?itemCode=310117006000-0102');
    await autofill(panel, CLAIMANT, null);
    const bank = (await page.$('input[type=file][name=f_0401]')) as ElementHandle<HTMLInputElement>;
    await bank.uploadFile(join(dir, FILES[2]!));
    const { text, report } = await exportFromPanel(panel);
    assert.equal(report.page.host, 'ywtb.sh.gov.cn:18018');
    assert.deepEqual(report.page.query, ['itemCode']);
    assert.ok(!text.includes('310117006000-0102'), 'query values are not in the report');
    assert.equal(report.page.item, 'resident');
    assertReport('bootstrap-basic', text, report, ['办理方式', '报销人姓名', '报销人身份证', '联系电话（手机）', '开户银行', '银行账号', '邮寄地址'], [...secretsOf([CLAIMANT], STREETS), ...FILES]);
  });
});

describe('export on the fixture pages (written unlike the replicas)', () => {
  const fixture = (name: string) => `https://zwdt.sh.gov.cn/govPortals/fixture/${name}/${ITEM.employee}`;

  it('upload-notes: plain HTML, native <dialog> rows, slots whose labels carry notes', async () => {
    const { page, panel } = await open(fixture('upload-notes'));
    await autofill(panel, CLAIMANT, null);
    await addRow(panel, '0012340101');
    await upload(page, '银行卡', [FILES[2]!]);
    await upload(page, '身份证', [FILES[0]!]);
    const { text, report } = await exportFromPanel(panel);
    assert.ok(report.uploads.some((u) => u.kind === 'id-card' && u.accepts.includes('household-register')));
    assertReport('fixture-upload-notes', text, report, ['办理方式', '报销人姓名', '报销人身份证号码', '手机号码', '姓名', '身份证号码', '开户银行', '银行卡号', '通讯地址', '票据号码', '医疗机构名称'], [...secretsOf([CLAIMANT], STREETS), '0012340101', ...FILES]);
  });

  it('district-select: dl/dt/dd wizard, district select + detail, yes/no 办理方式, 委托人办理', async () => {
    const { panel } = await open(fixture('district-select'));
    await autofill(panel, { ...CLAIMANT, mailingAddress: '上海市闵行区七宝镇七莘路100弄2号' }, AGENT);
    const { text, report } = await exportFromPanel(panel);
    assert.equal(report.guard.facts.address, 'outside');
    assert.deepEqual(report.guard.codes, ['address-outside-songjiang']);
    assertReport('fixture-district-select', text, report, ['申请人姓名', '申请人证件号码', '联系手机', '是否委托他人办理', '代办人姓名', '代办人证件号码', '收款银行', '收款账号', '邮寄地址'], secretsOf([CLAIMANT, AGENT], STREETS));
  });

  it('element-plus: the real Element Plus, a row through its dialog, el-upload lists', async () => {
    const { page, panel } = await open(fixture('element-plus'));
    await page.waitForSelector('.el-form-item', { visible: true });
    await autofill(panel, CLAIMANT, null);
    await addRow(panel, '0012340103');
    await upload(page, '银行卡', [FILES[2]!]);
    await page.waitForFunction(() => document.querySelectorAll('.el-upload-list__item').length === 1);
    const { text, report } = await exportFromPanel(panel);
    assert.ok(report.fields.filter((f) => f.usable).every((f) => f.widget.framework === 'Element Plus'), report.fields.map((f) => `${f.label}:${f.widget.framework}`).join(' '));
    assertReport('fixture-element-plus', text, report, ['办理方式', '报销人姓名', '报销人身份证号', '手机号码', '申请日期', '开户银行', '银行卡号', '邮寄地址', '详细地址'], [...secretsOf([CLAIMANT], STREETS), '0012340103', ...FILES]);
  });

  it('plain-table: labels in cells, an invoice table typed inline (another payer, the same invoice twice), a deceased claimant', async () => {
    const { page, panel } = await open(fixture('plain-table'));
    await autofill(panel, { ...CLAIMANT, mailingAddress: '人民路100号' }, null);
    await call(panel, 'panel/set-claim-context', { claimantName: CLAIMANT.name, claimantIdNumber: CLAIMANT.idNumber, deceased: true, delegated: false, invoices: [] });
    for (const i of [0, 1]) {
      await page.type(`[name=fp${i}a]`, '31060121');
      await page.type(`[name=fp${i}b]`, '0055667799');
      await page.select(`[name=fp${i}c]`, '门诊');
      await page.type(`[name=fp${i}d]`, '56.00');
      await page.type(`[name=fp${i}e]`, PAYER);
    }
    await upload(page, '银行卡或存折', [FILES[2]!]);
    const { text, report } = await exportFromPanel(panel);
    assert.deepEqual(report.guard.codes, ['missing-insurance-card', 'missing-id-document', 'missing-invoice-detail', 'payer-name-mismatch', 'duplicate-invoice', 'address-unverified']);
    assert.equal(report.guard.facts.claimant.deceased, true);
    assert.deepEqual(
      report.guard.facts.invoices.map((i) => [i.payer, i.repeated]),
      [
        ['other', false],
        ['other', true],
      ],
    );
    assertReport('fixture-plain-table', text, report, ['姓名', '身份证号', '联系电话', '申报方式', '开户行', '银行账号', '联系地址'], [...secretsOf([CLAIMANT], STREETS), PAYER, '0055667799', ...FILES]);
  });
});

describe('the popup: diagnostics, export, save as a file', () => {
  it('names the rules that matched, the starred fields left unknown, the hint; exports and saves the report', async () => {
    const { page } = await open(`https://zwdt.sh.gov.cn/govPortals/fixture/plain-table/${ITEM.employee}`);
    await page.bringToFront();
    const worker = await (await s.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'))).worker();
    await worker!.evaluate('chrome.action.openPopup()');
    const target = await s.browser.waitForTarget((t) => t.type() === 'page' && t.url().endsWith('/popup.html'));
    const popup = (await target.asPage())!;
    popup.setDefaultTimeout(30_000);
    await popup.waitForSelector('[data-testid="report-understood"]');
    const hint = await popup.$eval('[data-testid="report-hint"]', (e) => e.textContent);
    assert.equal(hint, '把这个页面结构导出发给维护者，可以帮助改进识别');
    const rules = await popup.$$eval('[data-testid="report-star-rules"] li', (els) => els.map((e) => e.getAttribute('data-code')));
    assert.ok(rules.length > 0, 'the star rules that matched are listed');
    const sources = await popup.$$eval('[data-testid="report-label-sources"] li', (els) => els.map((e) => e.getAttribute('data-code')));
    assert.ok(sources.includes('table-cell') || sources.includes('label-for'), `label sources: ${sources.join(', ')}`);
    const understood = await popup.$eval('[data-testid="report-understood"]', (e) => [Number(e.getAttribute('data-fields')), Number(e.getAttribute('data-understood'))]);
    assert.ok(understood[1]! > 0 && understood[1]! <= understood[0]!, JSON.stringify(understood));
    // nothing filled yet on this page: every starred field is understood all the same
    assert.equal((await popup.$$('[data-testid="report-unknown-field"]')).length, 0);

    // export from the popup: the JSON is shown first, then saved into the downloads folder
    const downloads = mkdtempSync(join(tmpdir(), 'report-downloads-'));
    const cdp = await popup.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    await popup.click('[data-testid="structure-export"]');
    const shown = await popup.waitForSelector('[data-testid="structure-report"]', { visible: true });
    const json = await shown!.evaluate((e) => e.textContent ?? '');
    const report = parseReport(JSON.parse(json));
    assert.equal(report.page.path.split('/')[3], 'plain-table');
    await popup.click('[data-testid="structure-download"]');
    const deadline = Date.now() + 30_000;
    let saved: string | undefined;
    while (!saved && Date.now() < deadline) {
      saved = readdirSync(downloads).find((f) => f.endsWith('.json'));
      if (!saved) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(saved && existsSync(join(downloads, saved)), 'the report was saved');
    assert.match(saved!, /^zwdt-page-structure-employee-unknown-\d{4}-\d{2}-\d{2}\.json$/);
    assert.equal(readFileSync(join(downloads, saved!), 'utf8'), json);
    await popup.waitForSelector('[data-testid="structure-note"]');
    rmSync(downloads, { recursive: true, force: true });
    // …or copied, to paste into a mail to the maintainers
    await s.browser.defaultBrowserContext().overridePermissions(`chrome-extension://${s.extensionId}`, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    await popup.click('[data-testid="structure-copy"]');
    await popup.waitForFunction(() => document.querySelector('[data-testid="structure-note"]')?.textContent?.startsWith('已复制'));
    assert.equal(await popup.evaluate(() => navigator.clipboard.readText()), json);
    await popup.close();
    await page.close();
  });
});
