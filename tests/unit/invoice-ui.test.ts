import { describe, expect, it, vi } from 'vitest';
import { emptyFields, fieldRecord, type FieldName, type InvoiceResult, type OcrEngine } from '@/utils/invoice/types';
import {
  canConfirm,
  missingForPage,
  pageRequiredFields,
  commitField,
  duplicateIds,
  editField,
  firstToCheck,
  isLowConfidence,
  normalizeInput,
  parsePeriod,
  progressWords,
  queuedItem,
  reviewOrder,
  rowsToFill,
  setConfirmed,
  sourceOf,
  toClaimInvoices,
  toInvoiceFields,
  toRowValues,
  validateField,
  withResult,
  type ReviewItem,
} from '@/utils/invoice-ui/review';
import { createIdleEngine } from '@/utils/invoice/extension';
import { t } from '@/utils/i18n';

function result(over: Partial<Record<FieldName, unknown>> = {}, conf: Partial<Record<FieldName, number>> = {}, source: Partial<Record<FieldName, 'qr' | 'pdf' | 'ocr'>> = {}): InvoiceResult {
  const fields = {
    ...emptyFields(),
    invoiceCode: '31060122',
    invoiceNumber: '0091212353',
    checkCode: 'f11807',
    issueDate: '2022-08-20',
    hospital: '上海市松江区中心医院',
    totalAmount: '2128.91',
    visitType: 'outpatient',
    insuranceType: 'employee',
    ...over,
  } as InvoiceResult['fields'];
  return {
    file: 'a.png',
    fields,
    confidence: fieldRecord((f) => (fields[f] === null ? 0 : conf[f] ?? 0.95)),
    source: fieldRecord((f) => (fields[f] === null ? null : source[f] ?? 'ocr')),
    boxes: fieldRecord(() => []),
    warnings: [],
    ms: 10,
    imageSize: { width: 1000, height: 600 },
  };
}

const read = (r: InvoiceResult = result(), file = 'a.png'): ReviewItem => withResult(queuedItem(file, 'image'), { ...r, file });

describe('validators', () => {
  it('codes, numbers, check codes', () => {
    expect(validateField('invoiceCode', '31060122')).toBeNull();
    expect(validateField('invoiceCode', '3106012')).toBe('invoiceUiErrCode');
    expect(validateField('invoiceCode', '')).toBeNull();
    expect(validateField('invoiceNumber', '0091212353')).toBeNull();
    expect(validateField('invoiceNumber', '00912123')).toBeNull();
    expect(validateField('invoiceNumber', '009121235')).toBe('invoiceUiErrNumber');
    expect(validateField('invoiceNumber', '')).toBe('invoiceUiErrRequired');
    expect(validateField('checkCode', 'f11807')).toBeNull();
    expect(validateField('checkCode', 'F1180G')).toBe('invoiceUiErrCheckCode');
  });
  it('dates and amounts', () => {
    expect(validateField('issueDate', '2024-02-29')).toBeNull();
    expect(validateField('issueDate', '2023-02-29')).toBe('invoiceUiErrDate');
    expect(validateField('issueDate', '2024/3/1')).toBe('invoiceUiErrDate');
    expect(normalizeInput('issueDate', '2024年3月1日')).toBe('2024-03-01');
    expect(validateField('totalAmount', '123.45')).toBeNull();
    expect(validateField('totalAmount', '123.4')).toBe('invoiceUiErrAmount');
    expect(validateField('totalAmount', '-1.00')).toBe('invoiceUiErrAmount');
    expect(normalizeInput('totalAmount', '1,234.50')).toBe('1234.50');
    expect(validateField('fundPaid', '')).toBeNull();
  });
  it('visit type, hospital stay', () => {
    expect(validateField('visitType', 'inpatient')).toBeNull();
    expect(validateField('visitType', '住院')).toBe('invoiceUiErrVisitType');
    expect(parsePeriod('2024-01-02 至 2024-01-09')).toEqual(['2024-01-02', '2024-01-09']);
    expect(parsePeriod('2024年1月2日到2024年1月9日')).toEqual(['2024-01-02', '2024-01-09']);
    expect(parsePeriod('2024-01-09 至 2024-01-02')).toBeNull();
    expect(validateField('hospitalizationPeriod', '', { visitType: 'inpatient' })).toBe('invoiceUiErrPeriodRequired');
    expect(validateField('hospitalizationPeriod', '', { visitType: 'outpatient' })).toBeNull();
    expect(validateField('hospitalizationPeriod', '2024-01-02')).toBe('invoiceUiErrPeriod');
  });
  it('every message key exists in the catalog', () => {
    for (const k of ['invoiceUiErrCode', 'invoiceUiErrNumber', 'invoiceUiErrCheckCode', 'invoiceUiErrDate', 'invoiceUiErrAmount', 'invoiceUiErrVisitType', 'invoiceUiErrPeriod', 'invoiceUiErrPeriodRequired', 'invoiceUiErrRequired']) {
      expect(t(k)).not.toBe(k);
    }
  });
});

