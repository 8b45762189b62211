/**
 * Issue 15 done as a user meets it: THROUGH THE BUILT EXTENSION — profiles imported, the panel's people
 * chosen, 自动填写 pressed — on each widget family's real-library page (layui 2, Ant Design Vue 4, View UI 4),
 * for 本人 and 委托. Asserted from the page's main world, never from the helper's own read-back: the
 * framework's model (`window.__replica.state()`), what a person sees (the radio skin, the select's title /
 * selection item, the cascader, the date), traps untouched (紧急联系人电话, 验证码, the page header's search
 * box), no validation message, no popup left open, the panel's summary naming no false "fill by hand", and
 * nothing submitted.
 *
 *   npm run build && node tests/e2e/run.mjs widgets-extension
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Frame, Page } from 'puppeteer-core';
import { launch, helperFrame, importProfiles, type Session } from './harness';
import { FAMILIES, expectedState, familyState, type FamilySpec } from '../../bench/widgets.bench';
import { localToday } from '../../utils/autofill/plan';
import { settled, visibleState } from './widgets-page';
import type { PersonValues } from '../../utils/autofill';

// The account holder files for themself (本人) or for their mother (委托). Both banks are 上海农商银行, 25th of
// 28 in each page's list (beyond what Ant's virtual list draws before it is searched or scrolled).
// (ID numbers with valid check digits: the extension's import checks them; made-up people, as in the demo file)
const SELF: PersonValues = {
  name: '李建国',
  idNumber: '310117197503120619',
  phone: '13812345678',
  mailingAddress: '上海市松江区九亭镇涞亭南路888弄12号301室',
  bankName: '上海农商银行',
  bankAccount: '6231590000123456789',
};
const MOTHER: PersonValues = {
  name: '王秀英',
  idNumber: '310227195009180025',
  phone: '13712345678',
  mailingAddress: '上海市松江区泗泾镇泗通路225弄3号101室',
  bankName: '上海农商银行松江支行',
  bankAccount: '6217001234567890123',
};
const stamp = '2026-11-01T08:00:00.000Z';
const PROFILES = JSON.stringify({
  format: 'zwdt-reimburse-helper/profiles',
  version: 1,
  profiles: [
    { id: 'w-self', displayName: '我', isSelf: true, insuranceType: 'employee', createdAt: stamp, updatedAt: stamp, ...SELF },
    { id: 'w-mother', displayName: '妈妈', relation: '母亲', insuranceType: 'employee', createdAt: stamp, updatedAt: stamp, ...MOTHER },
  ],
});

async function open(s: Session, f: FamilySpec): Promise<{ page: Page; panel: Frame }> {
  const page = await s.newPage();
  page.setDefaultTimeout(60_000);
  page.on('dialog', (d) => void d.accept());
  await page.goto(f.url, { waitUntil: 'load' });
  await page.waitForSelector(`html[data-replica-ready="${f.ready}"]`);
  await page.waitForFunction(() => document.documentElement.dataset.zwdtHelperPage === 'application', { timeout: 60_000 });
  const panel = await helperFrame(page, 30_000);
  await panel.waitForSelector('[data-testid="claimant-select"] option[value="w-mother"]');
  return { page, panel };
}

/** 自动填写 as a person does it in the panel; the summary as it shows. */
async function autofill(panel: Frame, claimant: string, agent: string): Promise<string> {
  await panel.select('[data-testid="claimant-select"]', claimant);
  await panel.select('[data-testid="agent-select"]', agent);
  await panel.click('[data-testid="autofill-button"]');
  await panel.waitForSelector('[data-testid="autofill-summary"]', { timeout: 60_000 });
  return panel.$eval('[data-testid="autofill-summary"]', (el) => (el as HTMLElement).innerText);
}

describe('自动填写 through the extension on the widget-family pages', () => {
  let s: Session;
  before(async () => {
    s = await launch();
    await importProfiles(s, PROFILES);
  });
  after(async () => {
    await s?.close();
  });
  beforeEach(() => s.replica.reset());

  for (const f of FAMILIES) {
    for (const delegated of [false, true]) {
      const mode = delegated ? '委托' : '本人';
      it(`${f.name}, ${mode}: every starred field right as a person sees it and in the framework's model; traps (incl. the header search) untouched; no false "fill by hand"; nothing submitted`, async () => {
        const { page, panel } = await open(s, f);
        const claimant = delegated ? MOTHER : SELF;
        const agent = delegated ? SELF : null;
        const summary = await autofill(panel, delegated ? 'w-mother' : 'w-self', delegated ? 'w-self' : '');

        // the panel: everything starred is done, nothing to fill by hand, no search box named
        assert.match(summary, /带星号的项目都已填好/, summary);
        assert.doesNotMatch(summary, /手动填写|搜索|办事大厅|医保服务/, summary);

        // the framework's own model (what the page would submit), traps included
        const { form, submitted } = await familyState(page);
        const want = expectedState(f, claimant, agent);
        assert.deepEqual(Object.fromEntries(Object.keys(want).map((k) => [k, form[k]])), want);

        // what a person sees
        const seen = await visibleState(page, f);
        assert.deepEqual(seen, {
          mode: delegated ? f.modeText.agent : f.modeText.self,
          bank: '上海农商银行',
          district: f.ready === 'layui' ? '松江区' : '上海市 / 市辖区 / 松江区',
          date: localToday(),
        });
        const siteSearch = await page.$eval('.site-head input', (el) => (el as HTMLInputElement).value);
        assert.equal(siteSearch, '');
        // the 委托 rows were revealed and filled in the same run (本人: not there)
        const agentRows = await page.evaluate(
          (labels: string[]) =>
            labels.map((l) => {
              const label = [...document.querySelectorAll('label')].find((x) => x.textContent?.replace(/[\s*：:]/g, '') === l);
              const item = label?.closest('.layui-form-item, .ant-form-item, .ivu-form-item');
              return (item?.querySelector('input') as HTMLInputElement | null)?.value ?? null;
            }),
          f.revealed,
        );
        assert.deepEqual(agentRows, delegated ? [SELF.name, SELF.idNumber] : [null, null]);

        await settled(page);
        assert.equal(submitted, false);
        assert.equal((await familyState(page)).submitted, false);
        await page.close();
        assert.deepEqual(s.replica.submissions, []);
      });
    }
  }
});
