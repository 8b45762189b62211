/**
 * `npm run demo` — the main job: build the extension (done by the npm script), serve the portal
 * replica at the real host names and open Chromium with the extension loaded.
 *
 * With a display: a real window on the 职保 guide page; the demo people are imported; walk the
 * flow yourself (立即办理 → the helper's panel on the right). Without one (DISPLAY unset): the
 * same browser headless walks the flow and saves a screenshot per step under demo-output/.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { launch, helperFrame, importProfiles, ITEM, ROOT, sleep, type Session } from '../e2e/harness';

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
