/**
 * Guidance for first-timers (issue 14), end to end with the built extension:
 * - the eligibility check (popup and the guide page's panel) for every case and every honest "no";
 * - the material checklist ticking off as files are chosen on 材料上传, on both replicas;
 * - the real toolbar popup (chrome.action.openPopup) naming item, step and missing starred fields on
 *   both replicas, and its 自动填写 reaching the panel of that tab;
 * - never hiding the form: at 1366×768 and 100 / 150 / 200 % text, the docked helper's host rect
 *   against every starred field and every 上一步 / 下一步 / 提交 button, at every scroll position;
 * - axe-core: no serious or critical violation on the popup, options, guidance page and the in-page
 *   panel (guide and application), in normal and high-contrast mode.
 *
 *   npm run build && node tests/e2e/run.mjs guidance
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { launch, helperFrame, importProfiles, ITEM, ROOT, type Session } from './harness';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const BS_URL = 'https://ywtb.sh.gov.cn:18018/ac-product-net/netapply/apply.do?itemCode=310117006000-0102';
const EL_URL = `https://zwdt.sh.gov.cn/govPortals/apply/${ITEM.employee}/basic`;

let s: Session;
/** alert()/confirm() texts the replicas showed (a failed step says why). */
const dialogs: string[] = [];
let filesDir: string;
const file = (name: string) => {
  const path = join(filesDir, name);
  writeFileSync(path, PNG);
  return path;
};

before(async () => {
  s = await launch();
  filesDir = mkdtempSync(join(tmpdir(), 'guidance-files-'));
  await importProfiles(s, readFileSync(join(ROOT, 'tests/fixtures/profiles.demo.json'), 'utf8'));
});
after(async () => {
  await s?.close();
  if (filesDir) rmSync(filesDir, { recursive: true, force: true });
});

async function newPage(url?: string, viewport = { width: 1366, height: 768 }): Promise<Page> {
  const page = await s.newPage();
  page.setDefaultTimeout(60_000);
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.accept();
  });
  await page.setViewport(viewport);
  if (url) await page.goto(url, { waitUntil: 'load' });
  return page;
}

async function setSettings(patch: Record<string, unknown>) {
  const p = await s.newPage(s.extensionUrl('options.html'));
  const res = await p.evaluate((payload) => (globalThis as any).chrome.runtime.sendMessage({ type: 'settings/update', payload }), patch);
  await p.close();
  assert.equal(res?.ok, true, JSON.stringify(res));
}

