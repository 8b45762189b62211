/**
 * Issue 15: the WHOLE engine (`runAutofill`: the page model → plan → drivers → verify) on the real-library
 * fixtures, from an isolated world. The page model recognises each family's widgets (layui skins over hidden
 * controls, `lay-search`, Ant / iView typing boxes) and the drivers chosen by (kind, library) fill them: every
 * family's page is filled completely in both modes, the 委托 rows revealed and filled in the same run, the
 * page header's search box never offered as a field to fill by hand. (Through the built extension's panel:
 * widgets-extension.test.ts.)
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

  for (const f of FAMILIES) {
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
        assert.deepEqual(seen, { mode: agent ? f.modeText.agent : f.modeText.self, bank: '上海农商银行', district: f.ready === 'layui' ? '松江区' : '上海市 / 市辖区 / 松江区', date: localToday() });
        await settled(page);
        assert.equal(submitted, false);
        assert.deepEqual(s.replica.submissions, []);
        await page.close();
      });
    }
  }
});
