import { describe, it, expect, beforeEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAutofill, fillInvoiceDialog, clearOutlines } from '@/utils/autofill';
import type { FillContext } from '@/utils/autofill/context';
import { CLAIMANT, AGENT } from './fixtures/autofill/people';

const FIX = join(import.meta.dirname, 'fixtures/autofill');
const load = (name: string) => {
  document.body.innerHTML = readFileSync(join(FIX, name), 'utf8');
};
const val = (name: string) => (document.querySelector(`[name="${name}"]`) as HTMLInputElement).value;

const self: FillContext = { claimant: CLAIMANT, agent: null, item: 'employee', claimantInsurance: 'employee' };
const delegated: FillContext = { claimant: CLAIMANT, agent: AGENT, item: 'employee', claimantInsurance: 'employee' };

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('runAutofill on native markups (happy-dom)', () => {
  it('Bootstrap form, 委托人办理: values, events, traps, user text kept, nothing submitted', async () => {
    load('bootstrap.html');
    const events: string[] = [];
    const name = document.querySelector('[name="bxrxm"]')!;
    for (const t of ['focus', 'input', 'change', 'blur']) name.addEventListener(t, () => events.push(t));
    let submitted = false;
    document.querySelector('form')!.addEventListener('submit', (e) => {
      submitted = true;
      e.preventDefault();
    });
    const report = await runAutofill(document, delegated);
    expect(val('bxrxm')).toBe('王秀英');
    expect(val('bxrsfz')).toBe('310227194803150026');
    expect(val('wtrxm')).toBe('李建国');
    expect(val('wtrsfz')).toBe('31011219750601001X');
    expect((document.querySelector('[name="blfs"][value="1"]') as HTMLInputElement).checked).toBe(true);
    expect((document.querySelector('[name="szq"]') as HTMLSelectElement).value).toBe('310117');
    expect(val('xxdz')).toBe('泗泾镇泗通路225弄3号101室');
    expect((document.querySelector('[name="khyh"]') as HTMLSelectElement).value).toBe('01');
    expect(val('yhzh')).toBe('6222021001001234567');
    // user-typed phone kept, traps empty
    expect(val('lxdh')).toBe('13900000000');
    expect(val('dwdh')).toBe('');
    expect(val('yzm')).toBe('');
    expect(submitted).toBe(false);
    expect(events).toEqual(expect.arrayContaining(['focus', 'input', 'change', 'blur']));
    expect(events.indexOf('input')).toBeLessThan(events.indexOf('change'));
    expect(report.rejected).toEqual([]);
    expect(report.kept.map((k) => k.label)).toContain('联系电话');
    expect(report.summary.needManual).toBe(0);
    expect(report.summary.filled).toBe(report.filled.length);
    expect(report.summary.text).toMatch(/^已填写 \d+ 项/);
  });

  it('本人办理 leaves the optional 委托人 fields empty', async () => {
    load('bootstrap.html');
    const report = await runAutofill(document, self);
    expect(val('wtrxm')).toBe('');
    expect((document.querySelector('[name="blfs"][value="0"]') as HTMLInputElement).checked).toBe(true);
    expect(report.skipped.find((s) => s.label === '委托人姓名')?.message).toBe('本人办理，无需填写委托人信息');
  });

  it('overwrite replaces user text when asked', async () => {
    load('bootstrap.html');
    await runAutofill(document, { ...self, overwrite: true });
    expect(val('lxdh')).toBe('13800001111');
  });

  it('table layout: sections decide whose 姓名; the emergency contact stays empty', async () => {
    load('table.html');
    const report = await runAutofill(document, delegated);
    expect([val('a1'), val('a2'), val('a3'), val('b1'), val('b2')]).toEqual(['王秀英', '310227194803150026', '13800001111', '李建国', '31011219750601001X']);
    expect([val('c1'), val('c2'), val('a4')]).toEqual(['', '', '']);
    expect((document.querySelector('[name="d1"]') as HTMLTextAreaElement).value).toBe(CLAIMANT.mailingAddress);
    expect(report.summary.needManual).toBe(0);
  });

  it('plain form: summary names the starred fields left empty and why; outlines are removable', async () => {
    load('plain.html');
    const report = await runAutofill(document, { ...self, claimant: { ...CLAIMANT, phone: '' } });
    expect(val('n')).toBe('王秀英');
    expect(val('keyword')).toBe('');
    expect(val('pwd')).toBe('');
    expect((document.querySelector('[name="agree"]') as HTMLInputElement).checked).toBe(false);
    expect(report.summary.needManual).toBe(1);
    expect(report.summary.text).toContain('1 项需要您手动填写');
    expect(report.summary.text).toContain('「联系电话」：资料里没有这一项');
    const outlined = document.querySelectorAll('.zwdt-autofilled');
    expect(outlined.length).toBe(report.filled.length);
    expect(clearOutlines(document)).toBe(report.filled.length);
    expect(document.querySelectorAll('.zwdt-autofilled').length).toBe(0);
    expect((document.querySelector('[name="n"]') as HTMLElement).style.outline).toBe('');
  });

  it('reports a field whose page rewrites the value', async () => {
    document.body.innerHTML = '<label for="x">报销人姓名</label><input id="x" name="x">';
    const x = document.getElementById('x') as HTMLInputElement;
    x.addEventListener('input', () => {
      x.value = x.value.slice(0, 1);
    });
    const report = await runAutofill(document, self);
    expect(report.rejected.map((r) => r.label)).toEqual(['报销人姓名']);
    expect(report.filled).toEqual([]);
  });

  it('reports the page validation message as a rejection', async () => {
    document.body.innerHTML =
      '<div class="form-group"><label class="control-label">手机号码</label><input name="m"><span class="help-block with-errors"></span></div>';
    const m = document.querySelector('[name="m"]') as HTMLInputElement;
    m.addEventListener('blur', () => {
      document.querySelector('.help-block')!.textContent = '手机号码格式不正确';
    });
    const report = await runAutofill(document, self);
    expect(report.rejected[0]?.reason).toBe('页面提示：手机号码格式不正确');
  });

  it('a yes/no checkbox question 是否委托他人办理 is answered; a consent box is never ticked', async () => {
    document.body.innerHTML =
      '<label for="d">是否委托他人办理</label><input type="checkbox" id="d"><label for="n">报销人姓名</label><input id="n"><label><input type="checkbox" id="ok"> 我已阅读并同意《告知书》</label>';
    const r = await runAutofill(document, delegated);
    expect((document.getElementById('d') as HTMLInputElement).checked).toBe(true);
    expect((document.getElementById('ok') as HTMLInputElement).checked).toBe(false);
    expect(r.filled.map((f) => f.meaning)).toEqual(['mode', 'claimant.name']);
    await runAutofill(document, self);
    expect((document.getElementById('d') as HTMLInputElement).checked).toBe(false);
  });

  it('taught mappings are applied', async () => {
    document.body.innerHTML = '<label for="q">乘车人</label><input id="q" name="q">';
    await runAutofill(document, self, { mappings: [{ label: '乘车人', meaning: 'claimant.name' }] });
    expect(val('q')).toBe('王秀英');
  });
});

