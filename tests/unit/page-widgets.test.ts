/**
 * Issue 15 in the page model: widget detection is part of reading the page. Skins (layui radios / checkboxes /
 * selects drawn over hidden native controls) are one field each; a select's own typing box is the select's and
 * no trap evidence; a real page search is never starred; the read-back needs the skin AND the hidden control;
 * a section ends with its block. Markups written by hand in the shape the libraries render — unlike the
 * replica pages the browser tests use.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readFields, readPageModel, summarise } from '@/utils/page';
import { readField } from '@/utils/page/value';
import { isPageSearch } from '@/utils/page/widgets';
import { driverFor } from '@/utils/autofill/drivers';
import { layuiRadioDriver } from '@/utils/autofill/drivers/layui-radio';
import { layuiSelectDriver } from '@/utils/autofill/drivers/layui-select';

const HIDE = 'style="display:none"';
const star = '<span style="color:red">*</span>';

/** A layui 2 form after `form.render()`: native controls hidden, skins after them. Worded unlike the replica. */
const LAYUI = `
<div class="top-nav"><span>市民服务平台</span><input type="text" class="layui-input" name="kw" required><button class="layui-btn">搜索</button></div>
<form class="layui-form" lay-filter="sq">
  <div class="layui-form-item"><label class="layui-form-label">${star}申报方式</label><div class="layui-input-block">
    <input type="radio" name="sbfs" value="0" title="本人申报" ${HIDE}><div class="layui-unselect layui-form-radio"><i class="layui-anim layui-icon layui-icon-circle"></i><div>本人申报</div></div>
    <input type="radio" name="sbfs" value="1" title="代理申报" ${HIDE}><div class="layui-unselect layui-form-radio"><i class="layui-anim layui-icon layui-icon-circle"></i><div>代理申报</div></div>
  </div></div>
  <div class="layui-form-item"><label class="layui-form-label">${star}参保人姓名</label><div class="layui-input-block"><input type="text" name="cbrxm" class="layui-input"></div></div>
  <div class="layui-form-item"><label class="layui-form-label">${star}收款银行</label><div class="layui-input-block">
    <select name="skyh" lay-search ${HIDE}><option value="">可直接输入搜索</option><option value="01">交通银行</option><option value="02">上海银行</option></select><div class="layui-unselect layui-form-select"><div class="layui-select-title"><input type="text" placeholder="可直接输入搜索" value="" class="layui-input"><i class="layui-edge"></i></div><dl class="layui-anim layui-anim-upbit"><dd lay-value="" class="layui-select-tips">可直接输入搜索</dd><dd lay-value="01">交通银行</dd><dd lay-value="02">上海银行</dd></dl></div>
  </div></div>
  <div class="layui-form-item"><label class="layui-form-label">${star}填表日期</label><div class="layui-input-inline"><input type="text" name="tbrq" class="layui-input" lay-key="7" readonly></div></div>
  <div class="layui-form-item"><div class="layui-input-block"><input type="checkbox" name="ty" title="本人承诺所填属实" lay-skin="primary" ${HIDE}><div class="layui-unselect layui-form-checkbox" lay-skin="primary"><span>本人承诺所填属实</span><i class="layui-icon layui-icon-ok"></i></div></div></div>
</form>`;

const byLabel = (label: string) => readFields(document).find((m) => m.field.label.replace(/[*\s]/g, '') === label)!;

beforeEach(() => {
  document.documentElement.innerHTML = '<head><title>医疗费零星报销</title></head><body></body>';
});

