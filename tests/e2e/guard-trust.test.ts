/**
 * What a page (or a page script) must NOT be able to do with the guard, and what the guard must not
 * do on its own (issue 10, items 7–10), end to end on the built extension:
 *   - read the warnings (names, ages) or answer them for the user; exempt its buttons by wearing the
 *     guard's attribute;
 *   - make 仍然继续 press a look-alike button when the pressed one is gone;
 *   - turn a refused 提交 into "already filed" by showing 办件编号 on 我的办件;
 *   - keep a stale helper panel when the application frame navigates.
 *
 *   npm run build && node tests/e2e/run.mjs guard-trust
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { launch, helperFrame, type Session } from './harness';
import { MODAL, REPEAT_NOTICE, addressNoteSettled, back, collapsePanel, filedNumbers, goOn, guardReady, pageViewOfModal, repeatNoticeText, waitModal } from './guard-ui';
import { bsBasic, bsChoose, bsInvoice, materialFiles, until } from './portal-user';

const ZB = 'c85a49fb-2dc3-4a53-95e1-25e9b0491bae';
const JB = '4683b2e6-c7bc-4962-995c-54c7dfd6a62c';
const JB_CODE = '310117006000-0102';
const BS_URL = `https://ywtb.sh.gov.cn:18018/ac-product-net/netapply/apply.do?itemCode=${JB_CODE}`;

let session: Session;
const chosen = materialFiles(['银行卡.png', '社保卡.png', '身份证.png', '发票1.png', '发票明细1.png']);
const CLEAN_MATERIALS = { f_0401: chosen.path['银行卡.png']!, f_0402: chosen.path['社保卡.png']!, f_0403: chosen.path['身份证.png']!, f_0406: chosen.path['发票1.png']!, f_0407: chosen.path['发票明细1.png']! };

before(async () => {
  session = await launch();
});

after(async () => {
  await session?.close();
  chosen.remove();
});

async function newPage(): Promise<Page> {
  const page = await session.newPage();
  page.setDefaultTimeout(60_000);
  page.on('dialog', (d) => void d.accept());
  return page;
}

/** The Bootstrap application, its guard installed, the helper's panel folded away. */
async function bsOpen(page: Page) {
  await page.goto(BS_URL, { waitUntil: 'networkidle0' });
  await guardReady(page, 'application');
  await collapsePanel(page);
}

const onStep = (page: Page, pane: 'pane1' | 'pane2' | 'pane3') => page.$eval(`#${pane}`, (e) => getComputedStyle(e).display !== 'none');

async function filedNow(): Promise<string[]> {
  const p = await session.newPage(session.extensionUrl('options.html'));
  try {
    return await filedNumbers(p);
  } finally {
    await p.close();
  }
}

test('the page can neither read the warnings nor answer them; only the user can', async () => {
  const page = await newPage();
  await bsOpen(page);
  await bsBasic(page, { district: '310112', detail: '七宝镇七莘路100弄2号' }); // 闵行区
  await addressNoteSettled(page, 'outside');
  await page.click('#btnNext');
  assert.deepEqual(await waitModal(page), ['address-outside-songjiang']);

  // A page script finds the host, but not what it says, nor its buttons.
  const seen = await pageViewOfModal(page);
  assert.equal(seen.host, true);
  assert.equal(seen.shadowRoot, false, 'the shadow root is closed to the page');
  assert.doesNotMatch(seen.text, /闵行|七宝/, 'the findings are not readable from the page');
  // It tries to press 仍然继续 anyway, and to close the warnings with a made-up Escape.
  await page.evaluate(() => {
    const host = document.querySelector('[data-zwdt-guard="modal"]') as HTMLElement;
    (host.shadowRoot?.querySelector('[data-testid="warnings-continue"]') as HTMLElement | null)?.click();
    for (const target of [window, document, document.activeElement ?? document.body]) {
      target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true, composed: true }));
    }
  });
  assert.ok(await page.$(MODAL), 'the warnings are still there');
  assert.equal(await onStep(page, 'pane1'), true, 'still on 基本信息: nothing was continued for the user');

  // The user's own Escape is 返回修改.
  await page.keyboard.press('Escape');
  await page.waitForSelector(MODAL, { hidden: true });
  assert.equal(await onStep(page, 'pane1'), true);
  assert.equal(session.replica.submissions.length, 0);
  await page.close();
});

test('a page that marks its form with the guard’s attribute does not exempt its buttons', async () => {
  const page = await newPage();
  await bsOpen(page);
  await bsBasic(page, { district: '310112', detail: '七宝镇七莘路100弄2号' });
  await addressNoteSettled(page, 'outside');
  await page.evaluate(() => {
    document.body.setAttribute('data-zwdt-guard', 'page');
    document.getElementById('form1')!.setAttribute('data-zwdt-guard', '');
  });
  await page.click('#btnNext');
  assert.deepEqual(await waitModal(page), ['address-outside-songjiang']);
  await back(page);
  assert.equal(await onStep(page, 'pane1'), true);
  await page.close();
});

