/**
 * Issue 15, pure parts: recognising a widget family by its markup (widget-families.ts), the driver registry
 * keyed by (kind, library), and the both-views judgement. Markups here are written by hand in the shape each
 * library renders (a layui form after form.render, an Ant select, an iView select with its hidden input) —
 * unlike the replica pages, which the browser tests use.
 */
import { describe, it, expect, beforeEach } from 'vitest';
import { recogniseWidget, isSkinPart, findWidgets, widgetField, layuiOptionText } from '@/utils/autofill/widget-families';
import { driverFor, familyKinds } from '@/utils/autofill/drivers';
import { judge, sameChoice } from '@/utils/autofill/drivers/both-views';
import { layuiSelectViews } from '@/utils/autofill/drivers/layui-select';
import { layuiRadioViews } from '@/utils/autofill/drivers/layui-radio';
import { iviewSelectViews } from '@/utils/autofill/drivers/iview-select';
import { dateDriver } from '@/utils/autofill/drivers/date';
import { selectDriver } from '@/utils/autofill/drivers/select';
import type { FillValue } from '@/utils/autofill/types';

const LAYUI_FORM = `
<div class="top"><input type="text" class="layui-input" placeholder="搜索"></div>
<form class="layui-form" lay-filter="f">
  <div class="layui-form-item"><label class="layui-form-label">*申请类型</label><div class="layui-input-block">
    <input type="radio" name="lx" value="a" title="本人申请" checked><div class="layui-unselect layui-form-radio layui-form-radioed"><i class="layui-anim layui-icon"></i><div>本人申请</div></div>
    <input type="radio" name="lx" value="b" title="代理申请"><div class="layui-unselect layui-form-radio"><i class="layui-anim layui-icon"></i><div>代理申请</div></div>
  </div></div>
  <div class="layui-form-item"><label class="layui-form-label">开户行</label><div class="layui-input-block">
    <select name="yh" lay-search><option value="">直接选择或搜索选择</option><option value="1">交通银行</option><option value="2" selected>上海银行</option></select><div class="layui-form-select"><div class="layui-select-title"><input type="text" placeholder="直接选择或搜索选择" value="上海银行" class="layui-input"><i class="layui-edge"></i></div><dl class="layui-anim layui-anim-upbit"><dd lay-value="" class="layui-select-tips">直接选择或搜索选择</dd><dd lay-value="1">交通银行</dd><dd lay-value="2" class="layui-this">上海银行</dd></dl></div>
  </div></div>
  <div class="layui-form-item"><label class="layui-form-label">出生日期</label><div class="layui-input-inline"><input type="text" class="layui-input" id="d" lay-key="3" readonly></div></div>
  <div class="layui-form-item"><div class="layui-input-block"><input type="checkbox" name="ty" title="我已阅读并同意" lay-skin="primary"><div class="layui-unselect layui-form-checkbox" lay-skin="primary"><span>我已阅读并同意</span><i class="layui-icon"></i></div></div></div>
</form>`;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('recogniseWidget: layui skins over hidden native controls', () => {
  beforeEach(() => {
    document.body.innerHTML = LAYUI_FORM;
  });

  it('a select is one widget whichever part is asked: the hidden <select>, the skin, its typing box, an option', () => {
    const roots = ['select[name=yh]', '.layui-form-select', '.layui-select-title input', 'dd[lay-value="1"]'].map((s) => recogniseWidget(document.querySelector(s)!));
    for (const w of roots) {
      expect(w?.kind).toBe('custom-select');
      expect(w?.library).toBe('layui');
      expect(w?.root).toBe(document.querySelector('.layui-form-select'));
      expect(w?.controls).toEqual([document.querySelector('select[name=yh]')]);
    }
    // lay-search: the title input is the select's own search box
    expect(roots[0]!.parts.search).toBe(document.querySelector('.layui-select-title input'));
  });

  it('radios are one group over the skins, with the skins\' texts; checkboxes are checkbox skins', () => {
    const g = recogniseWidget(document.querySelector('.layui-form-radio')!)!;
    expect(g.kind).toBe('radio-group');
    expect(g.controls.map((r) => layuiOptionText(r as HTMLInputElement))).toEqual(['本人申请', '代理申请']);
    expect(g.parts.options).toHaveLength(2);
    expect(recogniseWidget(document.querySelector('input[name=lx][value=b]')!)!.root).toBe(g.root);
    expect(recogniseWidget(document.querySelector('.layui-form-checkbox')!)?.kind).toBe('checkbox');
    expect(recogniseWidget(document.querySelector('#d')!)).toMatchObject({ kind: 'date', library: 'layui' });
  });

  it('hidden controls and the typing box belong to their skin; the header search box and plain inputs do not', () => {
    expect(isSkinPart(document.querySelector('select[name=yh]')!)).toBe(true);
    expect(isSkinPart(document.querySelector('input[name=lx]')!)).toBe(true);
    expect(isSkinPart(document.querySelector('input[name=ty]')!)).toBe(true);
    expect(isSkinPart(document.querySelector('.layui-select-title input')!)).toBe(true);
    expect(isSkinPart(document.querySelector('.top input')!)).toBe(false);
    expect(recogniseWidget(document.querySelector('.top input')!)).toBeNull();
    expect(findWidgets(document).map((w) => w.kind)).toEqual(['radio-group', 'custom-select', 'date', 'checkbox']);
  });

  it('reads both views: skin and native agree, or not', () => {
    const skin = document.querySelector('.layui-form-select')!;
    // (happy-dom does not honour `selected` from innerHTML: set what layui rendered)
    (document.querySelector('select[name=yh]') as HTMLSelectElement).value = '2';
    expect(layuiSelectViews(skin)).toEqual({ seen: '上海银行', kept: '上海银行' });
    (document.querySelector('select[name=yh]') as HTMLSelectElement).value = '1';
    expect(layuiSelectViews(skin)).toEqual({ seen: '上海银行', kept: '交通银行' });
    const radios = Array.from(document.querySelectorAll('input[name=lx]')) as HTMLInputElement[];
    expect(layuiRadioViews(radios)).toEqual({ seen: '本人申请', kept: '本人申请' });
    radios[1]!.checked = true;
    expect(layuiRadioViews(radios)).toEqual({ seen: '本人申请', kept: '代理申请' });
  });
});

