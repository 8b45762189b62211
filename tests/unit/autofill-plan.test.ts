import { describe, it, expect, beforeEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectFields } from '@/utils/page/fields';
import { matchFields } from '@/utils/page/meaning';
import { planFill, addressDetail, bankCandidates, birthDateOf, genderOf } from '@/utils/autofill/plan';
import type { FillContext } from '@/utils/autofill/context';
import type { FillPlan } from '@/utils/autofill/types';
import { CLAIMANT, AGENT } from './fixtures/autofill/people';

const FIX = join(import.meta.dirname, 'fixtures/autofill');
const load = (name: string) => {
  document.body.innerHTML = readFileSync(join(FIX, name), 'utf8');
};
const planFor = (ctx: FillContext): FillPlan => planFill(matchFields(collectFields(document)), ctx);
const values = (plan: FillPlan) =>
  Object.fromEntries(
    plan.fills.map((f) => [
      `${f.meaning}@${f.field.label}`,
      f.value.type === 'text' ? f.value.text : f.value.type === 'choice' ? f.value.candidates[0] : f.value.type === 'path' ? f.value.levels.map((l) => l.candidates[0]).join('/') : JSON.stringify(f.value),
    ]),
  );

const self: FillContext = { claimant: CLAIMANT, agent: null, item: 'employee', claimantInsurance: 'employee' };
const delegated: FillContext = { claimant: CLAIMANT, agent: AGENT, item: 'employee', claimantInsurance: 'employee' };

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('plan', () => {
  it('本人办理: claimant fields from the claimant; 委托人 fields left alone unless starred (then the claimant: the account holder IS the claimant)', () => {
    load('bootstrap.html');
    const plan = planFor(self);
    const v = values(plan);
    expect(v['mode@办理方式']).toBe('本人办理');
    expect(v['claimant.name@报销人姓名']).toBe('王秀英');
    expect(v['claimant.idNumber@报销人身份证']).toBe('310227194803150026');
    expect(v['agent.name@委托人姓名']).toBeUndefined();
    expect(plan.skips.find((s) => s.field.label === '委托人姓名')?.reason).toBe('not-needed');
    // starred 委托人 fields (table fixture) in 本人办理 get the claimant's values
    load('table.html');
    const t = planFor(self).fills.filter((f) => f.meaning === 'agent.name');
    expect(t.map((f) => (f.value.type === 'text' ? f.value.text : ''))).toEqual(['王秀英']);
  });
  it('委托人办理: 委托人 fields from the account holder, 报销人 fields from the claimant', () => {
    load('bootstrap.html');
    const v = values(planFor(delegated));
    expect(v['mode@办理方式']).toBe('委托人办理');
    expect(v['agent.name@委托人姓名']).toBe('李建国');
    expect(v['agent.idNumber@委托人身份证号']).toBe('31011219750601001X');
    expect(v['claimant.name@报销人姓名']).toBe('王秀英');
    expect(v['claimant.bankAccount@银行账号']).toBe('6222021001001234567');
  });
  it('a 是否委托 question is answered 是 / 否', () => {
    document.body.innerHTML = '<div>是否委托办理 <label><input type="radio" name="x">是</label><label><input type="radio" name="x">否</label></div>';
    expect(values(planFor(delegated))['mode@是否委托办理']).toBe('是');
    expect(values(planFor(self))['mode@是否委托办理']).toBe('否');
  });
  it('split address: 所在区 gets the district the address lies in, 详细地址 the rest', () => {
    load('bootstrap.html');
    const v = values(planFor(self));
    expect(v['address.district@所在区']).toBe('松江区');
    expect(v['address.detail@详细地址']).toBe('泗泾镇泗通路225弄3号101室');
    // no district written: the classifier still knows 九亭 is in 松江区
    const noDistrict = { ...self, claimant: { ...CLAIMANT, mailingAddress: '九亭镇涞亭南路888弄5号' } };
    const w = values(planFor(noDistrict));
    expect(w['address.district@所在区']).toBe('松江区');
    expect(w['address.detail@详细地址']).toBe('九亭镇涞亭南路888弄5号');
  });
  it('a single address field gets the full address; a cascader gets 上海市 / 市辖区? / 松江区 / town?', () => {
    load('plain.html');
    expect(values(planFor(self))['address.full@邮寄地址']).toBe(CLAIMANT.mailingAddress);
    load('element-ui.html');
    const plan = planFor(self);
    const cas = plan.fills.find((f) => f.field.kind === 'cascader')!;
    expect(cas.value).toEqual({
      type: 'path',
      levels: [
        { candidates: ['上海市', '上海'], optional: true },
        { candidates: ['上海市', '市辖区', '上海', '市区'], optional: true },
        { candidates: ['松江区', '松江'] },
        { candidates: ['泗泾镇'], optional: true },
      ],
    });
  });
  it('warns plainly on an insurance mismatch and still fills', () => {
    load('bootstrap.html');
    const plan = planFor({ ...self, item: 'resident', claimantInsurance: 'employee' });
    expect(plan.warnings.join()).toContain('职工医保');
    expect(plan.warnings.join()).toContain('居民医保');
    expect(plan.fills.length).toBeGreaterThan(5);
    expect(planFor(self).warnings).toEqual([]);
  });
  it('warns when the address is outside Songjiang', () => {
    load('bootstrap.html');
    const plan = planFor({ ...self, claimant: { ...CLAIMANT, mailingAddress: '上海市闵行区七宝镇七莘路100号' } });
    expect(plan.warnings.join()).toContain('闵行区');
  });
  it('overwrite false keeps what the user typed; overwrite true replaces it', () => {
    load('bootstrap.html');
    expect(values(planFor(self))['claimant.phone@联系电话']).toBeUndefined();
    expect(planFor(self).skips.find((s) => s.field.label === '联系电话')?.reason).toBe('kept');
    expect(values(planFor({ ...self, overwrite: true }))['claimant.phone@联系电话']).toBe('13800001111');
  });
  it('traps and unknown labels are never planned', () => {
    load('element-ui.html');
    const plan = planFor({ ...self, overwrite: true });
    const labels = plan.fills.map((f) => f.field.label);
    expect(labels).not.toContain('紧急联系人电话');
    expect(labels).not.toContain('验证码');
    expect(labels).not.toContain('搜索事项');
    expect(plan.fills.some((f) => f.meaning.startsWith('invoice.'))).toBe(false);
  });
  it('orders 办理方式 first, districts before details', () => {
    load('bootstrap.html');
    const order = planFor(delegated).fills.map((f) => f.meaning);
    expect(order[0]).toBe('mode');
    expect(order.indexOf('address.district')).toBeLessThan(order.indexOf('address.detail'));
  });
});

describe('plan helpers', () => {
  it('addressDetail strips 上海市 / the district', () => {
    expect(addressDetail('上海市松江区泗泾镇泗通路225弄', '松江区')).toBe('泗泾镇泗通路225弄');
    expect(addressDetail('上海松江区中山街道1号', '松江区')).toBe('中山街道1号');
    expect(addressDetail('九亭镇涞亭南路888弄', '松江区')).toBe('九亭镇涞亭南路888弄');
  });
  it('bank candidates include the canonical and short names', () => {
    expect(bankCandidates('中国工商银行上海松江支行')).toEqual(expect.arrayContaining(['中国工商银行', '工商银行', '工行']));
    expect(bankCandidates('农商银行')).toContain('上海农村商业银行');
  });
  it('gender and birth date from an 18-digit ID', () => {
    expect(birthDateOf('310227194803150026')).toBe('1948-03-15');
    expect(genderOf('310227194803150026')).toBe('female');
    expect(genderOf('31011219750601001X')).toBe('male');
    expect(genderOf('123')).toBeNull();
  });
});