/** axe-core in a page or frame: serious and critical violations, as "rule: target" lines. */
async function axe(ctx: Page | Frame): Promise<string[]> {
  await ctx.evaluate(AXE);
  const res = await ctx.evaluate(async () => {
    const r = await (globalThis as any).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n: any) => n.target.join(' ')).slice(0, 3) }));
  });
  return (res as Array<{ id: string; impact: string; nodes: string[] }>).filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.join(', ')}`);
}

/** The real toolbar popup over the tab in front (puppeteer's documented way: action.openPopup from the worker). */
async function openPopup(over: Page): Promise<Page> {
  await over.bringToFront();
  const workerTarget = await s.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
  const worker = await workerTarget.worker();
  await worker!.evaluate('chrome.action.openPopup()');
  const target = await s.browser.waitForTarget((t) => t.type() === 'page' && t.url().endsWith('/popup.html'));
  const popup = (await target.asPage())!;
  popup.setDefaultTimeout(30_000);
  await popup.waitForSelector('[data-testid="popup"][aria-busy="false"]');
  return popup;
}

// ---------------------------------------------------------------- the replicas, driven like a user

/** Element app: 委托人办理 chosen, an inpatient invoice added, then 材料上传 (set through the app's own methods). */
async function elementToMaterials(page: Page) {
  await page.waitForSelector('.el-form .el-form-item', { visible: true });
  await page.evaluate(() => {
    const vm = (window as any).__replica.vm;
    vm.form.blfs = '2';
    vm.invoices.push({ pjdm: '31060221', pjhm: '0012345678', kprq: '2026-09-12', jzlx: '3', yljgmc: '上海市松江区中心医院', je: '345.60', zyqzrq: ['2026-09-01', '2026-09-10'] });
    vm.go(2);
  });
  await page.waitForFunction(() => location.pathname.endsWith('/materials') && document.querySelectorAll('.material-table input[type=file]').length > 0);
}
async function elementChoose(page: Page, label: string, names: string[]) {
  for (const row of await page.$$('.material-table tbody tr')) {
    const text = await row.$eval('td:nth-child(2)', (td) => td.textContent!.replace('*', '').trim());
    if (text !== label) continue;
    const input = (await row.$('input[type=file]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(...names.map(file));
    return;
  }
  throw new Error(`no material row ${label}`);
}

/** Bootstrap app, as a user: 基本信息 (委托人办理), 下一步, an inpatient invoice through 新增, 下一步 → 材料上传. */
async function bootstrapToInvoice(page: Page) {
  await page.waitForSelector('#btnNext');
  await page.click('label.radio-inline:nth-of-type(2)');
  await page.type('#i_0192', '王桂兰');
  await page.type('#i_0193', '310117194805120026');
  await page.type('#i_0195', '王小红');
  await page.type('#i_0196', '310117197603044422');
  await page.type('#i_0201', '13600001111');
  await page.type('#i_0205', '2026-09-03');
  await page.select('select[name=f_0207]', '301');
  await page.type('input[name=f_0208]', '6222600000001111');
  await page.select('select[name=f_0211]', '310117');
  await page.type('input[name=f_0212]', '岳阳街道人民北路200号');
  await page.click('#btnNext');
  await page.waitForSelector('#btnAddFp', { visible: true });
}
/** Bootstrap's modal has finished sliding in (typing during the transition loses keys). */
async function modalShown(page: Page) {
  await page.waitForSelector('#fpModal.in', { visible: true });
  await page.waitForFunction(() => {
    const d = document.querySelector('#fpModal .modal-dialog');
    const tr = d ? getComputedStyle(d).transform : '';
    return tr === 'none' || tr === 'matrix(1, 0, 0, 1, 0, 0)';
  });
}
async function bootstrapToMaterials(page: Page) {
  await bootstrapToInvoice(page);
  await page.click('#btnAddFp');
  await modalShown(page);
  await page.type('#fpModal [name=f_0311]', '31060221');
  await page.type('#fpModal [name=f_0312]', '0012345679');
  await page.type('#fpModal [name=f_0313]', '2026-09-03');
  await page.select('#fpModal [name=f_0314]', '21');
  await page.type('#fpModal [name=f_0315]', '上海市松江区中心医院');
  await page.type('#fpModal [name=f_0316]', '512.30');
  await page.type('#fpModal [name=f_0317]', '2026-08-20');
  await page.type('#fpModal [name=f_0318]', '2026-08-30');
  await page.click('#btnFpOk');
  await page.waitForSelector('#fpModal', { hidden: true, timeout: 30_000 }).catch((e) => {
    throw new Error(`新增发票 stayed open; the page said: ${dialogs.join(' / ')} (${e})`);
  });
  await page.waitForSelector('.modal-backdrop', { hidden: true });
  await page.click('#btnNext');
  await page.waitForFunction(() => document.querySelector('.step-nav li.active')?.textContent?.includes('材料上传'));
}
async function bootstrapChoose(page: Page, name: string, names: string[]) {
  const input = (await page.$(`input[type=file][name=${name}]`)) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(...names.map(file));
}

/** The panel's checklist line states, by line id. */
async function lineStates(frame: Frame): Promise<Record<string, string>> {
  return frame.$$eval('[data-testid="panel"] [data-testid="checklist-line"]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-id'), e.getAttribute('data-state')])));
}
async function waitLine(frame: Frame, id: string, state: string) {
  await frame.waitForSelector(`[data-testid="panel"] [data-testid="checklist-line"][data-id="${id}"][data-state="${state}"]`, { timeout: 30_000 });
}

// ---------------------------------------------------------------- eligibility

describe('eligibility check', () => {
  const CASES: Array<{ answers: Array<[string, string]>; expect: Record<string, string> }> = [
    { answers: [['songjiang', 'yes'], ['where', 'away'], ['visitAway', 'emergency'], ['insurance', 'employee']], expect: { outcome: 'eligible', case: 'away-emergency', item: 'employee' } },
    { answers: [['songjiang', 'yes'], ['where', 'shanghai'], ['shanghaiReason', 'ambulance'], ['insurance', 'resident']], expect: { outcome: 'eligible', case: 'shanghai-ambulance', item: 'resident' } },
    { answers: [['songjiang', 'yes'], ['where', 'shanghai'], ['shanghaiReason', 'card-lost'], ['insurance', 'employee']], expect: { outcome: 'eligible', case: 'shanghai-card-lost', item: 'employee' } },
    { answers: [['songjiang', 'yes'], ['where', 'transferred'], ['visitTransferred', 'observation'], ['insurance', 'resident']], expect: { outcome: 'eligible', case: 'transferred', item: 'resident' } },
    { answers: [['songjiang', 'yes'], ['where', 'transferred'], ['visitTransferred', 'inpatient'], ['insurance', 'unsure']], expect: { outcome: 'eligible', case: 'transferred', item: 'unsure' } },
    { answers: [['songjiang', 'no']], expect: { outcome: 'not-online', reason: 'outside-songjiang' } },
    { answers: [['songjiang', 'yes'], ['where', 'away'], ['visitAway', 'outpatient']], expect: { outcome: 'not-online', reason: 'away-not-emergency' } },
    { answers: [['songjiang', 'yes'], ['where', 'shanghai'], ['shanghaiReason', 'other']], expect: { outcome: 'not-online', reason: 'shanghai-ordinary' } },
  ];

  it('the popup leads every case to its item, or says honestly it cannot be filed online', async () => {
    const blank = await newPage('https://www.example.com/');
    const popup = await openPopup(blank);
    for (const c of CASES) {
      // start over: the first answer resets the walk
      for (const [q, v] of c.answers) await popup.click(`[data-testid="elig-${q}-${v}"]`);
      const result = await popup.waitForSelector('[data-testid="eligibility-result"]');
      const got = await result!.evaluate((el) => ({ ...(el as HTMLElement).dataset }));
      for (const [k, v] of Object.entries(c.expect)) assert.equal(got[k], v, `${JSON.stringify(c.answers)}: ${k}`);
      const text = await result!.evaluate((el) => (el as HTMLElement).innerText);
      if (c.expect.outcome === 'not-online') {
        assert.match(text, /这种情况不能在网上报销/);
        assert.match(text, /可以这样办/);
      } else {
        const links = await popup.$$eval('[data-testid^="eligibility-link-"]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
        const want = c.expect.item === 'unsure' ? [ITEM.employee, ITEM.resident] : [ITEM[c.expect.item as 'employee' | 'resident']];
        assert.deepEqual(links, want.map((id) => `https://zwdt.sh.gov.cn/govPortals/bsfw/item/${id}`));
      }
      await popup.click('[data-testid="elig-songjiang-no"]'); // reset to a one-answer walk
    }
    await popup.close();
    await blank.close();
  });

  it('works with the keyboard alone (Tab to a group, arrows to choose), with a visible focus ring', async () => {
    const page = await newPage(s.extensionUrl('guidance.html'));
    await page.waitForSelector('[data-testid="elig-q-songjiang"]');
    // Tab from the top of the page to the first question's radio group
    let focused = '';
    for (let i = 0; i < 10 && !focused.startsWith('elig-songjiang'); i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement as HTMLElement)?.dataset.testid ?? '');
    }
    assert.equal(focused, 'elig-songjiang-yes');
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    assert.notEqual(ring, 'none', 'the focused radio shows a focus ring');
    await page.keyboard.press('Space'); // 是
    await page.keyboard.press('Tab'); // → 在哪里看的病
    await page.keyboard.press('ArrowDown'); // → transferred
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // outpatient → emergency
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // employee → resident
    const got = await page.$eval('[data-testid="eligibility-result"]', (el) => ({ ...(el as HTMLElement).dataset }));
    assert.deepEqual({ outcome: got.outcome, case: got.case, item: got.item }, { outcome: 'eligible', case: 'transferred', item: 'resident' });
    await page.close();
  });

  it('the guide page’s panel asks the same questions and names its own item', async () => {
    const page = await newPage(`https://zwdt.sh.gov.cn/govPortals/bsfw/item/${ITEM.resident}`);
    const frame = await helperFrame(page);
    for (const [q, v] of [['songjiang', 'yes'], ['where', 'away'], ['visitAway', 'emergency'], ['insurance', 'resident']]) {
      await frame.click(`[data-testid="guide-hint"] [data-testid="elig-${q}-${v}"]`);
    }
    const text = await frame.$eval('[data-testid="eligibility-result"]', (el) => (el as HTMLElement).innerText);
    assert.match(text, /办理医疗费零星报销\(居保人员\)/);
    assert.match(text, /就是您现在打开的这一项/);
    await page.close();
  });
});