describe('recogniseWidget: Ant and iView', () => {
  it('an Ant select with show-search vs a cascader (both .ant-select); iView keeps its value in a hidden input', () => {
    document.body.innerHTML = `
      <div class="ant-select ant-select-single ant-select-show-search"><div class="ant-select-selector"><span class="ant-select-selection-search"><input class="ant-select-selection-search-input" role="combobox"></span><span class="ant-select-selection-item" title="交通银行">交通银行</span></div></div>
      <div class="ant-select ant-cascader"><div class="ant-select-selector"><span class="ant-select-selection-search"><input class="ant-select-selection-search-input" readonly></span></div></div>
      <div class="ivu-select ivu-select-single"><div class="ivu-select-selection"><input type="hidden" value="2"><div><span class="ivu-select-selected-value">上海银行</span></div></div>
        <div class="ivu-select-dropdown"><ul class="ivu-select-dropdown-list"><li class="ivu-select-item">交通银行</li><li class="ivu-select-item ivu-select-item-selected">上海银行</li></ul></div></div>`;
    const [ant, cas, iv] = findWidgets(document);
    expect(ant).toMatchObject({ kind: 'custom-select', library: 'ant' });
    expect(ant!.parts.search).toBe(document.querySelector('.ant-select-show-search input'));
    expect(isSkinPart(document.querySelector('.ant-select-show-search input')!)).toBe(true);
    expect(isSkinPart(document.querySelector('.ivu-select input[type=hidden]')!)).toBe(true);
    expect(cas).toMatchObject({ kind: 'cascader', library: 'ant' });
    expect(iv).toMatchObject({ kind: 'custom-select', library: 'iview' });
    expect(iviewSelectViews(iv!.root)).toEqual({ seen: '上海银行', kept: '上海银行' });
    (iv!.root.querySelector('input[type=hidden]') as HTMLInputElement).value = '';
    expect(iviewSelectViews(iv!.root).kept).toBe('');
    expect(widgetField(iv!).library).toBe('iview');
  });
});

