/**
 * Issue 15: the WHOLE engine (`runAutofill`: collect → match → plan → drivers → verify) on the real-library
 * fixtures, from an isolated world. Today's collection already finds the Ant Design Vue and View UI fields, and
 * the drivers it asks by kind route each field to its family's driver (drivers/index.ts) — so those pages are
 * filled completely in both modes. layui's skinned radios and `lay-search` select are not collected yet (the
 * page model's job): there the engine must at least put nothing wrong anywhere and never offer the page
 * header's search box as a field to fill by hand.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch, type Session } from './harness';
import { BENCH_AGENT as AGENT, BENCH_CLAIMANT as CLAIMANT, injectEngine, runEngine } from '../../bench/autofill.bench';
import { FAMILIES, expectedState, familyState, openFamily } from '../../bench/widgets.bench';
import { localToday } from '../../utils/autofill/plan';
import { settled, visibleState } from './widgets-page';
import type { FillContext, PersonValues } from '../../utils/autofill';

const ctxOf = (agent: PersonValues | null): FillContext => ({ claimant: CLAIMANT, agent, item: 'employee', claimantInsurance: 'employee' });

describe('the whole autofill engine on the real-library fixtures (isolated world)', () => {
  let s: Session;
  before(async () => {
    s = await launch({ extension: false });
  });
  after(async () => {
    await s?.close();
  });
  beforeEach(() => s.replica.reset());

  for (const f of FAMILIES.filter((x) => x.ready !== 'layui')) {
    for (const agent of [null, AGENT] as Array<PersonValues | null>) {
      it(`${f.name}, ${agent ? '委托' : '本人'}: every starred field right in the framework's model and on screen, traps untouched, nothing submitted`, async () => {
        const page = await s.newPage();
        await openFamily(page, f);
        const h = await injectEngine(page);
        const report = await runEngine(h, ctxOf(agent));
        assert.deepEqual(report.rejected, []);
        assert.equal(report.summary.needManual, 0, report.summary.text);
        const { form, submitted } = await familyState(page);
        const want = expectedState(f, CLAIMANT, agent);
        assert.deepEqual(Object.fromEntries(Object.keys(want).map((k) => [k, form[k]])), want);
        const seen = await visibleState(page, f);
        assert.deepEqual(seen, { mode: agent ? f.modeText.agent : f.modeText.self, bank: '上海农商银行', district: '上海市 / 市辖区 / 松江区', date: localToday() });
        await settled(page);
        assert.equal(submitted, false);
        assert.deepEqual(s.replica.submissions, []);
        await page.close();
      });
    }
  }

  it('layui 2 (skins not collected yet): nothing wrong anywhere, traps untouched, the header search box never listed, nothing submitted', async () => {
    const f = FAMILIES.find((x) => x.ready === 'layui')!;
    for (const agent of [null, AGENT]) {
      const page = await s.newPage();
      await openFamily(page, f);
      const h = await injectEngine(page);
      const report = await runEngine(h, ctxOf(agent));
      assert.deepEqual(report.rejected, []);
      const { form, submitted } = await familyState(page);
      const want = expectedState(f, CLAIMANT, agent);
      // every field either right or left empty (and then reported), never something else
      const wrong = Object.entries(want).filter(([k, v]) => form[k] !== v && form[k] !== '');
      assert.deepEqual(wrong, []);
      for (const k of ['reimburserName', 'reimburserIdNo', 'mobile', 'date', 'bankCardNo', 'district', 'addressDetail']) assert.equal(form[k], want[k], k);
      assert.ok(!report.summary.manual.some((m) => /搜索|办事大厅/.test(m.label)), report.summary.text);
      assert.equal(submitted, false);
      assert.deepEqual(s.replica.submissions, []);
      await page.close();
    }
  });
});
