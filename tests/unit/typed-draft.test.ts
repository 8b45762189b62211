// Never lose what was typed (issue 10), the page side: the keys a form draft keeps fields under, what it
// captures (and never captures), the offer when the page comes back emptier, and the capture itself —
// debounced saves, nothing saved before something happened, the merge while an offer is open, the move to
// another 报销人, 结束本次服务, the lock, restore through the drivers and discard. On a form written unlike
// both replicas (tests/unit/fixtures/drafts/form.ts), rendered with new ids each time.
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { readFields } from '@/utils/page/model';
import { readInvoiceTables } from '@/utils/page/invoices';
import { captureValues, isCapturable, keyFields, rowsOf } from '@/utils/drafts/form-keys';
import { defaultChoice, mergeForSave, offerOf, sameValue } from '@/utils/drafts/form-offer';
import { fillValueOf, rangeOf, rowValuesOf } from '@/utils/drafts/form-restore';
import { createFormCapture, type FormCapture, type FormDraftStore } from '@/utils/drafts/form-capture';
import { draftIdOf, type DraftKey } from '@/utils/drafts/key';
import type { FormValues } from '@/utils/drafts/form-values';
import type { PageInfo } from '@/utils/detect/page';
import { addRow, formHtml, typeInto, valueOf } from './fixtures/drafts/form';

const read = () => {
  const tables = readInvoiceTables(document);
  const keyed = keyFields(readFields(document, { includeHidden: true, frames: false }, tables));
  return { keyed, values: captureValues(keyed, tables) };
};

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('draft keys and what is captured', () => {
  it('keys a field by meaning + label + occurrence, the same after a new render with new ids and names', () => {
    document.body.innerHTML = formHtml({ delegated: true });
    const first = read().keyed.map((k) => k.key);
    const ids = [...document.querySelectorAll('input')].map((i) => i.id);
    document.body.innerHTML = formHtml({ delegated: true });
    expect([...document.querySelectorAll('input')].map((i) => i.id)).not.toEqual(ids);
    expect(read().keyed.map((k) => k.key)).toEqual(first);
    expect(first).toEqual([
      'mode|办理方式|0',
      'claimant.name|报销人姓名|0',
      'claimant.idNumber|报销人身份证号码|0',
      'claimant.phone|手机号码|0',
      'claimant.bankName|开户银行|0',
      'claimant.bankAccount|银行账号|0',
      'address.full|邮寄地址|0',
      'agent.name|委托人姓名|0',
      'agent.idNumber|委托人身份证号码|0',
    ]);
  });

  it('numbers fields with the same meaning and label by occurrence (rows typed into the table itself)', () => {
    document.body.innerHTML = `<p>零星报销 发票信息</p><table><thead><tr><th>票据号码</th><th>金额</th></tr></thead>
      <tbody><tr><td><input value="0012345678"></td><td><input value="88"></td></tr><tr><td><input value="0099999999"></td><td><input></td></tr></tbody></table>`;
    const { keyed, values } = read();
    expect(keyed.map((k) => k.key)).toEqual(['invoice.number|票据号码|0', 'invoice.amount|金额|0', 'invoice.number|票据号码|1', 'invoice.amount|金额|1']);
    expect(values['invoice.number|票据号码|1']).toBe('0099999999');
  });

  it('keeps values as a person sees them; never traps (紧急联系人, 验证码), passwords, checkboxes, uploads or the row dialog', () => {
    document.body.innerHTML = formHtml({ delegated: true });
    typeInto(document, '报销人姓名', '王秀英');
    typeInto(document, '开户银行', '上海农商银行');
    typeInto(document, '紧急联系人电话', '13911112222');
    typeInto(document, '验证码', 'AB12');
    (document.querySelector('input[type=password]') as HTMLInputElement).value = 'secret-1';
    (document.querySelector('input[type=checkbox]') as HTMLInputElement).checked = true;
    (document.querySelector('.dlg input') as HTMLInputElement).value = '0099999999';
    addRow(document, ['31060126', '0012345678', '2026-09-12', '门诊', '松江区中心医院', '88.00']);
    const { values, keyed } = read();
    expect(values).toEqual({
      'mode|办理方式|0': '委托办理',
      'claimant.name|报销人姓名|0': '王秀英',
      'claimant.bankName|开户银行|0': '上海农商银行', // the option a person reads, not its code b02
      'row|0|invoice.code': '31060126',
      'row|0|invoice.number': '0012345678',
      'row|0|invoice.date': '2026-09-12',
      'row|0|invoice.visitType': '门诊',
      'row|0|invoice.hospital': '松江区中心医院',
      'row|0|invoice.amount': '88.00',
    });
    const text = JSON.stringify(values);
    for (const never of ['13911112222', 'AB12', 'secret-1', '0099999999', 'b02']) expect(text).not.toContain(never);
    expect(keyed.every((k) => isCapturable(k.field))).toBe(true);
    expect(rowsOf(values).get('row|0')).toMatchObject({ 'invoice.number': '0012345678', 'invoice.amount': '88.00' });
  });
});

