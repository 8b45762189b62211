/**
 * The autofill ENGINE alone (no extension) in real Chromium against both replicas.
 *
 * utils/autofill is bundled with esbuild and evaluated in an isolated world created over CDP
 * (`Page.createIsolatedWorld`) — the same separation a content script has: the page's globals (Vue, jQuery,
 * `__vue__`) are invisible to the engine. (`page.addScriptTag` would run it in the main world; the engine does
 * not need page globals either way, but the isolated world proves it.) Assertions read the page's own state
 * from the main world: `window.__replica.state()` = Vue's model on the Element app, the posted DOM on the
 * Bootstrap app.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { launch, replicaState, ITEM, ROOT, type Session } from './harness';
import { elDialogOpen, onPage } from './portal-user';
import { injectEngine, inWorld, runEngine, BENCH_CLAIMANT as CLAIMANT, BENCH_AGENT as AGENT, type EngineHandle } from '../../bench/autofill.bench';
import type { FillContext, FillReport } from '../../utils/autofill';

const ELEMENT_URL = `https://zwdt.sh.gov.cn/govPortals/apply/${ITEM.employee}/basic`;
const EMBED_URL = `https://zwdt.sh.gov.cn/govPortals/apply/embed/${ITEM.employee}`;
const BOOTSTRAP_URL = `https://ywtb.sh.gov.cn:18018/ac-product-net/netapply/apply.do?itemCode=${ITEM.employee}`;

const SELF: FillContext = { claimant: CLAIMANT, agent: null, item: 'employee', claimantInsurance: 'employee' };
const DELEGATED: FillContext = { claimant: CLAIMANT, agent: AGENT, item: 'employee', claimantInsurance: 'employee' };

async function open(s: Session, url: string): Promise<{ page: Page; h: EngineHandle }> {
  const page = await s.newPage(url);
  page.on('dialog', (d) => void d.accept());
  // the application has loaded its configuration and rendered (for the embedded one: in its frame)
  await onPage(page, () => {
    const st = (window as unknown as { __replica?: { state(): { loading: boolean } | null } }).__replica?.state();
    return !!st && st.loading === false && !!document.querySelector('.form-group, .el-form-item, iframe[name=applyFrame]');
  });
  return { page, h: await injectEngine(page) };
}

function assertCommon(form: Record<string, unknown>, ctx: FillContext, report: FillReport) {
  assert.equal(form.handleMode, ctx.agent ? '委托人办理' : '本人办理');
  assert.equal(form.reimburserName, CLAIMANT.name);
  assert.equal(form.reimburserIdNo, CLAIMANT.idNumber);
  assert.equal(form.agentName, ctx.agent ? AGENT.name : '');
  assert.equal(form.agentIdNo, ctx.agent ? AGENT.idNumber : '');
  assert.equal(form.bank, '上海农商银行');
  assert.equal(form.bankCardNo, CLAIMANT.bankAccount);
  assert.equal(form.district, '松江区');
  assert.equal(form.addressDetail, '泗泾镇泗通路225弄3号101室');
  // traps stay empty
  assert.equal(form.emergencyPhone, '');
  assert.equal(form.workPhone, '');
  assert.equal(form.captcha, '');
  assert.deepEqual(report.rejected, []);
  assert.ok(report.filled.every((f) => f.meaning !== null));
}

describe('autofill engine in Chromium (isolated world) on the replicas', () => {
  let s: Session;
  before(async () => {
    s = await launch({ extension: false });
  });
  after(async () => {
    await s?.close();
  });
  beforeEach(() => s.replica.reset());

  for (const ctx of [DELEGATED, SELF]) {
    const mode = ctx.agent ? '委托人办理' : '本人办理';
    it(`Element UI, ${mode}: Vue's model holds every answerable field; traps empty; nothing submitted`, async () => {
      const { page, h } = await open(s, ELEMENT_URL);
      const report = await runEngine(h, ctx);
      const { form } = await replicaState(page);
      assertCommon(form, ctx, report);
      assert.equal(form.mobile, CLAIMANT.phone);
      assert.deepEqual(form.region.slice(-1), ['松江区']);
      assert.match(form.date, /^\d{4}-\d{2}-\d{2}$/);
      assert.equal(report.summary.needManual, 0, report.summary.text);
      assert.match(report.summary.text, /^已填写 \d+ 项/);
      // outlined and removable
      assert.equal(await inWorld<number>(h, `document.querySelectorAll('.zwdt-autofilled').length`), report.filled.length);
      assert.equal(await inWorld<number>(h, `A.clearOutlines(document)`), report.filled.length);
      assert.deepEqual(s.replica.submissions, []);
      await page.close();
    });

    it(`Bootstrap 3, ${mode}: the posted form's fields hold the values; traps empty; nothing submitted`, async () => {
      const { page, h } = await open(s, BOOTSTRAP_URL);
      const report = await runEngine(h, ctx);
      const { form } = await replicaState(page);
      assertCommon(form, ctx, report);
      assert.equal(form.mobile, CLAIMANT.phone);
      assert.equal(form.postcode, CLAIMANT.postcode);
      // the starred 就诊日期 is the invoice's date: left for the user, and said so
      assert.deepEqual(
        report.summary.manual.map((m) => m.label.replace(/[*：:]/g, '')),
        ['就诊日期'],
      );
      assert.deepEqual(s.replica.submissions, []);
      await page.close();
    });
  }

  it('user-typed values survive (overwrite off) and are replaced with overwrite on', async () => {
    const { page, h } = await open(s, ELEMENT_URL);
    const phone = await page.evaluateHandle(() => {
      const item = [...document.querySelectorAll('.el-form-item')].find((i) => i.querySelector('.el-form-item__label')?.textContent?.includes('手机号码'));
      return item!.querySelector('input')!;
    });
    await phone.asElement()!.type('13511112222');
    await page.keyboard.press('Tab');
    const r1 = await runEngine(h, DELEGATED);
    let { form } = await replicaState(page);
    assert.equal(form.mobile, '13511112222');
    assert.ok(r1.kept.some((k) => k.label.includes('手机号码')));
    assert.equal(form.reimburserName, CLAIMANT.name);
    await runEngine(h, { ...DELEGATED, overwrite: true });
    ({ form } = await replicaState(page));
    assert.equal(form.mobile, CLAIMANT.phone);
    assert.deepEqual(s.replica.submissions, []);
    await page.close();
  });

  it('fills the Element app inside a same-origin iframe from the top document', async () => {
    const { page, h } = await open(s, EMBED_URL);
    const frame = page.frames().find((f) => f.name() === 'applyFrame')!;
    await frame.waitForSelector('.el-form-item', { visible: true });
    const report = await runEngine(h, DELEGATED);
    const { form } = await replicaState(page);
    assertCommon(form, DELEGATED, report);
    assert.deepEqual(s.replica.submissions, []);
    await page.close();
  });

  for (const ctx of [DELEGATED, SELF]) {
    it(`an Element UI form unlike the replica (${ctx.agent ? '委托' : '本人'}): slot labels, radio buttons, in-place and filterable selects, 年月日 dates, a switch revealing 代办人`, async () => {
      const page = await s.newPage('https://www.example.com/');
      await page.setContent(readFileSync(join(ROOT, 'tests/unit/fixtures/autofill/element-vue-app.html'), 'utf8'), { waitUntil: 'load' });
      await page.waitForSelector('.el-form-item', { visible: true });
      await page.waitForFunction(() => (window as unknown as { vm?: { _isMounted?: boolean } }).vm?._isMounted === true);
      const h = await injectEngine(page);
      const report = await runEngine(h, ctx);
      const { f, q, submitted } = await page.evaluate(() => {
        const vm = (window as unknown as { vm: { f: Record<string, unknown>; q: string; submitted: boolean } }).vm;
        return { f: vm.f, q: vm.q, submitted: vm.submitted };
      });
      assert.deepEqual(f, {
        n: CLAIMANT.name,
        t: 'I',
        id: CLAIMANT.idNumber,
        g: '女',
        b: '1948-03-15',
        m: CLAIMANT.phone,
        delegated: !!ctx.agent,
        an: ctx.agent ? AGENT.name : '',
        aid: ctx.agent ? AGENT.idNumber : '',
        bank: '农商银行',
        acct: CLAIMANT.bankAccount,
        acctName: CLAIMANT.name,
        d: '松江区',
        addr: '泗泾镇泗通路225弄3号101室',
        en: '',
        ep: '',
        cap: '',
      });
      assert.equal(q, '');
      assert.equal(submitted, false);
      assert.equal(report.summary.needManual, 0, report.summary.text);
      assert.deepEqual(report.rejected, []);
      await page.close();
    });
  }

  it('stars drawn by CSS ::before / ::after are seen (real computed styles)', async () => {
    const page = await s.newPage();
    await page.setContent(`<style>.need::before{content:'*';color:red}.tail::after{content:" ＊"}</style>
      <form><div class="row"><label class="need" for="a">姓名</label><input id="a"></div>
      <div class="row"><label class="tail" for="b">手机号码</label><input id="b"></div>
      <div class="row"><label for="c">备注</label><input id="c"></div></form>`);
    const h = await injectEngine(page);
    const starred = await inWorld<boolean[]>(h, `A.collectFields(document).map((f) => f.starred)`);
    assert.deepEqual(starred, [true, true, false]);
    await page.close();
  });

  it('invoice row dialog (issue 6): 新增, fill through the same drivers (date picker, select, daterange), 确定 by the caller', async () => {
    const { page, h } = await open(s, ELEMENT_URL);
    await runEngine(h, DELEGATED);
    // the test (not the engine) moves to 发票信息
    const next = await page.evaluateHandle(() => [...document.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s/g, '') === '下一步')!);
    await next.asElement()!.click();
    await page.waitForFunction(() => (window as any).__replica.state().step === 'invoice');
    const invoice = {
      invoiceCode: '31001234',
      invoiceNumber: '0012345678',
      issueDate: '2026-03-05',
      visitType: 'inpatient',
      hospital: '上海市松江区中心医院',
      totalAmount: '3456.70',
      hospitalizationPeriod: ['2026-02-20', '2026-03-05'],
    };
    assert.equal(await inWorld<boolean>(h, `(() => { const b = A.findButtonByText(document, ['新增', '添加']); b && b.click(); return !!b; })()`), true);
    await elDialogOpen(page);
    const report = await inWorld<FillReport>(
      h,
      `(async () => { const d = [...document.querySelectorAll('.el-dialog')].find((x) => x.offsetParent !== null || x.getClientRects().length); return A.fillInvoiceDialog(d, ${JSON.stringify(invoice)}); })()`,
    );
    assert.deepEqual(report.rejected, [], JSON.stringify(report.rejected));
    assert.equal(await inWorld<boolean>(h, `(() => { const d = [...document.querySelectorAll('.el-dialog')].find((x) => x.getClientRects().length); const b = A.findButtonByText(d, ['确定']); b && b.click(); return !!b; })()`), true);
    await page.waitForFunction(() => (window as any).__replica.state().invoices.length === 1);
    const { invoices } = await replicaState(page);
    assert.deepEqual(invoices[0], {
      code: '31001234',
      number: '0012345678',
      date: '2026-03-05',
      type: '住院',
      hospital: '上海市松江区中心医院',
      amount: '3456.70',
      inpatientRange: ['2026-02-20', '2026-03-05'],
    });
    // the row is in the table and the dialog has closed
    await page.waitForFunction(() => document.querySelectorAll('.invoice-table .el-table__body tr').length === 1);
    await page.waitForSelector('.el-dialog__wrapper', { hidden: true });
    const rows = await inWorld<Array<{ number: string }>>(h, `A.findInvoiceRows(document).map((r) => ({ number: r.number }))`);
    assert.deepEqual(rows, [{ number: '0012345678' }]);
    assert.equal(await inWorld<null | string>(h, `(A.findButtonByText(document, ['提交', '下一步']) || null)`), null);
    assert.deepEqual(s.replica.submissions, []);
    await page.close();
  });
});