describe('driverFor(kind, library) and the both-views judgement', () => {
  it('family drivers by (kind, library); other libraries and no library fall back to the kind drivers', () => {
    expect(driverFor('custom-select', 'layui')).not.toBe(selectDriver);
    expect(driverFor('custom-select', 'ant')).not.toBe(driverFor('custom-select', 'iview'));
    expect(driverFor('custom-select', 'element')).toBe(selectDriver);
    expect(driverFor('date', 'native')).toBe(dateDriver);
    expect(driverFor('daterange', 'ant')).toBe(driverFor('daterange'));
    // by kind only: the kind's default driver (text keeps its synchronous one)
    expect(driverFor('text')?.fillSync).toBeDefined();
    expect(driverFor('custom-select')).toBe(selectDriver);
    expect(familyKinds()).toEqual({
      layui: ['custom-select', 'radio-group', 'checkbox', 'date'],
      ant: ['custom-select', 'radio-group', 'date', 'cascader'],
      iview: ['custom-select', 'radio-group', 'date', 'cascader'],
    });
  });

  it('a layui field goes to layui\'s driver, the same element claimed to be Element\'s to the plain driver', async () => {
    document.body.innerHTML = LAYUI_FORM;
    const env = { wait: async () => {}, stats: { waitMs: 0 }, timeoutMs: 5 };
    const skin = document.querySelector('.layui-form-select') as HTMLElement;
    const value: FillValue = { type: 'choice', candidates: ['交通银行'] };
    (document.querySelector('select[name=yh]') as HTMLSelectElement).value = '2';
    // layui's driver clicks 交通银行's dd; no layui script runs here, so both views still say 上海银行
    const layui = await driverFor('custom-select', 'layui')!.fill(widgetField(recogniseWidget(skin)!), value, env);
    expect(layui).toEqual({ ok: false, value: '上海银行', reason: 'the page did not take the choice' });
    // the same element claimed to be Element's goes to the plain driver, which waits for a popup (none here)
    const element = await driverFor('custom-select', 'element')!.fill({ ...widgetField(recogniseWidget(skin)!), library: 'element' }, value, env);
    expect(element).toMatchObject({ ok: false, reason: 'the list did not open' });
  });

  it('filled only when what a person sees and what the page keeps both show the value', () => {
    expect(judge({ seen: '上海农商银行', kept: '上海农商银行' }, '上海农商银行')).toEqual({ ok: true, value: '上海农商银行' });
    expect(judge({ seen: '上海农商银行', kept: '' }, '上海农商银行')).toMatchObject({ ok: false, reason: expect.stringMatching(/shown but not kept/) });
    expect(judge({ seen: '', kept: '上海农商银行' }, '上海农商银行')).toMatchObject({ ok: false, reason: expect.stringMatching(/kept but not shown/) });
    expect(judge({ seen: '交通银行', kept: '交通银行' }, '上海农商银行').ok).toBe(false);
    // nothing readable kept in the DOM (Ant before its list was opened): what is seen decides
    expect(judge({ seen: '上海市 / 市辖区 / 松江区', kept: null }, '松江区').ok).toBe(true);
    expect(sameChoice('汇丰银行（中国）', '汇丰银行')).toBe(true);
    expect(sameChoice('', '汇丰银行')).toBe(false);
  });
});