describe('the offer (pure)', () => {
  const draft: FormValues = {
    'claimant.name|报销人姓名|0': '王秀英',
    'claimant.phone|手机号码|0': '13800138000',
    'address.full|邮寄地址|0': '松江区九亭镇涞亭南路888弄',
    'agent.name|委托人姓名|0': '李建国',
    'row|0|invoice.number': '0012345678',
    'row|0|invoice.code': '31060126',
  };
  const page = [
    { key: 'claimant.name|报销人姓名|0', label: '报销人姓名', value: '', usable: true },
    { key: 'claimant.phone|手机号码|0', label: '手机号码', value: '13912345678', usable: true },
    { key: 'address.full|邮寄地址|0', label: '邮寄地址', value: '松江区 九亭镇涞亭南路888弄', usable: true },
  ];

  it('offers empty fields ticked, other values listed unticked, same values not at all; other steps wait', () => {
    const offer = offerOf(draft, page, { canAdd: false, numbers: [] });
    expect(offer.fields).toEqual([
      { key: 'claimant.name|报销人姓名|0', label: '报销人姓名', draft: '王秀英', page: '' },
      { key: 'claimant.phone|手机号码|0', label: '手机号码', draft: '13800138000', page: '13912345678' },
    ]);
    expect(offer.waiting).toEqual(['agent.name|委托人姓名|0', 'row|0']);
    expect(offer.emptier).toBe(true);
    expect(defaultChoice(offer)).toEqual(['claimant.name|报销人姓名|0']);
  });

  it('is not offered when the page is not emptier (only other values), nor for decided keys', () => {
    const full = page.map((p) => (p.value ? p : { ...p, value: '王小红' }));
    expect(offerOf(draft, full, { canAdd: false, numbers: [] }).emptier).toBe(false);
    expect(offerOf(draft, page, { canAdd: false, numbers: [] }, new Set(['claimant.name|报销人姓名|0'])).emptier).toBe(false);
  });

  it('offers a row where the page can add one and does not show its 票据号码', () => {
    expect(offerOf(draft, page, { canAdd: true, numbers: [] }).rows).toEqual([{ key: 'row|0', label: '0012345678', values: { 'invoice.number': '0012345678', 'invoice.code': '31060126' } }]);
    expect(offerOf(draft, page, { canAdd: true, numbers: ['00123 45678'] }).rows).toEqual([]);
  });

  it('compares values as a person would: spaces and width aside, dates in any format — never long numbers as dates', () => {
    expect(sameValue('2026-09-12', '2026年9月12日')).toBe(true);
    expect(sameValue('ＡＢ 12', 'ab12')).toBe(true);
    expect(sameValue('6222021001122334455', '6222021009999999999')).toBe(false);
  });

  it('keeps the draft under what the page holds while the user has not chosen; rows joined by 票据号码', () => {
    const merged = mergeForSave(draft, { 'claimant.phone|手机号码|0': '13912345678', 'row|0|invoice.number': '0099999999' });
    expect(merged).toEqual({
      'claimant.name|报销人姓名|0': '王秀英',
      'claimant.phone|手机号码|0': '13912345678',
      'address.full|邮寄地址|0': '松江区九亭镇涞亭南路888弄',
      'agent.name|委托人姓名|0': '李建国',
      'row|0|invoice.number': '0099999999',
      'row|1|invoice.number': '0012345678',
      'row|1|invoice.code': '31060126',
    });
    expect(mergeForSave(null, { a: 'b' })).toEqual({ a: 'b' });
  });

  it('turns shown values back into what the drivers take', () => {
    expect(fillValueOf('cascader', '上海市 / 市辖区 / 松江区')).toEqual({ type: 'path', levels: [{ candidates: ['上海市'] }, { candidates: ['市辖区'] }, { candidates: ['松江区'] }] });
    expect(fillValueOf('date', '2026年9月3日')).toEqual({ type: 'date', iso: '2026-09-03' });
    expect(fillValueOf('daterange', '2026-09-01 至 2026-09-10')).toEqual({ type: 'daterange', start: '2026-09-01', end: '2026-09-10' });
    expect(fillValueOf('radio-group', '委托办理')).toEqual({ type: 'choice', candidates: ['委托办理'] });
    expect(fillValueOf('checkbox', 'on')).toBeNull();
    expect(rangeOf('2026/09/01~2026/09/10')).toEqual(['2026-09-01', '2026-09-10']);
    expect(rowValuesOf({ 'invoice.number': '0012 345678', 'invoice.date': '2026年9月12日', 'invoice.visitType': '急诊', 'invoice.amount': '¥1,256.80', 'invoice.period': '2026-09-01 至 2026-09-10' })).toEqual({
      invoiceNumber: '0012345678',
      issueDate: '2026-09-12',
      visitType: 'emergency',
      totalAmount: '1256.80',
      hospitalizationPeriod: ['2026-09-01', '2026-09-10'],
    });
  });
});