describe('layui skins are the widgets', () => {
  beforeEach(() => {
    document.body.innerHTML = LAYUI;
  });

  it('the skinned radios are ONE usable radio group of library layui, options from the skins; hidden controls are no fields of their own', () => {
    const fields = readFields(document);
    const mode = byLabel('申报方式');
    expect(mode.field).toMatchObject({ kind: 'radio-group', library: 'layui', usable: true, starred: true, starRule: 'label-star', options: ['本人申报', '代理申报'] });
    expect(mode.meaning).toBe('mode');
    expect(mode.field.evidence.map((e) => e.text)).not.toContain('本人申报'); // a radio's title is its option, not a label
    // one field per widget: no separate hidden <select>, radios or checkbox
    expect(fields.filter((m) => m.field.inputs.some((i) => (i as HTMLInputElement).name === 'sbfs'))).toHaveLength(1);
    expect(fields.filter((m) => m.field.inputs.some((i) => i.tagName === 'SELECT'))).toHaveLength(1);
    expect(fields.map((m) => m.field.kind)).toEqual(['text', 'radio-group', 'text', 'custom-select', 'date', 'checkbox']);
    // the engine picks layui's drivers from the field
    expect(driverFor(mode.field.kind, mode.field.library)).toBe(layuiRadioDriver);
    expect(driverFor(byLabel('收款银行').field.kind, byLabel('收款银行').field.library)).toBe(layuiSelectDriver);
  });

  it('a lay-search select is a select: its typing box ("可直接输入搜索") is no trap evidence; laydate is a date of library layui', () => {
    const bank = byLabel('收款银行');
    expect(bank.trap).toBeNull();
    expect(bank.meaning).toBe('claimant.bankName');
    expect(bank.field).toMatchObject({ kind: 'custom-select', library: 'layui', starred: true, usable: true });
    expect(bank.field.hints).toContain('typing box');
    expect(byLabel('填表日期').field).toMatchObject({ kind: 'date', library: 'layui', usable: true });
    expect(byLabel('填表日期').meaning).toBe('applicationDate');
  });

  it('the page header search box is never starred (even with `required`), and a trap', () => {
    const search = readFields(document)[0]!;
    expect(search.field.starred).toBe(false);
    expect(search.field.hints).toContain('page search');
    expect(search.trap).not.toBeNull();
    expect(isPageSearch(document.querySelector('input[name=kw]')!)).toBe(true);
    expect(isPageSearch(document.querySelector('.layui-select-title input')!)).toBe(false);
    expect(isPageSearch(document.querySelector('input[name=cbrxm]')!)).toBe(false);
    expect(summarise(readPageModel(document, { page: null })).fields.filter((f) => f.starred).map((f) => f.label.replace(/\*/g, ''))).toEqual(['申报方式', '参保人姓名', '收款银行', '填表日期']);
  });

  it('read-back: a radio is chosen only when the radio is checked AND its skin shows it', () => {
    const radios = Array.from(document.querySelectorAll('input[name=sbfs]')) as HTMLInputElement[];
    const skins = Array.from(document.querySelectorAll('.layui-form-radio'));
    const field = () => byLabel('申报方式').field;
    radios[1]!.checked = true; // kept, not shown
    expect(readField(field())).toBe('');
    radios[1]!.checked = false;
    skins[1]!.classList.add('layui-form-radioed'); // shown, not kept
    expect(readField(field())).toBe('');
    expect(readPageModel(document, { page: null }).mode).toBeNull();
    radios[1]!.checked = true;
    expect(readField(field())).toBe('代理申报');
    expect(readPageModel(document, { page: null }).mode).toBe('delegated');
  });

  it('read-back: a layui select is filled only when its title and the hidden <select> show the same option', () => {
    const select = document.querySelector('select[name=skyh]') as HTMLSelectElement;
    const title = document.querySelector('.layui-select-title input') as HTMLInputElement;
    const field = () => byLabel('收款银行').field;
    title.value = '上海银行'; // seen, not kept
    expect(readField(field())).toBe('');
    title.value = '';
    select.value = '02'; // kept, not seen
    expect(readField(field())).toBe('');
    title.value = '交通银行'; // both, but different
    expect(readField(field())).toBe('');
    title.value = '上海银行';
    expect(readField(field())).toBe('上海银行');
  });
});

