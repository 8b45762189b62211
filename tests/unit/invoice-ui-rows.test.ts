// The page side of "填入发票信息" (utils/autofill/invoice-rows.ts behind entrypoints/portal.content/invoice-handlers.ts) on a plain markup (happy-dom):
// 新增 → dialog → fill → 确定 → row; duplicates skipped; a refused row reported; a joined 住院 period split.
import { beforeEach, describe, expect, it } from 'vitest';
import { addInvoiceRow } from '@/utils/autofill/invoice-rows';
import { fillInvoiceDialog } from '@/utils/autofill';
import { invoiceRowHandlers } from '@/entrypoints/portal.content/invoice-rows';
import { claimFeature } from '@/entrypoints/portal.content/claim';
import { createClaim } from '@/utils/content/claim';
import { createHub } from '@/utils/content/hub';
import type { PortalContext } from '@/entrypoints/portal.content/context';

const PAGE = `
  <h3>发票信息</h3>
  <button type="button" id="add">新增</button>
  <button type="button" id="submit">提交</button>
  <table id="tb"><thead><tr><th>序号</th><th>票据代码</th><th>票据号码</th><th>金额</th></tr></thead><tbody></tbody></table>
  <div role="dialog" id="dlg" style="display:none"><h4>新增发票</h4>
    <div class="form-group"><label for="c">票据代码</label><input id="c"></div>
    <div class="form-group"><label for="n">票据号码</label><input id="n"></div>
    <div class="form-group"><label for="d">开票日期</label><input id="d" placeholder="yyyy-mm-dd"></div>
    <div class="form-group"><label for="v">就诊类型</label><select id="v"><option value="">请选择</option><option value="11">门诊</option><option value="12">急诊</option><option value="21">住院</option></select></div>
    <div class="form-group"><label for="h">医疗机构名称</label><input id="h"></div>
    <div class="form-group"><label for="a">金额（元）</label><input id="a"></div>
    <span class="help-block" id="err" style="display:none">金额格式不正确</span>
    <button type="button" id="ok">确定</button><button type="button" id="cancel">取消</button>
  </div>`;

let submitted = 0;
function mount() {
  document.body.innerHTML = PAGE;
  submitted = 0;
  const $ = (id: string) => document.getElementById(id) as HTMLInputElement;
  const dlg = $('dlg');
  $('add').addEventListener('click', () => {
    for (const id of ['c', 'n', 'd', 'h', 'a']) $(id).value = '';
    ($('v') as unknown as HTMLSelectElement).value = '';
    $('err').style.display = 'none';
    dlg.style.display = 'block';
  });
  $('cancel').addEventListener('click', () => (dlg.style.display = 'none'));
  $('submit').addEventListener('click', () => submitted++);
  $('ok').addEventListener('click', () => {
    if (!/^\d+\.\d{2}$/.test($('a').value)) {
      $('err').style.display = 'block';
      return;
    }
    const tr = document.createElement('tr');
    for (const v of [String(document.querySelectorAll('#tb tbody tr').length + 1), $('c').value, $('n').value, $('a').value]) {
      const td = document.createElement('td');
      td.textContent = v;
      tr.append(td);
    }
    document.querySelector('#tb tbody')!.append(tr);
    dlg.style.display = 'none';
  });
}

const ROW = { invoiceCode: '31060122', invoiceNumber: '0091212353', issueDate: '2022-08-20', visitType: 'outpatient' as const, hospital: '上海市松江区中心医院', totalAmount: '2128.91' };

beforeEach(mount);

describe('addInvoiceRow', () => {
  it('clicks 新增, fills the dialog through the autofill drivers, confirms, and sees the row', async () => {
    const out = await addInvoiceRow(document, 'a', ROW);
    expect(out.status).toBe('added');
    const cells = Array.from(document.querySelectorAll('#tb tbody tr td')).map((td) => td.textContent);
    expect(cells).toEqual(['1', '31060122', '0091212353', '2128.91']);
    expect(submitted).toBe(0);
  });
  it('does not add the same 票据号码 twice', async () => {
    await addInvoiceRow(document, 'a', ROW);
    const again = await addInvoiceRow(document, 'b', ROW);
    expect(again.status).toBe('duplicate');
    expect(document.querySelectorAll('#tb tbody tr')).toHaveLength(1);
  });
  it('reports a row the page refused, with the message of the page, and closes its dialog', async () => {
    const out = await addInvoiceRow(document, 'c', { ...ROW, totalAmount: '12' });
    expect(out.status).toBe('failed');
    expect(out.message).toMatch(/金额格式不正确/);
    expect((document.getElementById('dlg') as HTMLElement).style.display).toBe('none');
    expect(document.querySelectorAll('#tb tbody tr')).toHaveLength(0);
  }, 15_000);
  it('says so when the page has no 新增', async () => {
    document.getElementById('add')!.remove();
    expect((await addInvoiceRow(document, 'd', ROW)).status).toBe('failed');
  });
});