// ---------------------------------------------------------------- material checklist

describe('material checklist', () => {
  it('the printable page: lines follow the people questions; A4 print style', async () => {
    const page = await newPage(s.extensionUrl('guidance.html?delegated=1&minor=0&deceased=0&inpatient=1'));
    await page.waitForSelector('[data-testid="checklist"]');
    const needed = await page.$$eval('[data-testid="checklist-line"]:not([data-state="optional"])', (els) => els.map((e) => e.getAttribute('data-id')));
    assert.deepEqual(needed, ['bank-card', 'insurance-card', 'id-document', 'agent-id', 'discharge-summary', 'invoice', 'invoice-detail']);
    await page.click('[data-testid="checklist-ask-delegated"]');
    await page.click('[data-testid="checklist-ask-minor"]');
    const text = await page.$eval('[data-testid="checklist"]', (e) => (e as HTMLElement).innerText);
    assert.match(text, /户口本本人页/);
    assert.match(await page.$eval('[data-testid="checklist-line"][data-id="agent-id"]', (e) => e.getAttribute('data-state')!), /optional/);
    await page.emulateMediaType('print');
    const hidden = await page.$eval('[data-testid="eligibility"]', (e) => getComputedStyle(e.parentElement!).display);
    assert.equal(hidden, 'none', 'the questions are not printed');
    assert.equal(await page.$eval('[data-testid="checklist-situation"]', (e) => getComputedStyle(e).display), 'block');
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    assert.ok(pdf.length > 1000);
    await page.emulateMediaType('screen');
    await page.close();
  });

  it('Element replica: ticks off as uploads appear on 材料上传', async () => {
    const page = await newPage(EL_URL);
    const frame = await helperFrame(page);
    await elementToMaterials(page);
    await waitLine(frame, 'bank-card', 'missing');
    const start = await lineStates(frame);
    assert.equal(start['agent-id'], 'missing', '委托人办理 on the page: the account holder’s ID is needed');
    assert.equal(start['discharge-summary'], 'missing', 'an inpatient invoice on the page: 出院小结 is needed');
    await elementChoose(page, '银行卡', ['银行卡.png']);
    await waitLine(frame, 'bank-card', 'done');
    await elementChoose(page, '出院小结', ['出院小结.png']);
    await waitLine(frame, 'discharge-summary', 'done');
    await elementChoose(page, '社保卡（无社保卡可上传医保卡）', ['社保卡.png']);
    await elementChoose(page, '身份证', ['身份证.png']);
    await elementChoose(page, '被委托人身份证', ['委托人身份证.png']);
    await elementChoose(page, '发票', ['发票1.png']);
    await waitLine(frame, 'invoice', 'done');
    assert.match(await frame.$eval('[data-testid="panel"] [data-testid="checklist-status"]', (e) => e.textContent!), /还差 1 项/);
    await elementChoose(page, '发票明细', ['发票明细1.png']);
    await waitLine(frame, 'invoice-detail', 'done');
    assert.match(await frame.$eval('[data-testid="panel"] [data-testid="checklist-status"]', (e) => e.textContent!), /都已上传/);
    assert.deepEqual(s.replica.submissions, []);
    await page.close();
  });

  it('Bootstrap replica: ticks off as uploads appear on 材料上传', async () => {
    const page = await newPage(BS_URL);
    const frame = await helperFrame(page);
    await bootstrapToMaterials(page);
    await waitLine(frame, 'bank-card', 'missing');
    assert.equal((await lineStates(frame))['agent-id'], 'missing');
    assert.equal((await lineStates(frame))['discharge-summary'], 'missing');
    await bootstrapChoose(page, 'f_0401', ['银行卡.png']);
    await waitLine(frame, 'bank-card', 'done');
    await bootstrapChoose(page, 'f_0404', ['委托人身份证.png']);
    await waitLine(frame, 'agent-id', 'done');
    await bootstrapChoose(page, 'f_0405', ['出院小结.png']);
    await waitLine(frame, 'discharge-summary', 'done');
    const states = await lineStates(frame);
    assert.equal(states['insurance-card'], 'missing');
    assert.equal(states['id-document'], 'missing');
    await page.close();
  });
});