describe('typing boxes of other families', () => {
  it.each([
    [
      'ant',
      `<div class="ant-form-item"><div class="ant-form-item-label"><label class="ant-form-item-required">开户银行</label></div>
        <div class="ant-select ant-select-single ant-select-show-search"><div class="ant-select-selector"><span class="ant-select-selection-search"><input type="search" class="ant-select-selection-search-input" role="combobox" placeholder="输入关键字搜索"></span><span class="ant-select-selection-placeholder">请选择或搜索</span></div></div></div>`,
    ],
    [
      'iview',
      `<div class="ivu-form-item ivu-form-item-required"><label class="ivu-form-item-label">开户银行</label><div class="ivu-form-item-content">
        <div class="ivu-select ivu-select-single"><div class="ivu-select-selection"><input type="hidden" value=""><div><input type="text" class="ivu-select-input" placeholder="请输入关键词检索"></div></div></div></div></div>`,
    ],
  ])('a %s select with a typing box whose hints say 搜索 / 检索 is a select, not a search box', (library, html) => {
    document.body.innerHTML = html;
    const fields = readFields(document);
    expect(fields.map((m) => [m.field.kind, m.field.library, m.trap, m.meaning, m.field.starred])).toEqual([['custom-select', library, null, 'claimant.bankName', true]]);
    expect(fields[0]!.field.hints).toContain('typing box');
  });
});

describe('sections end with their block or at the next heading', () => {
  it('a 代办人信息 box inserted by the 委托 choice does not carry on to the fields after it', () => {
    document.body.innerHTML = `<form class="layui-form">
      <fieldset class="layui-elem-field"><legend>申请人信息</legend></fieldset>
      <div class="layui-form-item"><label class="layui-form-label">姓名</label><input type="text" name="a"></div>
      <div id="box"><fieldset class="layui-elem-field"><legend>代办人信息</legend></fieldset>
        <div class="layui-form-item"><label class="layui-form-label">姓名</label><input type="text" name="b"></div>
        <div class="layui-form-item"><label class="layui-form-label">联系电话</label><input type="text" name="c"></div></div>
      <div class="layui-form-item"><label class="layui-form-label">联系电话</label><input type="text" name="d"></div>
      <div class="layui-form-item"><label class="layui-form-label">详细地址</label><input type="text" name="e"></div></form>`;
    expect(readFields(document).map((m) => `${m.field.section}:${m.meaning}`)).toEqual([
      '申请人信息:claimant.name',
      '代办人信息:agent.name',
      '代办人信息:agent.phone',
      '申请人信息:claimant.phone',
      '申请人信息:address.detail',
    ]);
  });

  it('dividers without a block (Ant `a-divider` in a v-if template): the next divider ends the section; a heading-only block still heads what follows', () => {
    document.body.innerHTML = `<form class="ant-form">
      <div class="ant-form-item"><div class="ant-form-item-label"><label>报销人姓名</label></div><input type="text"></div>
      <div class="ant-divider ant-divider-horizontal ant-divider-with-text"><span class="ant-divider-inner-text">代办人信息</span></div>
      <div class="ant-form-item"><div class="ant-form-item-label"><label>姓名</label></div><input type="text"></div>
      <div class="ant-divider ant-divider-horizontal ant-divider-with-text"><span class="ant-divider-inner-text">联系方式</span></div>
      <div class="ant-form-item"><div class="ant-form-item-label"><label>联系电话</label></div><input type="text"></div>
      <div class="ant-row"><div class="ant-col"><h4>受托人</h4></div></div>
      <div class="ant-form-item"><div class="ant-form-item-label"><label>证件号码</label></div><input type="text"></div></form>`;
    expect(readFields(document).map((m) => `${m.field.section}:${m.meaning}`)).toEqual([':claimant.name', '代办人信息:agent.name', '联系方式:claimant.phone', '受托人:agent.idNumber']);
  });
});

describe('stars', () => {
  it('several fields under ONE starred row label are each starred; a row with a label per field is not spread', () => {
    document.body.innerHTML = `
      <div class="layui-form-item"><label class="layui-form-label"><span class="red">*</span>收件地址</label>
        <div class="layui-input-inline">上海市</div><div class="layui-input-inline"><select name="q"><option value="">区</option><option>松江区</option></select></div>
        <div class="layui-input-inline"><input type="text" name="x" placeholder="街道门牌"></div></div>
      <div class="form-group"><label class="control-label">*姓名</label><input type="text" name="n"><label class="control-label">备注</label><input type="text" name="r"></div>`;
    expect(readFields(document).map((m) => [m.field.evidence[0]?.text, m.field.starred])).toEqual([
      ['上海市', true],
      ['街道门牌', true],
      ['*姓名', true],
      ['备注', false],
    ]);
  });
});