describe('confirmation and edits', () => {
  it('a clean reading can be confirmed; nothing is confirmed by itself', () => {
    const it0 = read();
    expect(it0.confirmed).toBe(false);
    expect(canConfirm(it0)).toBe(true);
    expect(setConfirmed(it0, true).confirmed).toBe(true);
  });
  it('a value with an error blocks the confirmation until corrected', () => {
    let it0 = read();
    it0 = editField(it0, 'issueDate', '2023-02-30');
    expect(it0.errors.issueDate).toBe('invoiceUiErrDate');
    expect(setConfirmed(it0, true).confirmed).toBe(false);
    it0 = editField(it0, 'issueDate', '2023-02-28');
    expect(it0.errors.issueDate).toBeUndefined();
    expect(setConfirmed(it0, true).confirmed).toBe(true);
  });
  it('an edit withdraws the confirmation and marks the value as typed by the user', () => {
    let it0 = setConfirmed(read(), true);
    it0 = editField(it0, 'hospital', '上海市松江区中心医院门诊部');
    expect(it0.confirmed).toBe(false);
    expect(sourceOf(it0, 'hospital')).toBe('user');
    expect(sourceOf(it0, 'invoiceNumber')).toBe('ocr');
    // typing the read value back is not an edit
    it0 = editField(it0, 'hospital', '上海市松江区中心医院');
    expect(sourceOf(it0, 'hospital')).toBe('ocr');
  });
  it('leaving a field tidies its shape', () => {
    let it0 = editField(read(), 'totalAmount', ' 2,128.91 ');
    it0 = commitField(it0, 'totalAmount');
    expect(it0.values.totalAmount).toBe('2128.91');
    expect(it0.errors.totalAmount).toBeUndefined();
  });
  it('a value the page requires (医疗机构名称 in its row dialog / table) must be there before confirming', () => {
    const required = pageRequiredFields(['invoice.code', 'invoice.number', 'invoice.hospital', 'invoice.amount', 'invoice.period']);
    expect(required).toEqual(['invoiceCode', 'invoiceNumber', 'hospital', 'totalAmount']);
    let it0 = editField(read(), 'hospital', '');
    expect(it0.errors.hospital).toBeUndefined(); // the engine's own rules do not require it
    expect(canConfirm(it0)).toBe(true);
    expect(missingForPage(it0, required)).toEqual(['hospital']);
    expect(canConfirm(it0, required)).toBe(false);
    it0 = setConfirmed(it0, true);
    expect(rowsToFill([it0], [], required)).toEqual([]); // not sent to the page, which would refuse it
    it0 = editField(it0, 'hospital', '上海市松江区中心医院');
    expect(canConfirm(it0, required)).toBe(true);
    expect(rowsToFill([setConfirmed(it0, true)], [], required)).toHaveLength(1);
  });
  it('an unreadable file cannot be confirmed', () => {
    const bad = withResult(queuedItem('x.txt', 'other'), { ...result(), fields: emptyFields(), error: { code: 'invoiceErrorUnsupported', message: '无法识别这种文件' } });
    expect(bad.status).toBe('error');
    expect(bad.error).toMatch(/无法识别/);
    expect(setConfirmed(bad, true).confirmed).toBe(false);
  });
});

describe('low confidence first', () => {
  it('QR and PDF values are exact; weak OCR values are marked and ordered lowest first', () => {
    const r = result({}, { hospital: 0.5, totalAmount: 0.7, issueDate: 0.6 }, { invoiceNumber: 'qr', issueDate: 'qr' });
    r.confidence.issueDate = 1;
    const it0 = read(r);
    expect(isLowConfidence(it0, 'invoiceNumber')).toBe(false);
    expect(isLowConfidence(it0, 'issueDate')).toBe(false);
    expect(isLowConfidence(it0, 'hospital')).toBe(true);
    const order = reviewOrder(it0);
    expect(order.slice(0, 2)).toEqual(['hospital', 'totalAmount']);
    expect(firstToCheck(it0)).toBe('hospital');
  });
  it('validator errors come before low confidence; a cross-check warning marks its fields', () => {
    const r = result({ invoiceNumber: '00912' }, { hospital: 0.5 });
    r.warnings.push({ code: 'invoiceWarnSumMismatch', message: '…', fields: ['cashPaid'] });
    r.fields.cashPaid = '10.00';
    r.confidence.cashPaid = 0.99;
    const it0 = read(r);
    expect(reviewOrder(it0)[0]).toBe('invoiceNumber');
    expect(isLowConfidence(it0, 'cashPaid')).toBe(true);
    expect(firstToCheck(it0)).toBe('invoiceNumber');
  });
  it('nothing to check → no field is pushed forward', () => {
    const it0 = read(result({}, {}, {}));
    expect(firstToCheck(it0)).toBeNull();
    expect(reviewOrder(it0)[0]).toBe('invoiceCode');
  });
  it('an edited value is no longer marked', () => {
    const it0 = editField(read(result({}, { hospital: 0.3 })), 'hospital', '上海市第六人民医院');
    expect(isLowConfidence(it0, 'hospital')).toBe(false);
  });
});

