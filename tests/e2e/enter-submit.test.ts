/**
 * Synthetic Enter keys (issue 10, item 15). The replica's "quick" application submits as soon as an
 * Enter reaches its document (keydown or keyup, like older pages with document.onkeydown), without
 * the guard ever seeing a 提交. Filling it — the 基本信息 through the extension's panel, the 新增发票
 * dialog (date, select, daterange) through the same engine — must not submit anything: the drivers
 * commit values the way the widgets take them (input / change), not with Enter.
 *
 *   npm run build && node tests/e2e/run.mjs enter-submit
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { launch, helperFrame, importProfiles, replicaState, ITEM, ROOT, type Session } from './harness';
import { elDialogOpen } from './portal-user';
import { injectEngine, inWorld } from '../../bench/autofill.bench';
import type { FillReport } from '../../utils/autofill';

const QUICK_URL = `https://zwdt.sh.gov.cn/govPortals/apply/quick/${ITEM.employee}/basic`;
const people = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/profiles.demo.json'), 'utf8')).profiles as Array<Record<string, string>>;
const SELF = people.find((p) => p.id === 'demo-self-li')!;
const MOTHER = people.find((p) => p.id === 'demo-mother-wang')!;

describe('a page that submits on Enter', () => {
  let s: Session;
  before(async () => {
    s = await launch();
    await importProfiles(s, readFileSync(join(ROOT, 'tests/fixtures/profiles.demo.json'), 'utf8'));
  });
  after(async () => {
    await s?.close();
  });

  async function open(): Promise<Page> {
    const page = await s.newPage(QUICK_URL);
    page.setDefaultTimeout(60_000);
    page.on('dialog', (d) => void d.accept());
    await page.waitForFunction(() => (window as any).__replica?.state().loading === false);
    return page;
  }

  it('the replica really submits on Enter (a person pressing Enter in a field)', async () => {
    s.replica.reset();
    const page = await open();
    const input = await page.waitForSelector('.apply-card .el-form-item input');
    // Focused in the page itself: a click at its coordinates can land on the helper's panel while it lays
    // itself out beside the form, and the Enter then goes to the panel's frame (seen once in a CI run).
    await input!.focus();
    assert.ok(await input!.evaluate((el) => el === document.activeElement), 'the field has the focus');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => ((window as any).__replica.state().enterSubmits ?? []).length >= 2, { timeout: 10_000 }).catch(() => undefined);
    const st = await replicaState(page);
    assert.deepEqual(st.enterSubmits.map((v: string) => v.split(':')[0]), ['keydown', 'keyup']);
    await page.close();
  });

  it('the panel fills 基本信息 (date picker, selects, cascader): nothing is submitted', async () => {
    s.replica.reset();
    const page = await open();
    const panel: Frame = await helperFrame(page);
    await panel.waitForSelector(`[data-testid="claimant-select"] option[value="${MOTHER.id}"]`);
    await panel.select('[data-testid="claimant-select"]', MOTHER.id!);
    await panel.select('[data-testid="agent-select"]', SELF.id!);
    await (await panel.waitForSelector('[data-testid="autofill-button"]:not([disabled])', { visible: true }))!.click();
    await panel.waitForSelector('[data-testid="autofill-summary"]');
    const { form, enterSubmits } = await replicaState(page);
    // it did fill: the widgets took their values
    assert.match(form.date, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(form.bank, MOTHER.bankName);
    assert.deepEqual(form.region.slice(-1), ['松江区']);
    assert.equal(form.reimburserName, MOTHER.name);
    // and nothing reached the page as an Enter
    assert.deepEqual(enterSubmits, []);
    assert.deepEqual(s.replica.submissions, []);
    await page.close();
  });

  it('the 新增发票 dialog (date, 就诊类型, 住院起止日期) is filled by the same drivers: nothing is submitted', async () => {
    s.replica.reset();
    const page = await open();
    await page.evaluate(() => (window as any).__replica.vm.go(1));
    await page.waitForFunction(() => (window as any).__replica.state().step === 'invoice');
    await page.evaluate(() => (window as any).__replica.vm.openInvoice()); // its 新增 (the panel may cover the button)
    await elDialogOpen(page);
    const h = await injectEngine(page);
    const invoice = {
      invoiceCode: '31001234',
      invoiceNumber: '0012345678',
      issueDate: '2026-03-05',
      visitType: 'inpatient',
      hospital: '上海市松江区中心医院',
      totalAmount: '3456.70',
      hospitalizationPeriod: ['2026-02-20', '2026-03-05'],
    };
    const report = await inWorld<FillReport>(
      h,
      `(async () => { const d = [...document.querySelectorAll('.el-dialog')].find((x) => x.getClientRects().length); return A.fillInvoiceDialog(d, ${JSON.stringify(invoice)}); })()`,
    );
    assert.deepEqual(report.rejected, [], JSON.stringify(report.rejected));
    const inv = await page.evaluate(() => (window as any).__replica.vm.inv);
    assert.equal(inv.kprq, '2026-03-05');
    assert.equal(inv.jzlx, '3');
    assert.deepEqual(inv.zyqzrq, ['2026-02-20', '2026-03-05']);
    assert.deepEqual((await replicaState(page)).enterSubmits, []);
    assert.deepEqual(s.replica.submissions, []);
    await page.close();
  });
});
