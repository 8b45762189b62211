/**
 * Issue 15, the engine around the page model: choices that reveal fields are waited for on the DOM and filled
 * in the same run (any family: here a layui-shaped form whose 委托 rows come after a request), the read-back
 * needs the skin and the hidden control, and the page's own message is found in every family's form item.
 * The layui behaviour is emulated by a few listeners written here (no layui script in happy-dom).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { runAutofill } from '@/utils/autofill';
import type { FillContext } from '@/utils/autofill/context';
import { CLAIMANT, AGENT } from './fixtures/autofill/people';

const self: FillContext = { claimant: CLAIMANT, agent: null, item: 'employee', claimantInsurance: 'employee' };
const delegated: FillContext = { claimant: CLAIMANT, agent: AGENT, item: 'employee', claimantInsurance: 'employee' };
const HIDE = 'style="display:none"';
const item = (label: string, name: string) =>
  `<div class="layui-form-item"><label class="layui-form-label"><i class="req">*</i>${label}</label><div class="layui-input-block"><input type="text" name="${name}" class="layui-input"></div></div>`;
const val = (name: string) => (document.querySelector(`[name="${name}"]`) as HTMLInputElement).value;

/** layui's radio skins: a click on a skin checks its radio, marks the skin, and tells the page (form.on('radio')). */
function skinRadios(onChange: (value: string) => void): void {
  const skins = Array.from(document.querySelectorAll('.layui-form-radio'));
  for (const skin of skins) {
    skin.addEventListener('click', () => {
      const radio = skin.previousElementSibling as HTMLInputElement;
      radio.checked = true;
      for (const s of skins) s.classList.toggle('layui-form-radioed', s === skin);
      onChange(radio.value);
    });
  }
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('choices that reveal fields', () => {
  const FORM = `<form class="layui-form">
    <div class="layui-form-item"><label class="layui-form-label"><i class="req">*</i>申请方式</label><div class="layui-input-block">
      <input type="radio" name="lb" value="1" title="本人申请" ${HIDE}><div class="layui-unselect layui-form-radio"><div>本人申请</div></div>
      <input type="radio" name="lb" value="2" title="委托代办" ${HIDE}><div class="layui-unselect layui-form-radio"><div>委托代办</div></div></div></div>
    ${item('参保人姓名', 'cbr')}
    <div id="dl"></div>
    ${item('联系电话', 'dh')}
  </form>`;

  it('after 委托 the rows the page inserts LATER (after a request) are waited for on the DOM and filled in the same run', async () => {
    document.body.innerHTML = FORM;
    const box = document.getElementById('dl')!;
    skinRadios((v) => {
      // the page asks its server first, then draws the 代理人 rows (a request, not Vue's next tick)
      setTimeout(() => {
        box.innerHTML = v === '2' ? `<fieldset><legend>代理人信息</legend></fieldset>${item('代理人姓名', 'dlr')}${item('代理人身份证号', 'dlrsfz')}` : '';
      }, 80);
    });
    const report = await runAutofill(document, delegated);
    expect((document.querySelector('input[value="2"]') as HTMLInputElement).checked).toBe(true);
    expect(val('dlr')).toBe(AGENT.name);
    expect(val('dlrsfz')).toBe(AGENT.idNumber);
    expect(val('cbr')).toBe(CLAIMANT.name);
    // 联系电话 after the inserted block is the claimant's, not the 代理人's
    expect(val('dh')).toBe(CLAIMANT.phone);
    expect(report.rejected).toEqual([]);
    expect(report.summary.needManual).toBe(0);
    expect(report.filled.map((f) => f.meaning)).toEqual(expect.arrayContaining(['mode', 'agent.name', 'agent.idNumber']));
  });

  it('本人: nothing to wait for, the 委托 rows stay away and nothing is asked for by hand', async () => {
    document.body.innerHTML = FORM;
    skinRadios(() => undefined);
    const t0 = performance.now();
    const report = await runAutofill(document, self, { timeoutMs: 5000 });
    expect(performance.now() - t0).toBeLessThan(4000); // not the reveal wait's bound: 本人 reveals nothing to wait for
    expect(document.querySelector('[name="dlr"]')).toBeNull();
    expect(report.summary.needManual).toBe(0);
    expect(report.filled.find((f) => f.meaning === 'mode')?.value).toBe('本人申请');
  });
});

describe('read-back and the page’s own message', () => {
  it('a layui select whose page undoes the hidden <select> after the click is not filled (the title alone shows it)', async () => {
    document.body.innerHTML = `<form class="layui-form"><div class="layui-form-item"><label class="layui-form-label">*开户银行</label><div class="layui-input-block">
      <select name="yh" lay-search ${HIDE}><option value="">请选择或输入搜索</option><option value="1">交通银行</option><option value="2">中国工商银行</option></select><div class="layui-unselect layui-form-select"><div class="layui-select-title"><input type="text" placeholder="请选择或输入搜索" class="layui-input"></div><dl><dd lay-value="" class="layui-select-tips">请选择或输入搜索</dd><dd lay-value="1">交通银行</dd><dd lay-value="2">中国工商银行</dd></dl></div></div></div></form>`;
    const skin = document.querySelector('.layui-form-select')!;
    const select = document.querySelector('select') as HTMLSelectElement;
    const title = skin.querySelector('input') as HTMLInputElement;
    skin.querySelector('.layui-select-title')!.addEventListener('click', () => skin.classList.toggle('layui-form-selected'));
    for (const dd of Array.from(skin.querySelectorAll('dd'))) {
      dd.addEventListener('click', () => {
        select.value = dd.getAttribute('lay-value')!;
        title.value = dd.textContent!;
        skin.classList.remove('layui-form-selected');
        // a page script resets what the form submits right after (what a person sees stays)
        setTimeout(() => (select.value = ''), 0);
      });
    }
    const report = await runAutofill(document, self);
    expect(title.value).toBe('中国工商银行');
    expect(select.value).toBe('');
    expect(report.filled.map((f) => f.meaning)).not.toContain('claimant.bankName');
    expect(report.rejected.map((r) => r.meaning)).toEqual(['claimant.bankName']);
    expect(report.summary.manual.map((m) => m.label.replace(/\*/g, ''))).toEqual(['开户银行']);
  });

  it('the page’s message inside a layui form item is the reason', async () => {
    document.body.innerHTML = `<form class="layui-form">${item('手机号码', 'sj').replace('</div></div>', '</div><div class="layui-form-mid layui-font-red"></div></div>')}</form>`;
    const input = document.querySelector('[name="sj"]') as HTMLInputElement;
    input.addEventListener('blur', () => (document.querySelector('.layui-font-red')!.textContent = '请输入正确的手机号'));
    const report = await runAutofill(document, self);
    expect(report.rejected[0]?.reason).toBe('页面提示：请输入正确的手机号');
  });
});
