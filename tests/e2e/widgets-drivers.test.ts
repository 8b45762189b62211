/**
 * Issue 15: the widget-family drivers (layui 2, Ant Design Vue 4, View UI 4) against application forms built
 * with each real library from npm (tests/replica/pages/widgets.mjs), in Chromium, run from an isolated world
 * as a content script is. Fields are found by their form-item label (tests/e2e/widgets-probe.ts) — collection
 * of these families is the page model's job — and each widget is filled by the driver its markup selects.
 *
 * Asserted from the page's main world: the framework's model (`__replica.state()`), the visible skins read
 * with plain DOM queries written here (not the drivers' own read-back), traps untouched, no validation
 * message, no popup left open, nothing submitted.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch, type Session } from './harness';
import { BENCH_AGENT as AGENT, BENCH_CLAIMANT as CLAIMANT, inWorld } from '../../bench/autofill.bench';
import { FAMILIES, expectedState, familyState, fillFamily, injectWidgets, openFamily } from '../../bench/widgets.bench';
import { localToday } from '../../utils/autofill/plan';
import { settled, visibleState } from './widgets-page';
import type { PersonValues } from '../../utils/autofill';

describe('widget family drivers on real-library fixtures (isolated world)', () => {
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
      const mode = agent ? '委托' : '本人';
      it(`${f.name}, ${mode}: every field right in the framework's model and on screen; traps untouched; nothing submitted`, async () => {
        const page = await s.newPage();
        await openFamily(page, f);
        const h = await injectWidgets(page);
        const { rows, revealed } = await fillFamily(h, f, CLAIMANT, agent);
        assert.equal(revealed, true, 'the 委托 rows appeared');
        assert.deepEqual(
          rows.filter((r) => !r.ok).map((r) => `${r.label}: ${r.reason}`),
          [],
        );
        // each widget went to its family's driver (chosen by the markup)
        const library = f.ready === 'antdv' ? 'ant' : f.ready === 'viewui' ? 'iview' : 'layui';
        assert.deepEqual([...new Set(rows.filter((r) => r.kind !== 'text').map((r) => r.library))], [library]);
        const { form, submitted } = await familyState(page);
        const want = expectedState(f, CLAIMANT, agent);
        assert.deepEqual(Object.fromEntries(Object.keys(want).map((k) => [k, form[k]])), want);
        const seen = await visibleState(page, f);
        assert.equal(seen.mode, agent ? f.modeText.agent : f.modeText.self);
        assert.equal(seen.bank, '上海农商银行');
        assert.match(seen.district, /松江区$/);
        assert.equal(seen.date, localToday());
        await settled(page);
        assert.equal(submitted, false);
        assert.deepEqual(s.replica.submissions, []);
        await page.close();
      });
    }
  }

  it('dates far from today: each family\'s calendar is stepped to the month (no typing into readonly inputs, no Enter)', async () => {
    for (const f of FAMILIES) {
      const page = await s.newPage();
      await openFamily(page, f);
      const h = await injectWidgets(page);
      for (const iso of ['2019-03-15', '2024-02-29']) {
        const res = await inWorld<{ ok: boolean; reason?: string }>(h, `A.fillByLabel('申请日期', { type: 'date', iso: '${iso}' })`);
        assert.equal(res.ok, true, `${f.name} ${iso}: ${res.reason}`);
        assert.equal((await familyState(page)).form.date, iso, f.name);
      }
      await settled(page);
      await page.close();
    }
  });

  it('Ant virtual list: an option far down is reached by typing into show-search, or — when the box takes no typing (a select without show-search renders it readonly) — by scrolling', async () => {
    const f = FAMILIES.find((x) => x.ready === 'antdv')!;
    for (const typing of [true, false]) {
      const page = await s.newPage();
      await openFamily(page, f);
      if (!typing) await page.evaluate(() => document.querySelector('#form_item_bank')!.setAttribute('readonly', ''));
      const h = await injectWidgets(page);
      // 上海农商银行 is the 25th of 28: not drawn when the list opens
      const res = await inWorld<{ ok: boolean; reason?: string }>(h, `A.fillByLabel('开户银行', { type: 'choice', candidates: ['上海农商银行松江支行', '上海农商银行'] })`);
      assert.equal(res.ok, true, res.reason);
      assert.equal((await familyState(page)).form.bank, '上海农商银行');
      assert.equal(await page.$eval('#form_item_bank', (i) => (i as HTMLInputElement).value), '', 'the search box is left empty');
      await settled(page);
      await page.close();
    }
  });

  it('switching 委托 back to 本人 hides the rows again, and choosing 委托 twice keeps one set (layui form.render)', async () => {
    const f = FAMILIES.find((x) => x.ready === 'layui')!;
    const page = await s.newPage();
    await openFamily(page, f);
    const h = await injectWidgets(page);
    const choose = (agent: boolean) => inWorld<{ ok: boolean }>(h, `A.fillByLabel('办理方式', { type: 'choice', candidates: [${agent ? "'委托'" : "'本人'"}] })`);
    assert.equal((await choose(true)).ok, true);
    assert.equal(await inWorld<boolean>(h, `A.waitForLabel('代办人姓名')`), true);
    assert.equal((await choose(true)).ok, true);
    assert.equal(await page.$$eval('input[name=dbrxm]', (els) => els.length), 1);
    assert.equal((await choose(false)).ok, true);
    assert.equal(await page.$$eval('input[name=dbrxm]', (els) => els.length), 0);
    assert.equal((await familyState(page)).form.handleMode, '本人');
    await page.close();
  });

  it('what a person sees is what counts: a layui select whose skin shows a choice the hidden <select> does not keep is NOT filled', async () => {
    const f = FAMILIES.find((x) => x.ready === 'layui')!;
    const page = await s.newPage();
    await openFamily(page, f);
    // a broken page script: clicking an option only rewrites the title, layui never sees the click
    await page.evaluate(() => {
      document.addEventListener(
        'click',
        (e) => {
          const dd = (e.target as Element).closest?.('.layui-form-select dd[lay-value]');
          if (!dd) return;
          e.stopImmediatePropagation();
          const skin = dd.closest('.layui-form-select')!;
          (skin.querySelector('.layui-select-title input') as HTMLInputElement).value = dd.textContent ?? '';
          skin.classList.remove('layui-form-selected');
        },
        true,
      );
    });
    const h = await injectWidgets(page);
    const res = await inWorld<{ ok: boolean; reason?: string; value: string }>(h, `A.fillByLabel('开户银行', { type: 'choice', candidates: ['上海农商银行'] })`);
    assert.equal(res.ok, false);
    assert.match(res.reason ?? '', /shown but not kept/);
    assert.equal((await familyState(page)).form.bank, '');
    // and the other way round: the hidden <select> set behind layui's back, the title still empty
    await page.evaluate(() => {
      (document.querySelector('select[name=qx]') as HTMLSelectElement).value = '310117';
    });
    const views = await inWorld<{ seen: string; kept: string }>(h, `A.viewsByLabel('邮寄地址', { kind: 'custom-select' })`);
    assert.deepEqual([views.seen, views.kept], ['', '松江区']);
    await page.close();
  });

  it('recognises each family by its markup: one widget per skin, hidden controls and typing boxes belong to their widget, the header search is none', async () => {
    const expected: Record<string, string[]> = {
      layui: ['radio-group', 'date', 'custom-select', 'custom-select'],
      antdv: ['radio-group', 'date', 'custom-select', 'cascader'],
      viewui: ['radio-group', 'date', 'custom-select', 'cascader'],
    };
    for (const f of FAMILIES) {
      const page = await s.newPage();
      await openFamily(page, f);
      const h = await injectWidgets(page);
      const kinds = await inWorld<string[]>(h, `A.findWidgets(document).filter((w) => !w.root.closest('.site-head')).map((w) => w.kind)`);
      assert.deepEqual(kinds, expected[f.ready], f.name);
      // the page-header site search is not a widget, and not inside any form item
      assert.equal(await inWorld<boolean>(h, `A.findWidgets(document).some((w) => w.root.closest('.site-head'))`), false, f.name);
      if (f.ready === 'layui') {
        const parts = await inWorld<boolean[]>(h, `[...document.querySelectorAll('select[name=khyh], input[name=blfs], .layui-form-select input')].map((el) => A.isSkinPart(el))`);
        assert.ok(parts.length >= 4 && parts.every(Boolean), 'hidden <select>, hidden radios and the lay-search typing box belong to their skins');
        const search = await inWorld<{ kind: string; search: boolean }>(h, `(() => { const w = A.recogniseWidget(document.querySelector('select[name=khyh]')); return { kind: w.kind, search: !!w.parts.search }; })()`);
        assert.deepEqual(search, { kind: 'custom-select', search: true });
      }
      await page.close();
    }
  });
});