/** The background's form drafts, in memory, with a session and a lock like the real service. */
function fakeStore() {
  const drafts = new Map<string, { values: FormValues; updatedAt: string }>();
  let session = 's1';
  const state = { locked: false, saves: [] as Array<{ key: DraftKey; values: FormValues }>, removes: [] as DraftKey[] };
  const store: FormDraftStore = {
    load: async (key) => ({ session, locked: state.locked, values: state.locked ? null : (drafts.get(draftIdOf(key))?.values ?? null), updatedAt: drafts.get(draftIdOf(key))?.updatedAt ?? null }),
    save: async (key, s, values) => {
      if (s !== session) return { saved: false, reason: 'session-ended' };
      if (state.locked) return { saved: false, reason: 'locked' };
      state.saves.push({ key, values });
      if (Object.keys(values).length) drafts.set(draftIdOf(key), { values, updatedAt: '2026-05-01T08:00:00.000Z' });
      else drafts.delete(draftIdOf(key));
      return { saved: true };
    },
    remove: async (key, s) => {
      if (s !== session) return { deleted: false };
      state.removes.push(key);
      return { deleted: drafts.delete(draftIdOf(key)) };
    },
  };
  return { store, drafts, state, endSession: () => ((session = 's2'), drafts.clear()) };
}

const APP: PageInfo = { kind: 'application', item: 'employee', step: 'basic' };
const keyOf = (claimant: string): DraftKey => ({ item: 'employee', claimant, application: '' });

