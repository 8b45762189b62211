/**
 * The extension is updated (here: reloaded, as chrome://extensions does for an unpacked build) while
 * an application page stays open (issue 10, item 10). The old content script is left running without
 * its extension: it must notice, take its panel, notes and guard away quietly, and the page must go
 * on working with no error thrown into it. Reloading the page brings the new helper.
 *
 *   npm run build && node tests/e2e/run.mjs extension-update
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ConsoleMessage, Page } from 'puppeteer-core';
import { launch, helperFrame, ITEM, type Session } from './harness';
import { guardReady } from './guard-ui';
import { button, elBasic, elType, until } from './portal-user';

const ELEMENT_URL = `https://zwdt.sh.gov.cn/govPortals/apply/${ITEM.employee}/basic`;

describe('extension updated while the portal page is open', () => {
  let s: Session;
  before(async () => {
    s = await launch();
  });
  after(async () => {
    await s?.close();
  });

  /** Reloads the extension from one of its own pages; resolves once its pages load again. */
  async function reloadExtension() {
    const opt = await s.newPage(s.extensionUrl('options.html'));
    // the page goes with the extension: the evaluation's target closes under it
    await opt.evaluate(() => (globalThis as any).chrome.runtime.reload()).catch(() => {});
    await opt.close().catch(() => {});
    const probe = await s.newPage();
    await until(
      () =>
        probe.goto(s.extensionUrl('options.html')).then(
          () => probe.waitForSelector('[data-testid="options"]').then(() => true),
          () => false,
        ),
      'the reloaded extension to answer again',
    );
    await probe.close();
  }

  it('the old page keeps working with no errors; the stale helper steps aside; a reload brings it back', async () => {
    const page: Page = await s.newPage();
    page.setDefaultTimeout(60_000);
    page.on('dialog', (d) => void d.accept());
    await page.goto(ELEMENT_URL, { waitUntil: 'load' });
    await page.waitForSelector('.el-form .el-form-item', { visible: true });
    await guardReady(page, 'application');
    await helperFrame(page);
    // an address outside 松江区: the live note shows
    await elType(page, '详细地址', '闵行区七宝镇七莘路100弄2号');
    await page.waitForSelector('[data-testid="guard-address-note"]');

    const problems: string[] = [];
    const onConsole = (m: ConsoleMessage) => {
      if (m.type() === 'error' || m.type() === 'warn') problems.push(`${m.type()}: ${m.text()} (${m.location().url ?? ''})`);
    };
    page.on('console', onConsole);
    page.on('pageerror', (e) => problems.push(`pageerror: ${String(e)}`));

    await reloadExtension();

    // the old helper notices by itself (no input needed) and takes everything away
    await page.waitForFunction(
      () =>
        !document.querySelector('zwdt-reimburse-helper') &&
        !document.querySelector('[data-testid="guard-address-note"]') &&
        !document.documentElement.hasAttribute('data-zwdt-guard-installed'),
    );
    // the person goes on with the form: the page's own behaviour, nothing of ours in the way
    await elBasic(page, { cascader: ['上海市', '市辖区', '松江区'], detail: '九亭镇涞亭南路888弄12号' });
    await button(page, '下一步');
    await page.waitForFunction(() => location.pathname.endsWith('/invoice'));
    assert.equal(await page.$('[data-zwdt-guard]'), null, 'no guard UI left');
    assert.deepEqual(problems, [], 'nothing was thrown or complained about in the page');

    // a reload brings the new helper: panel, page recognised, guard installed
    await page.reload({ waitUntil: 'load' });
    await guardReady(page, 'application');
    const panel = await helperFrame(page);
    await panel.waitForFunction(() => /职保人员/.test(document.querySelector('[data-testid="panel-page"]')?.textContent ?? ''));
    page.off('console', onConsole);
    assert.deepEqual(s.replica.submissions, []);
    await page.close();
  });
});