// ---------------------------------------------------------------- the popup

describe('popup that knows the page', () => {
  it('Element replica: names item, step and the starred fields still empty; 自动填写 reaches the panel', async () => {
    const page = await newPage(EL_URL);
    await helperFrame(page);
    await page.waitForSelector('.el-form .el-form-item', { visible: true });
    let popup = await openPopup(page);
    const place = await popup.$eval('[data-testid="popup-place"]', (e) => ({ item: e.getAttribute('data-item'), step: e.getAttribute('data-step'), text: (e as HTMLElement).innerText }));
    assert.deepEqual([place.item, place.step], ['employee', 'basic']);
    assert.match(place.text, /职保人员/);
    assert.match(place.text, /基本信息/);
    const missing = await popup.$$eval('[data-testid="popup-missing-field"]', (els) => els.map((e) => e.textContent!.trim()));
    for (const label of ['办理方式', '报销人姓名', '报销人身份证号', '手机号码', '开户银行', '邮寄地址']) assert.ok(missing.includes(label), `${label} named as missing (${missing.join('、')})`);
    assert.ok(!missing.includes('紧急联系人电话'), 'optional fields are not named');
    assert.match(await popup.$eval('[data-testid="popup-invoices"]', (e) => e.textContent!), /已识别 0 张.*已填 0 张/);
    assert.ok(await popup.$('[data-testid="popup-autofill"]'), '自动填写 offered on 基本信息');
    const axeFindings = await axe(popup);
    assert.deepEqual(axeFindings, [], 'popup over the application: axe');
    // 自动填写 from the popup: the panel of this tab fills with the people chosen there
    await popup.click('[data-testid="popup-autofill"]');
    const frame = await helperFrame(page);
    await frame.waitForSelector('[data-testid="autofill-summary"]', { timeout: 60_000 });
    popup = await openPopup(page);
    await popup.waitForSelector('[data-testid="popup-fields"]');
    const after = await popup.$$eval('[data-testid="popup-missing-field"]', (els) => els.map((e) => e.textContent!.trim()));
    assert.ok(after.length < missing.length, `fewer missing after 自动填写 (${after.join('、')})`);
    assert.ok(!after.includes('报销人姓名'));
    await popup.close();
    await page.close();
  });

  it('Bootstrap replica: names item, step and missing fields; on 材料上传 the checklist and warnings', async () => {
    const page = await newPage(BS_URL);
    await helperFrame(page);
    let popup = await openPopup(page);
    const place = await popup.$eval('[data-testid="popup-place"]', (e) => ({ item: e.getAttribute('data-item'), step: e.getAttribute('data-step') }));
    assert.deepEqual(place, { item: 'resident', step: 'basic' });
    const missing = await popup.$$eval('[data-testid="popup-missing-field"]', (els) => els.map((e) => e.textContent!.trim()));
    for (const label of ['办理方式', '报销人姓名', '报销人身份证', '联系电话（手机）']) assert.ok(missing.includes(label), `${label} (${missing.join('、')})`);
    await popup.close();
    await bootstrapToMaterials(page);
    await bootstrapChoose(page, 'f_0401', ['银行卡.png']);
    popup = await openPopup(page);
    assert.equal(await popup.$eval('[data-testid="popup-place"]', (e) => e.getAttribute('data-step')), 'materials');
    assert.match(await popup.$eval('[data-testid="popup-invoices"]', (e) => e.textContent!), /已填 1 张/);
    const codes = await popup.$$eval('[data-testid="popup-warnings"] [data-warning-code]', (els) => els.map((e) => e.getAttribute('data-warning-code')));
    assert.ok(codes.includes('missing-agent-id') && codes.includes('missing-discharge-summary'), codes.join());
    assert.ok(!codes.includes('missing-bank-card'), 'the bank card was chosen');
    assert.equal(await popup.$eval('[data-testid="checklist-line"][data-id="bank-card"]', (e) => e.getAttribute('data-state')), 'done');
    await popup.close();
    await page.close();
  });

  it('declares the 自动填写 shortcut (commands API)', async () => {
    const page = await s.newPage(s.extensionUrl('manifest.json'));
    const manifest = JSON.parse(await page.evaluate(() => document.body.innerText));
    assert.equal(manifest.commands.autofill.suggested_key.default, 'Alt+Shift+F');
    assert.equal(manifest.browser_specific_settings, undefined, 'the Firefox-only key stays out of the Chromium build');
    await page.close();
  });
});