describe('duplicates by 票据号码', () => {
  const a = setConfirmed(read(), true);
  const b = setConfirmed(read(result({ invoiceNumber: '1111111111' }), 'b.png'), true);
  const aAgain = setConfirmed(read(result(), 'a2.png'), true);
  it('a second invoice with the same number is not filled twice', () => {
    const dup = duplicateIds([a, b, aAgain]);
    expect(dup.get(aAgain.id)).toBe('list');
    expect(dup.has(a.id)).toBe(false);
    expect(rowsToFill([a, b, aAgain]).map((i) => i.id)).toEqual([a.id, b.id]);
  });
  it('rows already on the page are skipped (same code, or the page shows no code)', () => {
    expect(duplicateIds([a, b], [{ number: '0091212353', code: null }]).get(a.id)).toBe('page');
    expect(duplicateIds([a, b], [{ number: '0091212353', code: '31060122' }]).get(a.id)).toBe('page');
    expect(duplicateIds([a, b], [{ number: '0091212353', code: '99999999' }]).has(a.id)).toBe(false);
    expect(rowsToFill([a, b], [{ number: ' 0091212353 ', code: null }]).map((i) => i.id)).toEqual([b.id]);
  });
  it('unconfirmed invoices are never filled', () => {
    expect(rowsToFill([read(), b]).map((i) => i.id)).toEqual([b.id]);
  });
});

describe('what leaves the review', () => {
  it('row values for the dialog; the hospital stay only for 住院', () => {
    let it0 = read(result({ visitType: 'inpatient', hospitalizationPeriod: ['2024-01-02', '2024-01-09'] }));
    expect(toRowValues(it0)).toEqual({
      invoiceCode: '31060122',
      invoiceNumber: '0091212353',
      issueDate: '2022-08-20',
      visitType: 'inpatient',
      hospital: '上海市松江区中心医院',
      totalAmount: '2128.91',
      hospitalizationPeriod: ['2024-01-02', '2024-01-09'],
    });
    it0 = editField(it0, 'visitType', 'outpatient');
    expect(toRowValues(it0).hospitalizationPeriod).toBeNull();
  });
  it('draft fields and the guard context (no amounts, no pictures)', () => {
    const it0 = read();
    expect(toInvoiceFields(it0.values).hospitalizationPeriod).toBeNull();
    expect(toInvoiceFields(it0.values).totalAmount).toBe('2128.91');
    expect(toClaimInvoices([it0, queuedItem('b.png', 'image')])).toEqual([
      { number: '0091212353', code: '31060122', visitType: 'outpatient', insuranceType: 'employee', payerName: null },
    ]);
  });
  it('progress in plain words', () => {
    expect(progressWords(1, 3, t)).toBe('正在识别第 2 张，共 3 张');
  });
});

describe('idle OCR worker', () => {
  function fakeEngine() {
    const e = { started: 0, terminated: 0 };
    const engine: OcrEngine = {
      name: 'fake',
      init: async () => void e.started++,
      recognize: async () => ({ lines: [] }),
      terminate: async () => void e.terminated++,
    };
    return { e, engine };
  }
  it('terminates after the idle time, not while working; restarts on the next use', async () => {
    vi.useFakeTimers();
    try {
      const { e, engine } = fakeEngine();
      const idle = createIdleEngine(engine, 60_000);
      await idle.recognize({ width: 1, height: 1, data: new Uint8ClampedArray(4) });
      expect(idle.running).toBe(true);
      await vi.advanceTimersByTimeAsync(59_000);
      expect(e.terminated).toBe(0);
      await idle.recognize({ width: 1, height: 1, data: new Uint8ClampedArray(4) });
      await vi.advanceTimersByTimeAsync(59_000);
      expect(e.terminated).toBe(0);
      await vi.advanceTimersByTimeAsync(2_000);
      expect(e.terminated).toBe(1);
      expect(idle.running).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
  it('a worker started ahead of the files (warm-up: init alone) is released after the idle time too', async () => {
    vi.useFakeTimers();
    try {
      const { e, engine } = fakeEngine();
      const idle = createIdleEngine(engine, 60_000);
      await idle.init();
      expect(e.started).toBe(1);
      expect(idle.running).toBe(true);
      await vi.advanceTimersByTimeAsync(61_000);
      expect(e.terminated).toBe(1);
      expect(idle.running).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
  it('a job that never settles (its worker was terminated) does not keep the next worker alive', async () => {
    vi.useFakeTimers();
    try {
      const { e, engine } = fakeEngine();
      let hang = true;
      engine.recognize = () => (hang ? new Promise(() => {}) : Promise.resolve({ lines: [] }));
      const idle = createIdleEngine(engine, 1000);
      void idle.recognize({ width: 1, height: 1, data: new Uint8ClampedArray(4) });
      await idle.terminate();
      expect(e.terminated).toBe(1);
      hang = false;
      await idle.recognize({ width: 1, height: 1, data: new Uint8ClampedArray(4) });
      await vi.advanceTimersByTimeAsync(1500);
      expect(e.terminated).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
