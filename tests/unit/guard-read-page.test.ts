import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readPage, readUploads, readInvoiceTables, readMode } from '@/utils/guard/read-page';
import { evaluate } from '@/utils/guard/evaluate';
import { addressNotes } from '@/utils/guard/live-address';

const FIX = join(import.meta.dirname, 'fixtures/guard');
const NOW = new Date('2026-11-25T12:00:00Z');

function load(name: string) {
  document.documentElement.innerHTML = readFileSync(join(FIX, name), 'utf8');
  const title = document.querySelector('title')?.textContent;
  if (title) document.title = title;
  // The fixtures are snapshots of live pages: a checked radio keeps its `checked` attribute (a live Element page has
  // the input checked under its is-checked skin; a skin alone is not a choice the page submits — issue 15).
  // happy-dom does not honour <option selected> from parsed markup; a browser does
  document.querySelectorAll<HTMLOptionElement>('option[selected]').forEach((o) => {
    (o.parentElement as HTMLSelectElement).value = o.value;
  });
}

beforeEach(() => {
  document.documentElement.innerHTML = '';
});

describe('read-page: Element UI application (材料上传 step)', () => {
  it('reads the form values of hidden steps, the mode radio and the split address', () => {
    load('element-apply.html');
    const s = readPage(document, { now: NOW });
    expect(s.page).toBe('application');
    expect(s.item).toBe('employee');
    expect(s.mode).toBe('delegated');
    expect(s.claimant).toEqual({ name: '张 建国', idNumber: '310117201503050027' });
    expect(s.address).toBe('上海市闵行区七宝镇七莘路100弄2号');
  });

  it('reads invoice rows from an el-table (header and body in separate tables)', () => {
    load('element-apply.html');
    expect(readInvoiceTables(document).rows).toEqual([
      { code: '31060221', number: '0012345678', visitType: '门诊' },
      { code: '31060221', number: '0012345679', visitType: '住院' },
    ]);
  });

  it('reads upload slots by the 材料名称 column and file names from .el-upload-list__item-name', () => {
    load('element-apply.html');
    expect(readUploads(document)).toEqual([
      { slotLabel: '*银行卡', kind: 'bank-card', accepts: [], files: ['bank.jpg'] },
      { slotLabel: '*社保卡（无社保卡可上传医保卡）', kind: 'insurance-card', accepts: [], files: [] },
      { slotLabel: '*身份证', kind: 'id-card', accepts: [], files: ['户口本本人页.jpg'] },
      { slotLabel: '*被委托人身份证', kind: 'agent-id', accepts: [], files: [] },
      { slotLabel: '*出院小结', kind: 'discharge-summary', accepts: [], files: [] },
      { slotLabel: '发票明细', kind: 'invoice-detail', accepts: [], files: ['明细1.pdf'] },
    ]);
  });

  it('the closed 新增发票 dialog is not read', () => {
    load('element-apply.html');
    const s = readPage(document, { now: NOW });
    expect(s.invoices.map((i) => i.number)).not.toContain('9999999999');
    expect(s.address).not.toContain('不该读到');
  });

  it('end to end on the fixture: the findings a user would see', () => {
    load('element-apply.html');
    const s = readPage(document, {
      now: NOW,
      invoices: [{ number: '0012345678', payerName: '张建国', insuranceType: '职工基本医疗保险' }, { number: '0012345679', payerName: '张建国', insuranceType: null }],
    });
    expect(s.invoices[0]).toMatchObject({ number: '0012345678', payerName: '张建国', insuranceType: '职工基本医疗保险', visitType: '门诊' });
    expect(evaluate(s).map((f) => f.code)).toEqual([
      'address-outside-songjiang',
      'missing-insurance-card',
      'missing-agent-id',
      'missing-discharge-summary',
      'missing-invoice-detail',
    ]);
  });
});

