/**
 * Foundation: the built extension reaches both replicas through the real host names, stays off
 * other hosts, its own pages render, and nothing is ever submitted by it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch, helperFrame, ITEM, type Session } from './harness';

describe('foundation', () => {
  let s: Session;
  before(async () => {
    s = await launch();
  });
  after(async () => {
    await s?.close();
  });

  it('loads the extension with the portal-only manifest', async () => {
    assert.match(s.extensionId ?? '', /^[a-p]{32}$/);
    const page = await s.newPage(s.extensionUrl('manifest.json'));
    const manifest = JSON.parse(await page.evaluate(() => document.body.innerText));
    assert.deepEqual(manifest.host_permissions, ['https://zwdt.sh.gov.cn/*', 'https://ywtb.sh.gov.cn/*']);
    assert.equal(manifest.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; connect-src 'self' blob: data:");
    assert.equal(manifest.content_scripts[0].all_frames, true);
    await page.close();
  });

  it('runs on the Element UI application at zwdt.sh.gov.cn and shows the helper frame', async () => {
    const page = await s.newPage(`https://zwdt.sh.gov.cn/govPortals/apply/${ITEM.employee}/basic`);
    assert.equal(new URL(page.url()).host, 'zwdt.sh.gov.cn');
    const frame = await helperFrame(page);
    await frame.waitForSelector('[data-testid="panel-page"]');
    const where = await frame.$eval('[data-testid="panel-page"]', (el) => (el as HTMLElement).innerText);
    assert.match(where, /职保人员/);
    assert.match(where, /基本信息/);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.zwdtHelperPage), 'application');
    await page.close();
  });

  it('runs on the server-rendered application at ywtb.sh.gov.cn:18018', async () => {
    const page = await s.newPage(`https://ywtb.sh.gov.cn:18018/ac-product-net/netapply/apply.do?itemCode=${ITEM.resident}`);
    assert.equal(new URL(page.url()).host, 'ywtb.sh.gov.cn:18018');
    const frame = await helperFrame(page);
    await frame.waitForSelector('[data-testid="panel-page"]');
    const where = await frame.$eval('[data-testid="panel-page"]', (el) => (el as HTMLElement).innerText);
    assert.match(where, /居保人员/);
    await page.close();
  });

  it('shows a short hint on a guide page', async () => {
    const page = await s.newPage(`https://zwdt.sh.gov.cn/govPortals/bsfw/item/${ITEM.resident}`);
    const frame = await helperFrame(page);
    await frame.waitForSelector('[data-testid="guide-hint"]');
    // the page's own 立即办理 stays reachable once the frame has taken its content's height: the element
    // at its centre is the page's button, not our panel
    await page.waitForFunction(() => {
      const btn = [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('立即办理'))!;
      const r = btn.getBoundingClientRect();
      return btn.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
    });
    // short by default (it must not cover 立即办理); the materials list folds open
    await frame.click('[data-testid="guide-hint"] summary');
    const hint = await frame.$eval('[data-testid="guide-hint"]', (el) => (el as HTMLElement).innerText);
    assert.match(hint, /出院小结/);
    await page.close();
  });

  it('does not touch a page on another host, even with the same form', async () => {
    // A content script runs at document_idle, at the latest right after "load"; this page renders its
    // form later still (after fetching its configuration): once the form is there, it had its chance.
    const page = await s.newPage('https://www.example.com/apply');
    await page.waitForSelector('.el-form .el-form-item', { visible: true });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.zwdtHelper ?? null), null);
    assert.equal(page.frames().some((f) => f.url().startsWith('chrome-extension://')), false);
    assert.equal(await page.evaluate(() => document.querySelector('zwdt-reimburse-helper')), null);
    await page.close();
  });

  it('stays quiet on portal pages that are not ours', async () => {
    const page = await s.newPage('https://zwdt.sh.gov.cn/govPortals/index');
    // the content script marks the page first thing; its first verdict on the page is taken in the same run
    await page.waitForFunction(() => document.documentElement.dataset.zwdtHelper === 'loaded');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.zwdtHelperPage), 'none');
    assert.equal(page.frames().some((f) => f.url().includes('/panel.html')), false);
    await page.close();
  });

  it('renders the popup and the options page', async () => {
    for (const [path, testid] of [
      ['popup.html', 'popup'],
      ['options.html', 'options'],
    ] as const) {
      const page = await s.newPage(s.extensionUrl(path));
      await page.waitForSelector(`[data-testid="${testid}"]`);
      const text = await page.evaluate(() => document.body.innerText);
      assert.match(text, /报销/);
      await page.close();
    }
  });

  it('never submitted anything by itself', () => {
    assert.deepEqual(s.replica.submissions, []);
  });
});