describe('a 住院 period in two plain inputs under one label', () => {
  it('gets the start in the first (入院) and the end in the second (出院)', async () => {
    document.body.innerHTML = `<div id="d" role="dialog"><div class="form-group"><label class="control-label">住院日期</label>
      <div><input id="s" type="text" placeholder="入院 yyyy-mm-dd"></div><div><input id="e" type="text" placeholder="出院 yyyy-mm-dd"></div></div></div>`;
    await fillInvoiceDialog(document.getElementById('d')!, { hospitalizationPeriod: ['2023-10-28', '2023-11-27'] }, { outline: false });
    expect((document.getElementById('s') as HTMLInputElement).value).toBe('2023-10-28');
    expect((document.getElementById('e') as HTMLInputElement).value).toBe('2023-11-27');
  });
  it('writes the whole period into a single input', async () => {
    document.body.innerHTML = `<div id="d" role="dialog"><div class="form-group"><label for="p">住院起止日期</label><input id="p" type="text"></div></div>`;
    await fillInvoiceDialog(document.getElementById('d')!, { hospitalizationPeriod: ['2023-10-28', '2023-11-27'] }, { outline: false });
    expect((document.getElementById('p') as HTMLInputElement).value).toBe('2023-10-28 至 2023-11-27');
  });
});

describe('claim context for the guard', () => {
  it('keeps the recognised invoices when the people chooser replaces the context', async () => {
    const ctx: PortalContext = { doc: document, page: () => null, claim: createClaim(), hub: createHub(), alive: () => true, url: (p) => p };
    const stop = new AbortController();
    ctx.hub.listenAt('token', stop.signal);
    claimFeature.start(ctx, stop.signal);
    const send = (type: string, payload: unknown) => ctx.hub.listener({ type, payload, to: 'token' }, {});
    expect(await send('panel/invoice-claim', { invoices: [{ number: '0044480629', code: '31060223', visitType: 'inpatient', insuranceType: 'resident', payerName: '王秀英' }] })).toEqual({ ok: true, data: { ok: true } });
    expect(ctx.claim.forGuard()?.invoices).toHaveLength(1);
    // PeopleChooser sends its context with an empty invoice list.
    await send('panel/set-claim-context', { claimantName: '王秀英', delegated: true, invoices: [] });
    expect(ctx.claim.forGuard()?.claimantName).toBe('王秀英');
    expect(ctx.claim.forGuard()?.invoices[0]?.visitType).toBe('inpatient');
    // A new list replaces the old one.
    await send('panel/invoice-claim', { invoices: [] });
    expect(ctx.claim.forGuard()?.invoices).toEqual([]);
    expect(ctx.claim.forGuard()?.claimantName).toBe('王秀英');
    // a frame without the panel's token stays silent; a stopped feature answers nothing
    expect(ctx.hub.listener({ type: 'panel/invoice-claim', payload: { invoices: [] }, to: 'other' }, {})).toBeUndefined();
    stop.abort();
    expect(ctx.hub.listener({ type: 'panel/invoice-claim', payload: { invoices: [] }, to: 'token' }, {})).toBeUndefined();
  });
  it('lists the rows on the page and what a new row needs (from the page model)', async () => {
    const list = invoiceRowHandlers(document).find((h) => h.type === 'panel/invoice-rows')!;
    const res = (await list.run({}, { fromExtensionPage: false })) as { rows: unknown[]; canAdd: boolean; required: string[] };
    expect(res.canAdd).toBe(true);
    expect(res.required).toEqual(['invoice.code', 'invoice.number', 'invoice.amount']);
  });
});