// ---------------------------------------------------------------- never hide the form

/** Rects of every starred field and step button, and the helper host's rect, at one scroll position. */
async function covered(page: Page): Promise<{ host: number[]; hits: string[]; protectedCount: number; oldPanelHits: number }> {
  await page.evaluate('globalThis.__name = globalThis.__name || ((f) => f)'); // tsx keeps function names with a helper
  return page.evaluate(() => {
    const vis = (el: Element) => {
      const r = el.getBoundingClientRect();
      const st = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && st.visibility !== 'hidden' && st.display !== 'none';
    };
    const prot: Array<{ name: string; r: DOMRect }> = [];
    // starred fields: Element's .is-required items, Bootstrap's .is-required labels and literal red stars
    for (const item of document.querySelectorAll('.el-form-item.is-required')) {
      const c = item.querySelector('.el-form-item__content');
      if (c && vis(c) && !item.closest('.el-dialog__wrapper')) prot.push({ name: item.querySelector('label')?.textContent?.trim() ?? '?', r: c.getBoundingClientRect() });
    }
    for (const star of document.querySelectorAll('label.is-required, .red, .material-star')) {
      const row = star.closest('.form-group, tr');
      if (!row || !vis(row) || row.closest('.modal')) continue;
      for (const c of row.querySelectorAll('input:not([type=hidden]), select, textarea, button, .el-upload')) if (vis(c)) prot.push({ name: star.parentElement?.textContent?.trim().slice(0, 12) ?? '?', r: c.getBoundingClientRect() });
    }
    for (const b of document.querySelectorAll('button, input[type=button], input[type=submit], a.btn')) {
      const t = (b.textContent || (b as HTMLInputElement).value || '').replace(/\s/g, '');
      if (/^(上一步|下一步|提交)$/.test(t) && vis(b)) prot.push({ name: t, r: b.getBoundingClientRect() });
    }
    const host = document.querySelector('zwdt-reimburse-helper')!.getBoundingClientRect();
    const overlap = (a: DOMRect | { left: number; right: number; top: number; bottom: number }, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    // the old floating panel (right:16px, bottom:16px, 420 × min(86vh, 760)) at the same place, for README's numbers
    const oldH = Math.min(innerHeight * 0.86, 760);
    const old = { left: innerWidth - 16 - 420, right: innerWidth - 16, top: innerHeight - 16 - oldH, bottom: innerHeight - 16 };
    const onScreen = (r: DOMRect) => r.right > 0 && r.left < innerWidth && r.bottom > 0 && r.top < innerHeight;
    return {
      host: [host.left, host.top, host.width, host.height],
      hits: prot.filter((p) => overlap(host, p.r)).map((p) => p.name),
      protectedCount: prot.length,
      oldPanelHits: prot.filter((p) => onScreen(p.r) && overlap(old, p.r)).length,
    };
  });
}

/** Every scroll position (a screen at a time, vertically and sideways): nothing protected under the helper. */
async function assertNothingCovered(page: Page, label: string): Promise<{ checks: number; oldPanelHits: number; width: number }> {
  const size = await page.evaluate(() => ({ w: document.documentElement.scrollWidth - innerWidth, h: document.documentElement.scrollHeight - innerHeight, vw: innerWidth, vh: innerHeight }));
  let checks = 0;
  let oldPanelHits = 0;
  let width = 0;
  for (const x of [0, Math.max(0, size.w)]) {
    for (let y = 0; y <= size.h + size.vh / 2; y += Math.round(size.vh * 0.8)) {
      await page.evaluate((x, y) => window.scrollTo(x, y), x, y);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const c = await covered(page);
      assert.ok(c.protectedCount > 3, `${label}: starred fields and step buttons found (${c.protectedCount})`);
      assert.deepEqual(c.hits, [], `${label} at scroll ${x},${y}: the helper (${c.host.join(',')}) covers ${c.hits.join('、')}`);
      if (x === 0 && y === 0) {
        oldPanelHits = c.oldPanelHits;
        width = c.host[2]!;
      }
      checks++;
    }
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return { checks, oldPanelHits, width };
}

describe('never hide the form (1366×768)', () => {
  const table: string[] = [];
  after(() => {
    console.log(`\n  no-overlap at 1366×768 (helper width | scroll positions checked | old floating panel would cover):\n${table.join('\n')}`);
  });

  for (const scale of [100, 150, 200] as const) {
    it(`${scale} % text: the expanded helper covers no starred field and no step button on either replica`, async () => {
      await setSettings({ textScale: scale });
      // Element: 基本信息 (委托人办理: every starred field shown), then 材料上传
      const el = await newPage(EL_URL);
      const elFrame = await helperFrame(el);
      await el.waitForSelector('.el-form .el-form-item', { visible: true });
      await el.evaluate(() => ((window as any).__replica.vm.form.blfs = '2'));
      await el.waitForFunction((w: number) => Math.abs(document.querySelector('zwdt-reimburse-helper')!.getBoundingClientRect().width - Math.min(w, innerWidth * 0.45)) < 2, {}, { 100: 420, 150: 520, 200: 640 }[scale]);
      assert.ok(await elFrame.$('[data-testid="panel"]:not([hidden])'), 'the helper is expanded');
      let r = await assertNothingCovered(el, `Element 基本信息 ${scale}%`);
      table.push(`  Element 基本信息 ${scale}% | ${r.width}px | ${r.checks} | ${r.oldPanelHits}`);
      // an Element dropdown still opens under its own input (the page is shifted, pop-ups follow)
      const select = (await el.$('.el-select'))!;
      await select.click();
      const aligned = await el.waitForFunction(() => {
        const dd = [...document.querySelectorAll('.el-select-dropdown')].find((d) => (d as HTMLElement).offsetParent !== null);
        const input = document.querySelector('.el-select input');
        if (!dd || !input) return null;
        return Math.abs(dd.getBoundingClientRect().left - input.getBoundingClientRect().left) < 4 ? 'aligned' : `off by ${dd.getBoundingClientRect().left - input.getBoundingClientRect().left}`;
      });
      assert.equal(await aligned.jsonValue(), 'aligned');
      await el.keyboard.press('Escape');
      await elementToMaterials(el);
      r = await assertNothingCovered(el, `Element 材料上传 ${scale}%`);
      table.push(`  Element 材料上传 ${scale}% | ${r.width}px | ${r.checks} | ${r.oldPanelHits}`);
      await el.close();
      // Bootstrap: 基本信息 (委托人办理), then 材料上传
      const bs = await newPage(BS_URL);
      await helperFrame(bs);
      await bs.click('label.radio-inline:nth-of-type(2)');
      await bs.waitForFunction((w: number) => Math.abs(document.querySelector('zwdt-reimburse-helper')!.getBoundingClientRect().width - Math.min(w, innerWidth * 0.45)) < 2, {}, { 100: 420, 150: 520, 200: 640 }[scale]);
      r = await assertNothingCovered(bs, `Bootstrap 基本信息 ${scale}%`);
      table.push(`  Bootstrap 基本信息 ${scale}% | ${r.width}px | ${r.checks} | ${r.oldPanelHits}`);
      await bootstrapToMaterials(bs);
      r = await assertNothingCovered(bs, `Bootstrap 材料上传 ${scale}%`);
      table.push(`  Bootstrap 材料上传 ${scale}% | ${r.width}px | ${r.checks} | ${r.oldPanelHits}`);
      await bs.close();
    });
  }

  it('a page’s modal dialog goes over the helper (新增发票 is not covered)', async () => {
    await setSettings({ textScale: 200 });
    const bs = await newPage(BS_URL);
    await helperFrame(bs);
    await bootstrapToInvoice(bs);
    await bs.click('#btnAddFp');
    await bs.waitForSelector('#fpModal.in', { visible: true });
    const free = await bs.waitForFunction(() => {
      const input = document.querySelector('#fpModal [name=f_0311]')!;
      const r = input.getBoundingClientRect();
      return input.contains(document.elementFromPoint(r.left + 2, r.top + r.height / 2));
    });
    assert.equal(await free.jsonValue(), true);
    await setSettings({ textScale: 100 });
    await bs.close();
  });
});

// ---------------------------------------------------------------- accessibility

describe('accessibility (axe-core: no serious or critical violation)', () => {
  for (const highContrast of [false, true]) {
    it(`extension pages and the in-page panel${highContrast ? ', high contrast' : ''}`, async () => {
      await setSettings({ highContrast, textScale: highContrast ? 150 : 100 });
      const problems: string[] = [];
      for (const path of ['options.html', 'guidance.html', 'popup.html']) {
        const p = await newPage(s.extensionUrl(path));
        await p.waitForSelector('#app > *');
        await p.waitForFunction((hc: boolean) => document.documentElement.dataset.contrast === (hc ? 'high' : 'normal'), {}, highContrast);
        problems.push(...(await axe(p)).map((v) => `${path}: ${v}`));
        await p.close();
      }
      const guide = await newPage(`https://zwdt.sh.gov.cn/govPortals/bsfw/item/${ITEM.employee}`);
      const gFrame = await helperFrame(guide);
      await gFrame.click('[data-testid="guide-hint"] summary');
      problems.push(...(await axe(gFrame)).map((v) => `panel (guide): ${v}`));
      await guide.close();
      const app = await newPage(EL_URL);
      const aFrame = await helperFrame(app);
      await aFrame.waitForSelector('[data-testid="claimant-select"]');
      problems.push(...(await axe(aFrame)).map((v) => `panel (application): ${v}`));
      // the collapsed launcher too
      await aFrame.click('[data-testid="panel-collapse"]');
      await aFrame.waitForSelector('[data-testid="panel-expand"]', { visible: true });
      problems.push(...(await axe(aFrame)).map((v) => `panel (launcher): ${v}`));
      await app.close();
      assert.deepEqual(problems, []);
    });
  }

  after(async () => {
    await setSettings({ highContrast: false, textScale: 100 });
  });
});
