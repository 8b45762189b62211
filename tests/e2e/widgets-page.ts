/** Node-side helpers of the widget tests: what the page shows, read in its main world with plain DOM queries. */
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import type { FamilySpec } from '../../bench/widgets.bench';

/**
 * What a person sees, read in the main world with each library's own class names. (A source string: tsx
 * would wrap named inner functions in a helper the page does not have.)
 */
const VISIBLE_STATE = `(function (ready) {
  function t(el) { return ((el && el.textContent) || '').replace(/\\s+/g, ' ').trim(); }
  function item(label) {
    return Array.prototype.find.call(document.querySelectorAll('.layui-form-item, .ant-form-item, .ivu-form-item'), function (i) {
      var l = i.querySelector('.layui-form-label, .ant-form-item-label label, .ivu-form-item-label');
      return l && t(l).replace(/[*：:]/g, '') === label;
    });
  }
  if (ready === 'layui') return {
    mode: t(document.querySelector('.layui-form-radio.layui-form-radioed')),
    bank: item('开户银行').querySelector('.layui-select-title input').value,
    district: item('邮寄地址').querySelector('.layui-select-title input').value,
    date: document.querySelector('#sqrq').value,
  };
  if (ready === 'antdv') return {
    mode: t(document.querySelector('.ant-radio-wrapper-checked')),
    bank: t(item('开户银行').querySelector('.ant-select-selection-item')),
    district: t(item('邮寄地址').querySelector('.ant-select-selection-item')),
    date: item('申请日期').querySelector('input').value,
  };
  return {
    mode: t(document.querySelector('.ivu-radio-wrapper-checked')),
    bank: item('开户银行').querySelector('input.ivu-select-input').value,
    district: item('邮寄地址').querySelector('.ivu-cascader-rel input.ivu-input').value,
    date: item('申请日期').querySelector('input.ivu-input').value,
  };
})`;

export async function visibleState(page: Page, f: FamilySpec): Promise<{ mode: string; bank: string; district: string; date: string }> {
  return page.evaluate(`${VISIBLE_STATE}(${JSON.stringify(f.ready)})`) as Promise<{ mode: string; bank: string; district: string; date: string }>;
}

/** Every popup of the three libraries closed (or on its way out) and no validation message shown. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(`![...document.querySelectorAll('.layui-form-selected, .layui-laydate, .ant-select-dropdown:not(.ant-select-dropdown-hidden), .ant-picker-dropdown:not(.ant-picker-dropdown-hidden), .ivu-select-dropdown')]
    .some(function (el) { var st = getComputedStyle(el); return el.getClientRects().length > 0 && st.display !== 'none' && st.visibility !== 'hidden' && !/-leave|-exit/.test(el.className); })`);
  const errors = await page.evaluate(() =>
    [...document.querySelectorAll('.ant-form-item-explain-error, .ivu-form-item-error-tip, .layui-form-danger')].filter((e) => (e as HTMLElement).getClientRects().length).map((e) => e.textContent),
  );
  assert.deepEqual(errors, [], 'no validation message');
}

