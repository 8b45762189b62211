/**
 * `npm run demo` — the main job: build the extension (done by the npm script), serve the portal
 * replica at the real host names and open Chromium with the extension loaded.
 *
 * With a display: a real window on the 职保 guide page; the demo people are imported; walk the
 * flow yourself (立即办理 → the helper's panel on the right). Without one (DISPLAY unset): the
 * same browser headless walks the flow and saves a screenshot per step under demo-output/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { launch, helperFrame, importProfiles, ITEM, ROOT, sleep, type Session } from '../e2e/harness';
import { MODAL, back, goOn, waitModal } from '../e2e/guard-ui';
import { generateOne } from '../invoice-gen/generate';

const OUT = join(ROOT, 'demo-output');
const headless = !process.env.DISPLAY;
const shots: string[] = [];

async function shot(page: Page, name: string) {
  const file = join(OUT, `${String(shots.length + 1).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  shots.push(file);
  console.log(`  📸 ${file}`);
}

async function importDemoPeople(s: Session) {
  await importProfiles(s, readFileSync(join(ROOT, 'tests/fixtures/profiles.demo.json'), 'utf8'));
  const page = await s.newPage(s.extensionUrl('options.html'));
  await sleep(800);
  await shot(page, 'options-people');
  await page.close();
}

async function openApplicationFromGuide(s: Session): Promise<Page> {
  const guide = await s.newPage(`https://zwdt.sh.gov.cn/govPortals/bsfw/item/${ITEM.employee}`);
  await helperFrame(guide);
  await sleep(400);
  await shot(guide, 'guide-page-hint');
  const [btn] = await guide.$$('xpath/.//button[contains(., "立即办理")]');
  await btn!.click();
  await guide.waitForSelector('#bwptBtn', { visible: true });
  const newTab = new Promise<Page>((resolve) => s.browser.once('targetcreated', async (t) => resolve((await t.page())!)));
  await guide.click('#bwptBtn');
  const app = await newTab;
  await app.setViewport({ width: 1360, height: 900 });
  await app.waitForNetworkIdle({ idleTime: 300 }).catch(() => {});
  return app;
}

async function fillBasicInformation(app: Page, panel: Frame) {
  await app.waitForSelector('.el-form-item', { visible: true });
  await panel.waitForSelector('[data-testid="claimant-select"] option[value="demo-mother-wang"]');
  await panel.select('[data-testid="claimant-select"]', 'demo-mother-wang');
  await panel.select('[data-testid="agent-select"]', 'demo-self-li');
  await sleep(300);
  await shot(app, 'basic-before-fill');
  await panel.click('[data-testid="autofill-button"]');
  await panel.waitForSelector('[data-testid="autofill-summary"]', { timeout: 30_000 });
  await sleep(300);
  const summary = await panel.$eval('[data-testid="autofill-summary"]', (el) => (el as HTMLElement).innerText);
  console.log(`  ✍️  ${summary.split('\n')[0]}`);
  await shot(app, 'basic-after-fill');
}

async function clickButton(page: Page, text: string) {
  const [btn] = await page.$$(`xpath/.//button[normalize-space(.)="${text}"]`);
  if (!btn) throw new Error(`no button ${text}`);
  await btn.click();
}

async function expandPanel(panel: Frame) {
  const expand = await panel.$('[data-testid="panel-expand"]');
  if (expand && (await expand.isVisible())) await expand.click();
  await sleep(300);
}

/** 发票信息: a generated PDF e-invoice is read in the panel, reviewed, confirmed and filled as a row. */
async function readAndFillInvoice(app: Page, panel: Frame, pdfFile: string) {
  await clickButton(app, '下一步');
  await app.waitForFunction(() => location.pathname.endsWith('/invoice'), { timeout: 30_000 });
  await expandPanel(panel);
  const input = await panel.waitForSelector('input[type=file][data-testid="invoice-file-input"]');
  await (input as unknown as { uploadFile(...f: string[]): Promise<void> }).uploadFile(pdfFile);
  const review = '[data-testid="invoice-review"]';
  await panel.waitForSelector(`${review} [data-testid="invoice-confirm"]:not([disabled])`, { timeout: 180_000 });
  await sleep(300);
  await shot(app, 'invoice-read-for-review');
  await panel.click(`${review} [data-testid="invoice-confirm"]`);
  await panel.waitForSelector('[data-testid="invoice-fill-button"]:not([disabled])');
  await panel.click('[data-testid="invoice-fill-button"]');
  await panel.waitForSelector('[data-testid="invoice-fill-report"]', { timeout: 60_000 });
  await sleep(500);
  await shot(app, 'invoice-row-filled');
}

/** 材料上传 with the 出院小结 and the 被委托人身份证 missing: the guard explains before 提交. */
async function submitWithMissingMaterials(app: Page, photo: string) {
  await clickButton(app, '下一步');
  // The generated invoice names another payer than the claimant: the guard says so; the demo goes on.
  // (the warnings sit in a closed shadow root: guard-ui reaches them over the DevTools protocol)
  await Promise.race([
    app.waitForFunction(() => location.pathname.endsWith('/materials'), { timeout: 30_000 }),
    app.waitForSelector(MODAL, { timeout: 30_000 }),
  ]);
  if (await app.$(MODAL)) {
    await sleep(400);
    await shot(app, 'warning-on-next');
    await goOn(app);
    await app.waitForFunction(() => location.pathname.endsWith('/materials'), { timeout: 30_000 });
  }
  for (const row of await app.$$('.material-table tbody tr')) {
    const label = await row.$eval('td:nth-child(2)', (td) => (td.textContent ?? '').replace('*', '').trim());
    if (!/^(银行卡|社保卡|身份证)/.test(label)) continue;
    const input = await row.$('input[type=file]');
    await (input as unknown as { uploadFile(...f: string[]): Promise<void> }).uploadFile(photo);
    await sleep(150);
  }
  await clickButton(app, '提交');
  const codes = await waitModal(app);
  await sleep(400);
  await shot(app, 'warnings-before-submit');
  console.log(`  ⚠️  ${codes.join(', ')}`);
  await back(app);
  await sleep(400);
  await shot(app, 'back-to-the-form');
}

async function main() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const s = await launch({ headless });
  console.log(`Replica on 127.0.0.1:${s.replica.port}; extension ${s.extensionId}; ${headless ? 'headless (no DISPLAY)' : 'window'}`);
  try {
    await importDemoPeople(s);
    if (!headless) {
      const guide = await s.newPage(`https://zwdt.sh.gov.cn/govPortals/bsfw/item/${ITEM.employee}`);
      await guide.bringToFront();
      console.log('Chromium is open on the 职保 guide page. Close the browser window to end the demo.');
      await new Promise((resolve) => s.browser.once('disconnected', resolve));
      return;
    }
    const app = await openApplicationFromGuide(s);
    const panel = await helperFrame(app);
    await shot(app, 'application-with-helper');
    await fillBasicInformation(app, panel);
    const work = mkdtempSync(join(tmpdir(), 'zwdt-demo-'));
    try {
      const invoice = await generateOne({ template: 'sh-inpatient', seed: 7, outDir: work, pdf: true });
      await readAndFillInvoice(app, panel, invoice.pdf!);
      await submitWithMissingMaterials(app, invoice.image);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    if (s.replica.submissions.length) throw new Error('The replica recorded a submission nobody made.');
    console.log(`\nDemo finished: ${shots.length} screenshots in ${OUT}`);
  } finally {
    await s.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
