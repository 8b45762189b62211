/**
 * Options page accessibility and settings in the built extension: keyboard tabs, every control has
 * a label, confirmation dialogs take focus and close on Escape, large text (150 % / 200 %) and high
 * contrast apply at once and survive a reload.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { launch, type Session } from './harness';

describe('options page', () => {
  let s: Session;
  let page: Page;
  const active = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.id ?? '');
  const rootFont = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);

  before(async () => {
    s = await launch();
    page = await s.newPage(s.extensionUrl('options.html'));
    await page.waitForSelector('[data-testid="profiles-empty"]');
  });
  after(async () => {
    await s?.close();
  });

  it('uses large text by default (root ≥ 18px, body not shrunk)', async () => {
    assert.equal(await rootFont(), '18px');
    const body = await page.evaluate(() => getComputedStyle(document.body).fontSize);
    assert.equal(body, '18px');
  });

  it('moves between tabs with the arrow keys', async () => {
    await page.focus('[data-testid="tab-profiles"]');
    await page.keyboard.press('ArrowRight');
    assert.equal(await active(), 'tab-settings');
    await page.waitForSelector('[data-testid="panel-settings"]');
    await page.keyboard.press('End');
    assert.equal(await active(), 'tab-about');
    await page.waitForSelector('[data-testid="panel-about"]');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await active(), 'tab-mappings');
    await page.waitForSelector('[data-testid="field-mappings"]');
    await page.keyboard.press('Home');
    assert.equal(await active(), 'tab-profiles');
    await page.waitForSelector('[data-testid="panel-profiles"]');
  });

  it('labels every control of the profile form and the settings for screen readers', async () => {
    const unlabelled = async () =>
      page.$$eval('input:not([type=hidden]):not([hidden]), select, textarea:not([hidden])', (els) =>
        els
          .filter((el) => {
            const id = el.id;
            const byFor = id && document.querySelector(`label[for="${id}"]`);
            const enclosing = el.closest('label');
            return !byFor && !enclosing && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby');
          })
          .map((el) => el.outerHTML.slice(0, 80)),
      );
    await page.click('[data-testid="profile-add"]');
    await page.waitForSelector('[data-testid="profile-form"]');
    assert.deepEqual(await unlabelled(), []);
    // The message next to a field is tied to it.
    await page.type('#pf-idNumber', '123');
    await page.waitForSelector('#pf-idNumber-msg');
    const described = await page.$eval('#pf-idNumber', (el) => [el.getAttribute('aria-describedby'), el.getAttribute('aria-invalid')]);
    assert.match(described[0] ?? '', /pf-idNumber-msg/);
    assert.equal(described[1], 'true');
    await page.click('[data-testid="profile-cancel"]');
    await page.click('[data-testid="tab-settings"]');
    await page.waitForSelector('[data-testid="panel-settings"]');
    assert.deepEqual(await unlabelled(), []);
  });

  it('applies 150 % and 200 % text and high contrast at once, and keeps them after a reload', async () => {
    await page.click('[data-testid="settings-text-scale-150"]');
    await page.waitForFunction(() => getComputedStyle(document.documentElement).fontSize === '27px');
    await page.click('[data-testid="settings-text-scale-200"]');
    await page.waitForFunction(() => getComputedStyle(document.documentElement).fontSize === '36px');
    await page.click('[data-testid="settings-high-contrast"]');
    await page.waitForFunction(() => document.documentElement.dataset.contrast === 'high');
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => getComputedStyle(document.documentElement).fontSize === '36px' && document.documentElement.dataset.contrast === 'high');
    // Another extension page follows the same settings.
    const other = await s.newPage(s.extensionUrl('options.html#about'));
    await other.waitForFunction(() => getComputedStyle(document.documentElement).fontSize === '36px');
    await other.close();
    // The reload kept the tab (#settings in the address).
    await page.waitForSelector('[data-testid="panel-settings"] [data-testid="settings-text-scale-100"]');
    await page.click('[data-testid="settings-text-scale-100"]');
    // The text shrinks when the change comes back from storage: the page moves under the pointer. A person
    // sees it settle before the next click; a click aimed before it settles can land beside the checkbox.
    await page.waitForFunction(() => getComputedStyle(document.documentElement).fontSize === '18px');
    await page.click('[data-testid="settings-high-contrast"]');
    await page.waitForFunction(() => getComputedStyle(document.documentElement).fontSize === '18px' && document.documentElement.dataset.contrast === 'normal');
  });

  it('a delete confirmation takes the focus on 取消 and closes with Escape', async () => {
    await page.click('[data-testid="tab-profiles"]');
    await page.click('[data-testid="profile-add"]');
    await page.type('#pf-name', '王建国');
    await page.type('#pf-idNumber', '310117195505050045');
    await page.click('#pf-insurance-employee');
    await page.type('#pf-phone', '13812345678');
    await page.type('#pf-mailingAddress', '上海市松江区泗泾镇泗通路225弄3号');
    await page.type('#pf-bankName', '中国工商银行');
    await page.type('#pf-bankAccount', '6222021001122334455');
    await page.keyboard.press('Enter'); // submit from the keyboard
    await page.waitForSelector('[data-testid="profile-item"]');
    // Where the focus is the moment the dialog enters the page (a MutationObserver runs right after the
    // render): a person's Escape or Tab at once must already reach the dialog, not the page behind it.
    await page.evaluate(() => {
      const w = window as unknown as { __focusOnShow?: string | null };
      new MutationObserver((_, obs) => {
        if (!document.querySelector('[data-testid="confirm-delete"]')) return;
        w.__focusOnShow = document.activeElement?.getAttribute('data-testid') ?? null;
        obs.disconnect();
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.click('[data-testid="profile-delete"]');
    await page.waitForSelector('[data-testid="confirm-delete"]');
    assert.equal(await page.evaluate(() => (window as unknown as { __focusOnShow?: string | null }).__focusOnShow), 'confirm-cancel', 'focus on 取消 as soon as the dialog shows');
    assert.equal(await active(), 'confirm-cancel');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[data-testid="confirm-delete"]'));
    assert.equal((await page.$$('[data-testid="profile-item"]')).length, 1);
    await page.click('[data-testid="profile-delete"]');
    await page.click('[data-testid="confirm-ok"]');
    await page.waitForSelector('[data-testid="profiles-empty"]');
  });
});