test('仍然继续 never presses a look-alike: the pressed button is gone, so the user is asked to press again', async () => {
  const page = await newPage();
  await bsOpen(page);
  await bsBasic(page, { district: '310112', detail: '七宝镇七莘路100弄2号' });
  await addressNoteSettled(page, 'outside');
  // The page counts presses of its 下一步 buttons (in the capture phase: before its own handlers).
  await page.evaluate(() => {
    (window as any).__presses = [];
    window.addEventListener('click', (e) => {
      const b = (e.target as Element).closest?.('button');
      if (b && b.textContent!.trim() === '下一步') (window as any).__presses.push(b.id || 'unnamed');
    }, true);
  });
  await page.click('#btnNext');
  assert.deepEqual(await waitModal(page), ['address-outside-songjiang']);
  // While the warnings are open, the page re-renders: the 下一步 the user pressed is replaced, and a
  // hidden 下一步 sits first in the document.
  await page.evaluate(() => {
    const hidden = document.createElement('button');
    hidden.type = 'button';
    hidden.id = 'hiddenNext';
    hidden.textContent = '下一步';
    hidden.style.display = 'none';
    document.body.prepend(hidden);
    const old = document.getElementById('btnNext')!;
    const fresh = old.cloneNode(true) as HTMLElement;
    fresh.id = 'freshNext';
    old.replaceWith(fresh);
  });
  await goOn(page);
  await page.waitForSelector(REPEAT_NOTICE);
  assert.match((await repeatNoticeText(page)) ?? '', /下一步/);
  assert.deepEqual(await page.evaluate(() => (window as any).__presses), [], 'nothing was pressed for the user');
  // The user presses the new 下一步: it goes through, without the same question again.
  await page.click('#freshNext');
  assert.equal(await page.$(MODAL), null, 'not asked twice');
  assert.deepEqual(await page.evaluate(() => (window as any).__presses), ['freshNext']);
  await page.waitForSelector(REPEAT_NOTICE, { hidden: true });
  await page.close();
});

test('a refused 提交 followed by 我的办件 (with its 办件编号) records nothing as filed; a real success does', async () => {
  session.replica.reset();
  const page = await newPage();
  // 1. The portal refuses the 提交 (the login expired): its 401 page, no success.
  await bsOpen(page);
  await bsBasic(page, { district: '310117', detail: '岳阳街道人民北路200号' });
  await addressNoteSettled(page, null);
  await page.click('#btnNext');
  await page.waitForSelector('#pane2', { visible: true });
  await bsInvoice(page, '0000551234', '12');
  await page.click('#btnNext');
  await page.waitForSelector('#pane3', { visible: true });
  await bsChoose(page, CLEAN_MATERIALS);
  (session.replica as unknown as { setMode(m: object): void }).setMode({ sessionExpired: true });
  await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#btnSubmit')]);
  assert.match(await page.evaluate(() => document.body.innerText), /登录已超时/);
  assert.equal(session.replica.submissions.length, 0);
  // 2. The user opens 我的办件 in the same tab: it lists 办件编号 of other applications.
  session.replica.reset();
  await page.goto('https://zwdt.sh.gov.cn/govPortals/my/banjian', { waitUntil: 'networkidle0' });
  await page.waitForFunction(() => document.documentElement.dataset.zwdtHelper === 'loaded');
  assert.match(await page.evaluate(() => document.body.innerText), /办件编号/);
  // 3. Another application, submitted for real: only its invoice becomes history. (Its success is
  //    confirmed after 我的办件's page was handled, so it also bounds the wait for step 2.)
  await bsOpen(page);
  await bsBasic(page, { district: '310117', detail: '岳阳街道人民北路200号' });
  await addressNoteSettled(page, null);
  await page.click('#btnNext');
  await page.waitForSelector('#pane2', { visible: true });
  await bsInvoice(page, '0000559876', '12');
  await page.click('#btnNext');
  await page.waitForSelector('#pane3', { visible: true });
  await bsChoose(page, CLEAN_MATERIALS);
  await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#btnSubmit')]);
  assert.match(await page.evaluate(() => document.body.innerText), /提交成功/);
  const filed = await until(async () => {
    const n = await filedNow();
    return n.includes('0000559876') && n;
  }, 'the submitted invoice in the history');
  assert.ok(!filed.includes('0000551234'), `the refused submission is not "already filed": ${filed.join(', ')}`);
  await page.close();
});

test('the application frame navigates: the helper follows it (no stale panel left in the top page)', async () => {
  const page = await newPage();
  await page.goto(`https://zwdt.sh.gov.cn/govPortals/apply/embed/${ZB}`, { waitUntil: 'networkidle0' });
  const first = await helperFrame(page);
  await first.waitForFunction(() => /职保人员/.test(document.querySelector('[data-testid="panel-page"]')?.textContent ?? ''));
  const app = page.frames().find((f) => f.name() === 'applyFrame')!;
  await app.goto(`https://zwdt.sh.gov.cn/govPortals/apply/${JB}/basic?embed=1`);
  // the panel now belongs to the new application (居保), and there is one
  const panel = await until(async () => {
    const f = page.frames().find((x) => x.url().includes('/panel.html') && x !== first && !x.detached);
    return f ?? null;
  }, 'a panel for the new page');
  await panel.waitForFunction(() => /居保人员/.test(document.querySelector('[data-testid="panel-page"]')?.textContent ?? ''), { timeout: 60_000 });
  assert.equal(await page.evaluate(() => document.querySelectorAll('zwdt-reimburse-helper').length), 1);
  await page.close();
});
