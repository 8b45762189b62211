/**
 * The page model (utils/page): the one reader of the page that autofill, the guard and the panel share.
 * Markups here are small and written unlike the replicas; the cases are the false alarms a reader that
 * disagreed with itself produced.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readPageModel, readRowRequirements, summarise, pageStatus, slotMeaning, readFields, columnMeaning, documentKind } from '@/utils/page';
import { readValue } from '@/utils/page/value';
import { readPage } from '@/utils/guard/read-page';
import { evaluate } from '@/utils/guard/evaluate';
import { classifyAddress } from '@/utils/address';

const NOW = new Date('2026-11-25T12:00:00Z');
const codes = (ctx = {}) => evaluate(readPage(document, { now: NOW, ...ctx })).map((f) => f.code);

beforeEach(() => {
  document.documentElement.innerHTML = '<head><title>办理医疗费零星报销(职保人员)</title></head><body></body>';
});

describe('upload slots: the main words decide, notes name substitutes', () => {
  it.each([
    ['身份证（可用户口本本人页、死亡证明代替）', 'id-card', ['household-register', 'death-proof']],
    ['身份证 可用户口本本人页代替', 'id-card', ['household-register']],
    ['*社保卡（无社保卡可上传医保卡）', 'insurance-card', []],
    ['被委托人身份证', 'agent-id', []],
    ['身份证（被委托人）', 'agent-id', []],
    ['发票明细（费用清单）', 'invoice-detail', []],
    ['出院小结【住院发票必传】', 'discharge-summary', ['invoice']],
    ['死亡证明或户籍注销证明', 'death-proof', []],
    ['其他材料', null, []],
    ['其他材料（如火化证明）', null, ['death-proof']],
  ])('%s → %s', (label, kind, accepts) => {
    expect(slotMeaning(label)).toEqual({ kind, accepts });
  });

  it('a 身份证 slot whose label names substitutes is the 身份证 slot: a file there is the ID (no missing-id-document)', () => {
    document.body.innerHTML = `
      <table class="mat"><thead><tr><th>材料</th><th>文件</th></tr></thead><tbody>
        <tr><td>银行卡</td><td><input type="file"><ul><li>yhk.jpg</li></ul></td></tr>
        <tr><td>社保卡</td><td><input type="file"><ul><li>sbk.jpg</li></ul></td></tr>
        <tr><td>身份证（可用户口本本人页、死亡证明代替）</td><td><input type="file"><ul><li>sfz.jpg</li></ul></td></tr>
      </tbody></table>`;
    expect(codes()).toEqual([]);
    // and the same slot empty: exactly that code
    document.querySelectorAll('ul')[2]!.innerHTML = '';
    expect(codes()).toEqual(['missing-id-document']);
  });

  it('slots that are items of one list: each item is read by its own name, not the item before it', () => {
    document.body.innerHTML = `<ul class="mats">
      <li><span class="mat-name">银行卡（报销人本人的借记卡）</span><input type="file"><div class="picked"><span>yhk.png</span></div></li>
      <li><span class="mat-name">身份证（可用户口本本人页、死亡证明代替）</span><input type="file"><div class="picked"></div></li>
      <li><span class="mat-name">发票明细（费用清单）</span><input type="file"><div class="picked"></div></li></ul>`;
    expect(readPageModel(document, { page: null }).uploads.map((u) => [u.label, u.kind, u.files])).toEqual([
      ['银行卡（报销人本人的借记卡）', 'bank-card', ['yhk.png']],
      ['身份证（可用户口本本人页、死亡证明代替）', 'id-card', []],
      ['发票明细（费用清单）', 'invoice-detail', []],
    ]);
  });

  it('a file named for what it is counts in a slot whose notes say it takes it', () => {
    document.body.innerHTML = `
      <div class="upload-item"><h4>银行卡</h4><input type="file"><ul><li>a.jpg</li></ul></div>
      <div class="upload-item"><h4>医保卡</h4><input type="file"><ul><li>b.jpg</li></ul></div>
      <div class="upload-item"><h4>户口本（或身份证）</h4><input type="file"><ul><li>身份证正面.jpg</li></ul></div>`;
    expect(codes()).toEqual([]);
  });
});

describe('addresses are composed before they are judged', () => {
  it('district in its own select beside the detail input: no address-unverified', () => {
    document.body.innerHTML = `
      <div class="row"><span>邮寄地址</span>
        <select name="qx"><option value="">请选择区</option><option value="310117">松江区</option><option value="310112">闵行区</option></select>
        <input name="xx" placeholder="街道、门牌号" value="泗通路225弄3号">
      </div>`;
    (document.querySelector('select') as HTMLSelectElement).value = '310117';
    const model = readPageModel(document, { page: null });
    expect(model.addresses.map((a) => [a.group, a.text])).toEqual([['mailing', '松江区泗通路225弄3号']]);
    expect(codes()).toEqual([]);
    (document.querySelector('select') as HTMLSelectElement).value = '310112';
    expect(codes()).toEqual(['address-outside-songjiang']);
  });

  it('province / city / district selects + detail, labelled by a shared row', () => {
    document.body.innerHTML = `
      <div class="form-item"><label>通讯地址</label>
        <select aria-label="省"><option value="">省</option><option selected>上海市</option></select>
        <select aria-label="市"><option value="">市</option><option selected>市辖区</option></select>
        <select aria-label="区"><option value="">区</option><option selected>松江区</option></select>
        <input aria-label="详细地址" value="泗泾镇安庆居委会旁5号">
      </div>`;
    document.querySelectorAll('option[selected]').forEach((o) => ((o.parentElement as HTMLSelectElement).value = (o as HTMLOptionElement).value));
    const model = readPageModel(document, { page: null });
    expect(model.addresses[0]?.text).toBe('上海市松江区泗泾镇安庆居委会旁5号');
    expect(codes()).toEqual([]);
  });

  it('an explicit 上海市松江区 outranks a community name that is a city elsewhere (泗泾镇 … 安庆)', () => {
    expect(classifyAddress('上海市松江区泗泾镇安庆居委会5号').verdict).toBe('inside');
    expect(classifyAddress('上海市松江区泗泾镇长春园8号').verdict).toBe('inside');
    // another district named in full still decides; so does a city named before the district
    expect(classifyAddress('上海市松江区泗泾镇闵行区1号').verdict).toBe('outside');
    expect(classifyAddress('安庆市松江区1号').verdict).toBe('outside');
    // without the explicit district the city name still counts
    expect(classifyAddress('安庆居委会5号').verdict).toBe('outside');
  });
});

describe('read-back: what a person sees', () => {
  it('a searchable select showing the label of its stored code is filled (not the hidden code)', () => {
    document.body.innerHTML = `<div class="el-form-item is-required"><label class="el-form-item__label">开户银行</label>
      <div class="el-select el-select--filterable"><div class="el-select__wrapper"><div class="el-select__selection">
        <div class="el-select__selected-item el-select__input-wrapper"><input class="el-select__input" value=""></div>
        <div class="el-select__selected-item el-select__placeholder"><span>中国工商银行</span></div></div>
        <input style="display:none" value="ICBC-102"></div></div></div>`;
    const el = document.querySelector('.el-select') as HTMLElement;
    expect(readValue('custom-select', el, Array.from(el.querySelectorAll('input')))).toBe('中国工商银行');
    const [bank] = readFields(document);
    expect(bank?.meaning).toBe('claimant.bankName');
    expect(bank?.field.value).toBe('中国工商银行');
    expect(pageStatus(readPageModel(document, { page: null })).starred).toEqual({ filled: ['开户银行'], missing: [] });
  });

  it('a skinned radio whose skin shows the choice is read as chosen', () => {
    document.body.innerHTML = `<div class="form-item"><label>办理方式</label><div role="radiogroup">
      <label class="radio"><input type="radio" name="m" value="1">本人办理</label>
      <label class="radio is-checked"><input type="radio" name="m" value="2">委托他人办理</label></div></div>`;
    expect(readPageModel(document, { page: null }).mode).toBe('delegated');
  });

  it('是否委托 answered 否 is 本人办理; 是否本人办理 answered 是 too', () => {
    document.body.innerHTML = `<div class="form-item"><label>是否委托他人办理</label><select><option value="">请选择</option><option value="1">是</option><option value="0">否</option></select></div>`;
    (document.querySelector('select') as HTMLSelectElement).value = '0';
    expect(readPageModel(document, { page: null }).mode).toBe('self');
    document.body.innerHTML = `<div class="form-item"><label>是否本人办理</label><select><option value="">请选择</option><option value="1">是</option><option value="0">否</option></select></div>`;
    (document.querySelector('select') as HTMLSelectElement).value = '1';
    expect(readPageModel(document, { page: null }).mode).toBe('self');
  });
});

describe('one vocabulary for fields, tables and slots', () => {
  it('就诊类型 / 医疗类别 / 费用类型 / 门诊/住院 mean the same column everywhere', () => {
    for (const h of ['就诊类型', '医疗类别', '费用类型', '门诊/住院']) expect(columnMeaning(h)).toBe('invoice.visitType');
    expect(columnMeaning('患者姓名')).toBe('invoice.payerName');
    expect(columnMeaning('交款人')).toBe('invoice.payerName');
    expect(columnMeaning('险种')).toBe('invoice.insuranceType');
    expect(columnMeaning('操作')).toBeNull();
  });

  it('an inpatient row under 医疗类别 needs the 出院小结 (the column a second reader did not know)', () => {
    document.body.innerHTML = `
      <table><thead><tr><th>收据号码</th><th>医疗类别</th><th>交款人</th></tr></thead>
        <tbody><tr><td>00123456</td><td>住院</td><td>张三</td></tr></tbody></table>
      <div class="upload-item"><h4>银行卡</h4><input type="file"><ul><li>a.jpg</li></ul></div>
      <div class="upload-item"><h4>社保卡</h4><input type="file"><ul><li>b.jpg</li></ul></div>
      <div class="upload-item"><h4>身份证</h4><input type="file"><ul><li>c.jpg</li></ul></div>
      <div class="upload-item"><h4>出院小结</h4><input type="file"><ul></ul></div>`;
    expect(codes({ claimantName: '张三' })).toEqual(['missing-discharge-summary']);
    expect(codes({ claimantName: '李四' })).toEqual(['missing-discharge-summary', 'payer-name-mismatch']);
  });

  it('a person column of an invoice table is the payer, not a field to fill with the claimant; an empty select cell is empty', () => {
    document.body.innerHTML = `<table class="form"><tr><td>姓名</td><td><input name="n" value="王秀英"></td></tr><tr><td colspan="2">
      <table><thead><tr><th>票据号码</th><th>门诊/住院</th><th>患者姓名</th></tr></thead><tbody>
        <tr><td><input value="0055667788"></td><td><select><option value=""></option><option selected>门诊</option><option>住院</option></select></td><td><input value="赵六"></td></tr>
        <tr><td><input></td><td><select><option value=""></option><option>门诊</option><option>住院</option></select></td><td><input></td></tr></tbody></table></td></tr></table>`;
    document.querySelectorAll('option[selected]').forEach((o) => ((o.parentElement as HTMLSelectElement).value = (o as HTMLOptionElement).value || (o as HTMLOptionElement).text));
    const model = readPageModel(document, { page: null });
    expect(model.fields.filter((f) => f.meaning === 'claimant.name').map((f) => f.field.value)).toEqual(['王秀英']);
    expect(model.fields.filter((f) => f.meaning === 'invoice.payerName')).toHaveLength(2);
    expect(model.invoiceTables[0]!.rows.map((r) => r.values)).toEqual([{ 'invoice.number': '0055667788', 'invoice.visitType': '门诊', 'invoice.payerName': '赵六' }]);
  });

  it('file names and slot labels are read with the same words', () => {
    expect(documentKind('发票明细-1.jpg')).toBe('invoice-detail');
    expect(documentKind('委托人身份证.png')).toBe('agent-id');
    expect(documentKind('IMG_0001.JPG')).toBeNull();
  });
});

describe('rows the page will accept', () => {
  it('the table columns say what a row needs while the dialog is not in the page yet', () => {
    document.body.innerHTML = `<table><thead><tr><th>序号</th><th>票据代码</th><th>票据号码</th><th>医疗机构名称</th><th>金额(元)</th><th>操作</th></tr></thead><tbody></tbody></table>`;
    expect(readPageModel(document, { page: null }).rowRequirements).toEqual({ source: 'columns', meanings: ['invoice.code', 'invoice.number', 'invoice.hospital', 'invoice.amount'] });
  });
  it('and the row dialog’s starred fields, when the dialog is in the page (even closed)', () => {
    document.body.innerHTML = `<table><thead><tr><th>票据号码</th></tr></thead></table>
      <div role="dialog" style="display:none">
        <div class="form-group"><label class="required">票据号码</label><input></div>
        <div class="form-group"><label><span class="red">*</span>医疗机构</label><input></div>
        <div class="form-group"><label>备注</label><input></div>
        <div class="form-group"><label>金额</label><input></div></div>`;
    expect(readPageModel(document, { page: null }).rowRequirements).toEqual({ source: 'dialog+columns', meanings: ['invoice.number', 'invoice.hospital'] });
    expect(readRowRequirements(document)).toEqual(readPageModel(document, { page: null }).rowRequirements);
  });
});

describe('the summary is plain data', () => {
  it('carries evidence (star rule, label source, widget hints, meaning and score) but no elements and no values', () => {
    document.body.innerHTML = `<form><div class="el-form-item is-required"><label class="el-form-item__label">报销人姓名</label><div class="el-input"><input value="王秀英"></div></div>
      <div class="form-group"><label for="p">手机号码<span class="star">*</span></label><input id="p" value="13912345678"></div>
      <div class="upload-item"><h4>银行卡</h4><input type="file"><ul><li>卡.jpg</li></ul></div></form>`;
    const s = summarise(readPageModel(document, { page: null }));
    const json = JSON.stringify(s);
    expect(JSON.parse(json)).toEqual(s);
    expect(json).not.toContain('王秀英');
    expect(json).not.toContain('13912345678');
    expect(json).not.toContain('卡.jpg');
    expect(s.fields[0]).toMatchObject({ id: 'f0', label: '报销人姓名', labelSource: 'form-item', starred: true, starRule: 'required-class', kind: 'text', meaning: 'claimant.name', score: 1, filled: true });
    expect(s.fields[1]).toMatchObject({ label: '手机号码*', starRule: 'label-star', meaning: 'claimant.phone' });
    expect(s.uploads).toEqual([{ label: '银行卡', kind: 'bank-card', accepts: [], starred: false, starRule: null, files: 1, visible: true }]);
  });
});