describe('read-page: Bootstrap / jQuery application', () => {
  it('reads labels by for=, control-label order, td-label cells; the region select + detail', () => {
    load('bootstrap-apply.html');
    const s = readPage(document, { now: NOW, history: ['0011111111'] });
    expect(s.item).toBe('resident');
    expect(s.mode).toBe('self');
    expect(s.claimant).toEqual({ name: '王桂兰', idNumber: '310117194805120026' });
    expect(s.address).toBe('松江区涞坊路288弄5号');
    expect(s.invoices).toEqual([
      { code: '31060121', number: '0087654321', visitType: '急诊', payerName: '王 桂兰' },
      { code: '31060121', number: '0087654321', visitType: '门诊', payerName: '王桂兰' },
    ]);
    expect(s.uploads.map((u) => [u.slotLabel.replace(/\s/g, ''), u.files])).toEqual([
      ['*银行卡', ['yhk.png']],
      ['*社保卡（无社保卡可上传医保卡）', ['医保卡.jpg']],
      ['*身份证', []],
      ['被委托人身份证', []],
      ['出院小结', []],
      ['发票明细', []],
    ]);
    expect(evaluate(s).map((f) => f.code)).toEqual(['missing-id-document', 'missing-invoice-detail', 'duplicate-invoice']);
  });

  it('the context says deceased: the finding asks for 死亡证明', () => {
    load('bootstrap-apply.html');
    const f = evaluate(readPage(document, { now: NOW, deceased: true }));
    expect(f.find((x) => x.code === 'missing-id-document')?.message.key).toBe('guardMissingIdDocumentDeceased');
  });
});

describe('read-page: 物流申请', () => {
  it('reads the pick-up address (district select + 详细地址) and judges only it', () => {
    load('logistics.html');
    const s = readPage(document, { now: NOW, claimantName: '张建国' });
    expect(s.page).toBe('logistics');
    expect(s.pickupAddress).toBe('青浦区赵巷镇嘉松中路5号');
    expect(evaluate(s).map((f) => f.code)).toEqual(['address-outside-songjiang']);
  });

  it('the live note sits under the pick-up address (a 取件地址 select whose placeholder says 区, + 详细地址)', () => {
    load('logistics.html');
    const notes = addressNotes(document);
    expect(notes.map((n) => [n.field, n.verdict])).toEqual([['pickup', 'outside']]);
    expect(notes[0]?.anchor.closest('.el-form-item')?.textContent).toContain('详细地址');
  });

  it('the page detector may say so too', () => {
    load('logistics.html');
    expect(readPage(document, { page: 'logistics' }).page).toBe('logistics');
  });
});

describe('read-page: plain markup', () => {
  it('cards with headings and <ul> lists; hidden slots do not count; files named for what they are', () => {
    load('plain-lists.html');
    const s = readPage(document, { now: NOW, deceased: true });
    expect(s.uploads).toEqual([
      { slotLabel: '银行卡', kind: 'bank-card', accepts: [], files: ['IMG_0001.JPG'] },
      { slotLabel: '社保卡', kind: 'insurance-card', accepts: [], files: [] },
      { slotLabel: '身份证', kind: 'id-card', accepts: [], files: [] },
      { slotLabel: '其他材料', kind: null, accepts: [], files: ['死亡证明.pdf', '发票明细-1.jpg'] },
    ]);
    expect(s.item).toBe('employee');
    expect(s.claimant.name).toBe('赵德明');
    expect(s.address).toBe('松江区中山街道中山东路1号');
    expect(evaluate(s).map((f) => f.code)).toEqual(['missing-insurance-card']);
  });

  it('input[type=file].files count as uploaded', () => {
    document.body.innerHTML = '<div class="form-group"><label class="control-label">出院小结</label><input type="file" id="x"></div>';
    const input = document.getElementById('x') as HTMLInputElement;
    const file = new File(['x'], '出院小结.png', { type: 'image/png' });
    Object.defineProperty(input, 'files', { value: [file] });
    expect(readUploads(document)).toEqual([{ slotLabel: '出院小结', kind: 'discharge-summary', accepts: [], files: ['出院小结.png'] }]);
  });

  it('keeps values of steps an SPA dropped (previous state) and falls back to the context', () => {
    document.body.innerHTML = '<div class="el-form-item"><label class="el-form-item__label">银行卡</label><input type="file"></div>';
    const previous = readPage(document, { now: NOW });
    previous.mode = 'delegated';
    previous.invoices = [{ number: '1', visitType: '住院' }];
    const s = readPage(document, { now: NOW, claimantName: '赵德明', delegated: false }, previous);
    expect(s.mode).toBe('delegated');
    expect(s.invoices).toEqual([{ number: '1', visitType: '住院' }]);
    expect(s.claimant.name).toBe('赵德明');
    expect(readMode(document)).toBeNull();
  });
});