describe('the capture on the page', () => {
  let capture: FormCapture | null = null;
  afterEach(() => {
    capture?.dispose();
    capture = null;
  });
  const start = (store: FormDraftStore) => (capture = createFormCapture({ doc: document, page: () => APP, store, debounceMs: 5, claimantWaitMs: 60_000 }));

  it('saves what is typed (debounced) under item + claimant + application — and nothing before something happened', async () => {
    document.body.innerHTML = formHtml();
    const { store, drafts, state } = fakeStore();
    const c = start(store);
    expect(await c.state('p-mum')).toMatchObject({ state: 'watching', offer: null });
    await c.flush();
    expect(state.saves).toEqual([]); // a page that comes back empty never overwrites its draft
    typeInto(document, '报销人姓名', '王秀英');
    typeInto(document, '验证码', 'AB12');
    await vi.waitFor(() => expect(drafts.get(draftIdOf(keyOf('p-mum')))?.values).toEqual({ 'mode|办理方式|0': '本人办理', 'claimant.name|报销人姓名|0': '王秀英' }));
    expect((await c.state('p-mum')).state).toBe('saved');
  });

  it('offers the kept draft when the page comes back emptier, restores the choice through the drivers, reports what was refused', async () => {
    const { store, drafts, state } = fakeStore();
    drafts.set(draftIdOf(keyOf('p-mum')), {
      updatedAt: '2026-05-01T08:00:00.000Z',
      values: {
        'mode|办理方式|0': '委托办理',
        'claimant.name|报销人姓名|0': '王秀英',
        'claimant.phone|手机号码|0': '13800138000',
        'claimant.bankName|开户银行|0': '浦发银行', // no such option on the page now
        'agent.name|委托人姓名|0': '李建国', // shown only after 委托办理
      },
    });
    document.body.innerHTML = formHtml();
    // the page shows the 委托人 part when 委托办理 is chosen (a new render, new ids)
    const reveal = (e: Event) => {
      const t = e.target as HTMLInputElement;
      if (t.type === 'radio' && t.checked && t.parentElement!.textContent!.includes('委托办理') && !document.querySelector('.wt')) {
        document.querySelector('form')!.insertAdjacentHTML('beforeend', formHtml({ delegated: true }).match(/<fieldset class="wt">[\s\S]*?<\/fieldset>/)![0]);
      }
    };
    document.addEventListener('change', reveal);
    onTestFinished(() => document.removeEventListener('change', reveal));
    typeInto(document, '手机号码', '13912345678'); // the user typed something else since
    const c = start(store);
    const { offer } = await c.state('p-mum');
    expect(offer?.fields.map((f) => [f.label, f.draft, f.page])).toEqual([
      ['办理方式', '委托办理', '本人办理'],
      ['报销人姓名', '王秀英', ''],
      ['手机号码', '13800138000', '13912345678'],
      ['开户银行', '浦发银行', ''],
    ]);
    expect(valueOf(document, '报销人姓名')).toBe(''); // nothing put in before the user chooses
    const keys = offer!.fields.filter((f) => f.label !== '手机号码').map((f) => f.key);
    const report = await c.restore(keys);
    expect(valueOf(document, '报销人姓名')).toBe('王秀英');
    expect(valueOf(document, '委托人姓名')).toBe('李建国'); // shown by the restored choice, filled where empty
    expect(valueOf(document, '手机号码')).toBe('13912345678'); // not chosen: what the page held stays
    expect(report.restored).toEqual(expect.arrayContaining(['办理方式', '报销人姓名', '委托人姓名']));
    expect(report.refused.map((r) => r.label)).toEqual(['开户银行']);
    expect(report.waiting).toBe(0);
    expect((await c.state('p-mum')).offer).toBeNull(); // decided: not offered twice
    // and what the page holds now is kept (the declined value is not)
    await vi.waitFor(() => expect(state.saves.length).toBeGreaterThan(0));
    expect(drafts.get(draftIdOf(keyOf('p-mum')))?.values).toEqual({
      'mode|办理方式|0': '委托办理',
      'claimant.name|报销人姓名|0': '王秀英',
      'claimant.phone|手机号码|0': '13912345678',
      'agent.name|委托人姓名|0': '李建国',
    });
  });

  it('while the offer is open, a save keeps the draft under what is typed; discard forgets it', async () => {
    const { store, drafts, state } = fakeStore();
    const id = draftIdOf(keyOf('p-mum'));
    drafts.set(id, { updatedAt: 'x', values: { 'claimant.name|报销人姓名|0': '王秀英', 'address.full|邮寄地址|0': '九亭镇' } });
    document.body.innerHTML = formHtml();
    const c = start(store);
    expect((await c.state('p-mum')).offer).not.toBeNull();
    typeInto(document, '手机号码', '13800138000');
    await vi.waitFor(() => expect(drafts.get(id)?.values).toEqual({ 'claimant.name|报销人姓名|0': '王秀英', 'address.full|邮寄地址|0': '九亭镇', 'mode|办理方式|0': '本人办理', 'claimant.phone|手机号码|0': '13800138000' }));
    expect(await c.discard()).toEqual({ ok: true });
    expect(state.removes).toEqual([keyOf('p-mum')]);
    await vi.waitFor(() => expect(drafts.get(id)?.values).toEqual({ 'mode|办理方式|0': '本人办理', 'claimant.phone|手机号码|0': '13800138000' }));
    expect((await c.state('p-mum')).offer).toBeNull();
  });

  it('moves what this page typed when another 报销人 is chosen', async () => {
    const { store, drafts } = fakeStore();
    document.body.innerHTML = formHtml();
    const c = start(store);
    await c.state('p-me');
    typeInto(document, '报销人姓名', '王秀英');
    await vi.waitFor(() => expect(drafts.has(draftIdOf(keyOf('p-me')))).toBe(true));
    await c.state('p-mum');
    await vi.waitFor(() => expect(drafts.get(draftIdOf(keyOf('p-mum')))?.values['claimant.name|报销人姓名|0']).toBe('王秀英'));
    expect(drafts.has(draftIdOf(keyOf('p-me')))).toBe(false);
  });

  it('keys with the application number the page shows', async () => {
    const { store, drafts } = fakeStore();
    document.body.innerHTML = `<p>申请编号：SQ2026091700012</p>${formHtml()}`;
    const c = start(store);
    await c.state('p-mum');
    typeInto(document, '报销人姓名', '王秀英');
    await vi.waitFor(() => expect([...drafts.keys()]).toEqual([draftIdOf({ item: 'employee', claimant: 'p-mum', application: 'SQ2026091700012' })]));
  });

  it('while locked nothing is kept (the panel says so); once opened, what waited is kept', async () => {
    const { store, drafts, state } = fakeStore();
    state.locked = true;
    document.body.innerHTML = formHtml();
    const c = start(store);
    await c.state('p-mum');
    typeInto(document, '报销人姓名', '王秀英');
    await vi.waitFor(async () => expect((await c.state('p-mum')).state).toBe('locked'));
    expect(drafts.size).toBe(0);
    state.locked = false;
    await c.state('p-mum');
    await vi.waitFor(() => expect(drafts.get(draftIdOf(keyOf('p-mum')))?.values['claimant.name|报销人姓名|0']).toBe('王秀英'));
  });

  it('结束本次服务: the offer goes and nothing more is kept from this page', async () => {
    const { store, drafts, state, endSession } = fakeStore();
    drafts.set(draftIdOf(keyOf('p-mum')), { updatedAt: 'x', values: { 'claimant.name|报销人姓名|0': '王秀英' } });
    document.body.innerHTML = formHtml();
    const c = start(store);
    expect((await c.state('p-mum')).offer).not.toBeNull();
    endSession();
    c.sessionEnded();
    expect(await c.state('p-mum')).toEqual({ state: 'ended', savedAt: null, offer: null });
    typeInto(document, '报销人姓名', '王秀英');
    await c.flush();
    expect(state.saves).toEqual([]);
    expect(drafts.size).toBe(0);
  });

  it('nothing is saved once the page says the submission succeeded (the confirmation ends the draft)', async () => {
    const { store, state } = fakeStore();
    document.body.innerHTML = formHtml();
    const c = start(store);
    await c.state('p-mum');
    typeInto(document, '报销人姓名', '王秀英');
    document.body.insertAdjacentHTML('afterbegin', '<h1>提交成功</h1>');
    await c.flush();
    expect(state.saves).toEqual([]);
  });
});