describe('fillInvoiceDialog (native dialog)', () => {
  it('fills a row dialog and ignores profile fields', async () => {
    document.body.innerHTML = `<div class="dialog">
      <div class="form-group"><label for="c">票据代码</label><input id="c" name="c"></div>
      <div class="form-group"><label for="n">票据号码</label><input id="n" name="n"></div>
      <div class="form-group"><label for="d">开票日期</label><input id="d" name="d" type="date"></div>
      <div class="form-group"><label for="v">就诊类型</label><select id="v" name="v"><option value="">请选择</option><option value="1">门诊</option><option value="2">急诊</option><option value="3">住院</option></select></div>
      <div class="form-group"><label for="h">医疗机构</label><input id="h" name="h"></div>
      <div class="form-group"><label for="a">金额（元）</label><input id="a" name="a"></div>
      <div class="form-group"><label for="p">住院起止日期</label><input id="p" name="p"></div>
      <div class="form-group"><label for="x">姓名</label><input id="x" name="x"></div>
      <button>确定</button></div>`;
    const report = await fillInvoiceDialog(document.querySelector('.dialog')!, {
      invoiceCode: '31001234',
      invoiceNumber: '0012345678',
      issueDate: '2024-03-05',
      visitType: 'inpatient',
      hospital: '上海市第一人民医院',
      totalAmount: '1234.50',
      hospitalizationPeriod: ['2024-02-20', '2024-03-05'],
    });
    expect([val('c'), val('n'), val('d'), val('h'), val('a'), val('p')]).toEqual(['31001234', '0012345678', '2024-03-05', '上海市第一人民医院', '1234.50', '2024-02-20 至 2024-03-05']);
    expect((document.getElementById('v') as HTMLSelectElement).value).toBe('3');
    expect(val('x')).toBe('');
    expect(report.rejected).toEqual([]);
  });
});
