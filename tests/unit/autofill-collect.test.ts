import { describe, it, expect, beforeEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectFields } from '@/utils/page/fields';
import { matchFields } from '@/utils/page/meaning';
import { isStarred } from '@/utils/page/starred';
import { findInvoiceRows, findButtonByText } from '@/utils/autofill/invoice-row';
import type { CollectedField } from '@/utils/autofill/types';

const FIX = join(import.meta.dirname, 'fixtures/autofill');
export const loadFixture = (name: string) => {
  document.body.innerHTML = readFileSync(join(FIX, name), 'utf8');
};

/** label | kind | starred | meaning-or-trap */
function summary(fields: CollectedField[]): string[] {
  return matchFields(fields).map((m) => `${m.field.label}|${m.field.kind}|${m.field.starred ? '*' : ''}|${m.trap ? 'TRAP' : (m.meaning ?? '-')}`);
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('collect + match on hand-written markups', () => {
  it('Element UI-like form (nested 邮寄地址 items, sections, traps, hidden item)', () => {
    loadFixture('element-ui.html');
    expect(summary(collectFields(document))).toEqual([
      '搜索事项|text||TRAP',
      '办理方式|radio-group|*|mode',
      '姓名|text|*|claimant.name',
      '证件号码|text|*|claimant.idNumber',
      '手机号码|text|*|claimant.phone',
      '出生日期|date||claimant.birthDate',
      '姓名|text|*|agent.name',
      '身份证号|text|*|agent.idNumber',
      '邮寄地址|custom-select||address.district',
      '邮寄地址|text||address.detail',
      '所在地区|cascader||address.district',
      '开户银行|custom-select|*|claimant.bankName',
      '银行卡号|text|*|claimant.bankAccount',
      '紧急联系人电话|text||TRAP',
      '验证码|text|*|TRAP',
      '住院起止|daterange||invoice.period',
    ]);
  });
  it('Element Plus-like form (cards as sections, disabled field skipped)', () => {
    loadFixture('element-plus.html');
    expect(summary(collectFields(document))).toEqual([
      '报销人姓名|text|*|claimant.name',
      '报销人身份证号|text|*|claimant.idNumber',
      '就诊类型|custom-select|*|invoice.visitType',
      '开户行|custom-select||claimant.bankName',
      '姓名|text|*|agent.name',
      '手机|text|*|agent.phone',
    ]);
  });
  it('Bootstrap 3 horizontal form, two fields per row, label.control-label.is-required', () => {
    loadFixture('bootstrap.html');
    expect(summary(collectFields(document))).toEqual([
      '报销人姓名|text|*|claimant.name',
      '报销人身份证|text|*|claimant.idNumber',
      '办理方式|radio-group|*|mode',
      '委托人姓名|text||agent.name',
      '委托人身份证号|text||agent.idNumber',
      '联系电话|text|*|claimant.phone',
      '单位电话|text||TRAP',
      '所在区|native-select|*|address.district',
      '详细地址|text|*|address.detail',
      '开户银行|native-select|*|claimant.bankName',
      '银行账号|text|*|claimant.bankAccount',
      '验证码|text||TRAP',
    ]);
  });
  it('table layout, labels in the left cell, red literal stars, section rows', () => {
    loadFixture('table.html');
    expect(summary(collectFields(document))).toEqual([
      '*姓名：|text|*|claimant.name',
      '*身份证号码：|text|*|claimant.idNumber',
      '*手机号码：|text|*|claimant.phone',
      '邮政编码：|text||address.postcode',
      '*姓名：|text|*|agent.name',
      '*身份证号码：|text|*|agent.idNumber',
      '姓名：|text||TRAP',
      '电话：|text||TRAP',
      '＊邮寄地址：|text|*|address.full',
    ]);
  });
  it('plain form: text before inputs, <span class="red">*</span>, enclosing labels', () => {
    loadFixture('plain.html');
    expect(summary(collectFields(document))).toEqual([
      '*报销人姓名：|text|*|claimant.name',
      '*报销人身份证：|text|*|claimant.idNumber',
      '联系电话|text|*|claimant.phone',
      '开户行|text||claimant.bankName',
      '银行卡号|text||claimant.bankAccount',
      '邮寄地址|text||address.full',
      '搜索|text||TRAP',
      '|text||TRAP',
      '|checkbox||-',
    ]);
  });
  it('aria-labelledby / aria-label / aria-required', () => {
    loadFixture('aria.html');
    expect(summary(collectFields(document))).toEqual([
      '委托人 证件号码|text||agent.idNumber',
      '委托人姓名|text||agent.name',
      '报销人手机号|text|*|claimant.phone',
    ]);
  });
});

describe('other libraries and shared rows', () => {
  it('Ant Design form items, ant-select, layui with a shared 邮寄地址 row (上海市 [区▼] [街道门牌])', () => {
    loadFixture('ant-layui.html');
    expect(summary(collectFields(document))).toEqual([
      '办理方式|radio-group|*|mode',
      '参保人姓名|text|*|claimant.name',
      '开户行|custom-select|*|claimant.bankName',
      '*经办人|text|*|agent.name',
      '邮寄地址|native-select||address.district',
      '邮寄地址|text||address.detail',
    ]);
  });
});

describe('collection details', () => {
  it('skips hidden, disabled and readonly fields but keeps pickers whose input is readonly', () => {
    loadFixture('element-ui.html');
    const labels = collectFields(document).map((f) => f.label);
    expect(labels).not.toContain('隐藏字段');
    expect(collectFields(document).filter((f) => f.kind === 'custom-select').length).toBe(2);
    loadFixture('element-plus.html');
    expect(collectFields(document).map((f) => f.label)).not.toContain('申请编号');
    loadFixture('plain.html');
    expect(collectFields(document).some((f) => f.value === 'AB12')).toBe(false);
  });
  it('reads radio options, native select options and current values', () => {
    loadFixture('bootstrap.html');
    const fields = collectFields(document);
    const mode = fields.find((f) => f.kind === 'radio-group')!;
    expect(mode.options).toEqual(['本人办理', '委托人办理']);
    expect(mode.value).toBe('本人办理');
    expect(fields.find((f) => f.label === '联系电话')!.value).toBe('13900000000');
    expect(fields.find((f) => f.label === '所在区')!.options).toContain('松江区');
    loadFixture('element-plus.html');
    const bank = collectFields(document).find((f) => f.label === '开户行')!;
    expect(bank.value).toBe('中国工商银行');
    expect(collectFields(document).find((f) => f.label === '就诊类型')!.value).toBe('');
  });
  it('finds fields in open shadow roots and same-origin iframes', async () => {
    loadFixture('aria.html');
    const host = document.getElementById('shadow-host')!;
    const sr = host.attachShadow({ mode: 'open' });
    sr.innerHTML = '<label for="sx">邮寄地址</label><input id="sx" type="text">';
    const fields = collectFields(document);
    expect(fields.map((f) => f.label)).toContain('邮寄地址');
    expect(collectFields(document, { shadow: false }).map((f) => f.label)).not.toContain('邮寄地址');
  });
  it('records the section heading above a field', () => {
    loadFixture('table.html');
    const fields = collectFields(document);
    expect(fields.map((f) => f.section)).toEqual(['报销人信息', '报销人信息', '报销人信息', '报销人信息', '委托人信息', '委托人信息', '紧急联系人', '紧急联系人', '邮寄信息']);
  });
});

describe('starred', () => {
  const el = (html: string) => {
    document.body.innerHTML = html;
    return document.body.firstElementChild!;
  };
  it('by class on the item or the label', () => {
    const item = el('<div class="el-form-item is-required"><label class="el-form-item__label">姓名</label></div>');
    expect(isStarred({ container: item, labelElement: item.querySelector('label'), labelText: '姓名', controls: [] })).toBe(true);
    const l = el('<label class="control-label is-required">姓名</label>');
    expect(isStarred({ container: null, labelElement: l, labelText: '姓名', controls: [] })).toBe(true);
    const a = el('<label class="ant-form-item-required">姓名</label>');
    expect(isStarred({ container: null, labelElement: a, labelText: '姓名', controls: [] })).toBe(true);
  });
  it('by a literal star in or next to the label', () => {
    expect(isStarred({ container: null, labelElement: null, labelText: '＊姓名', controls: [] })).toBe(true);
    const wrap = el('<div><span class="red">*</span><label>姓名</label></div>');
    expect(isStarred({ container: null, labelElement: wrap.querySelector('label'), labelText: '姓名', controls: [] })).toBe(true);
    const after = el('<div><label>姓名</label><i>*</i></div>');
    expect(isStarred({ container: null, labelElement: after.querySelector('label'), labelText: '姓名', controls: [] })).toBe(true);
  });
  it('by required / aria-required', () => {
    const i = el('<input required>');
    expect(isStarred({ container: null, labelElement: null, labelText: '姓名', controls: [i] })).toBe(true);
    const j = el('<input aria-required="true">');
    expect(isStarred({ container: null, labelElement: null, labelText: '姓名', controls: [j] })).toBe(true);
  });
  it('not starred otherwise (the ::before star is tested in Chromium: happy-dom has no pseudo-element content)', () => {
    const item = el('<div class="el-form-item"><label class="el-form-item__label">备注</label><input></div>');
    expect(isStarred({ container: item, labelElement: item.querySelector('label'), labelText: '备注', controls: [item.querySelector('input')!] })).toBe(false);
  });
});

describe('invoice table and buttons', () => {
  it('reads existing rows 票据号码 / 票据代码 by header', () => {
    loadFixture('table.html');
    const rows = findInvoiceRows(document);
    expect(rows.map((r) => [r.number, r.code])).toEqual([
      ['0012345678', '31001234'],
      ['0099999999', null],
    ]);
  });
  it('reads an Element table (header and body in separate tables)', () => {
    document.body.innerHTML = `<div class="el-table"><div class="el-table__header-wrapper"><table class="el-table__header"><thead><tr><th><div class="cell">序号</div></th><th><div class="cell">发票号码</div></th><th><div class="cell">金额</div></th></tr></thead></table></div>
      <div class="el-table__body-wrapper"><table class="el-table__body"><tbody><tr class="el-table__row"><td><div class="cell">1</div></td><td><div class="cell">0000001234</div></td><td><div class="cell">1.00</div></td></tr></tbody></table></div></div>`;
    expect(findInvoiceRows(document).map((r) => r.number)).toEqual(['0000001234']);
  });
  it('finds 新增 but never 提交 / 下一步', () => {
    document.body.innerHTML = '<button class="el-button"><i class="el-icon-plus"></i><span> 新增 </span></button><button>提交</button><button>下一步</button>';
    expect(findButtonByText(document, ['新增', '添加'])?.textContent?.trim()).toBe('新增');
    expect(findButtonByText(document, ['提交'])).toBeNull();
    expect(findButtonByText(document, ['下一步'])).toBeNull();
  });
});
