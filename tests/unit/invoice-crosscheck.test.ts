import { describe, expect, it } from 'vitest';
import { crossCheck, type FieldState, type FieldStates } from '@/utils/invoice/crosscheck';
import { amountToUpper, normalizeAmount, normalizeDate, upperToAmount } from '@/utils/invoice/shapes';

const ocr = <T>(value: T, conf = 0.8, alts?: T[]): FieldState<T> => ({ value, conf, source: 'ocr', boxes: [], ...(alts ? { alts } : {}) });

describe('shapes', () => {
  it('decodes upper-case money numerals (nzh) and refuses OCR garbage', () => {
    expect(upperToAmount('贰拾柒万陆仟零贰拾元零陆角陆分')).toBe('276020.66');
    expect(upperToAmount('贰拾柒万陆仟零贰拾元陆角陆分')).toBe('276020.66');
    expect(upperToAmount('人民币叁佰伍拾元伍角整')).toBe('350.50');
    expect(upperToAmount('壹佰元整')).toBe('100.00');
    expect(upperToAmount('壹万零伍元')).toBe('10005.00');
    expect(upperToAmount('式拾荣万陆件入起失元党陆胃陆分')).toBeNull();
    expect(upperToAmount('趟拾绿万陆任稚趟拾元党陆角陆分')).toBeNull();
    expect(amountToUpper('276020.66')).toBe('贰拾柒万陆仟零贰拾元陆角陆分');
  });

  it('normalises amounts and dates', () => {
    expect(normalizeAmount('276,020.66')).toBe('276020.66');
    expect(normalizeAmount('276.020.66')).toBe('276020.66');
    expect(normalizeAmount('8, 353.00')).toBe('8353.00');
    expect(normalizeAmount('0 ,00')).toBe('0.00');
    expect(normalizeAmount('31695, 5')).toBeNull();
    expect(normalizeAmount('12,34.56')).toBeNull();
    expect(normalizeDate('20210414')).toBe('2021-04-14');
    expect(normalizeDate('2021年4月14日')).toBe('2021-04-14');
    expect(normalizeDate('2021-02-29')).toBeNull();
    expect(normalizeDate('2024-02-29')).toBe('2024-02-29');
  });
});

describe('crossCheck', () => {
  it('大写 agreeing with 小写 raises both', () => {
    const fields: FieldStates = { totalAmount: ocr('276020.66', 0.6), totalAmountUpper: ocr('贰拾柒万陆仟零贰拾元零陆角陆分', 0.5) };
    const w = crossCheck({ fields });
    expect(w).toEqual([]);
    expect(fields.totalAmount!.conf).toBeGreaterThanOrEqual(0.95);
  });

  it('大写/小写 mismatch lowers confidence and warns', () => {
    const fields: FieldStates = { totalAmount: ocr('276020.66', 0.9), totalAmountUpper: ocr('贰拾柒万陆仟零贰拾元零陆角伍分', 0.9) };
    const w = crossCheck({ fields });
    expect(w.map((x) => x.code)).toContain('invoiceWarnUpperMismatch');
    expect(w[0]!.message).toMatch(/大写金额.*276020\.65.*276020\.66/);
    expect(fields.totalAmount!.conf).toBeLessThan(0.9);
    expect(fields.totalAmountUpper!.conf).toBeLessThan(0.9);
  });

  it('an unreadable 大写 only lowers itself', () => {
    const fields: FieldStates = { totalAmount: ocr('276020.66', 0.9), totalAmountUpper: ocr('式拾荣万陆件入起失元党陆胃陆分', 0.6) };
    const w = crossCheck({ fields });
    expect(w.map((x) => x.code)).toEqual(['invoiceWarnUpperUnreadable']);
    expect(fields.totalAmount!.conf).toBe(0.9);
    expect(fields.totalAmountUpper!.conf).toBe(0.3);
  });

  it('a missing 小写 is filled from a well-formed 大写', () => {
    const fields: FieldStates = { totalAmountUpper: ocr('叁佰伍拾元伍角整', 0.8) };
    crossCheck({ fields });
    expect(fields.totalAmount?.value).toBe('350.50');
  });

  it('field shapes: 8-digit code, 10-digit number, 6-hex check code', () => {
    const fields: FieldStates = { invoiceCode: ocr('310602'), invoiceNumber: ocr('10000347'), checkCode: ocr('809d') };
    const w = crossCheck({ fields });
    expect(w.map((x) => x.code).sort()).toEqual(['invoiceWarnCheckCodeShape', 'invoiceWarnCodeShape', 'invoiceWarnNumberShape']);
    expect(fields.invoiceCode!.conf).toBeCloseTo(0.4);
  });

  it('QR values keep confidence 1', () => {
    const fields: FieldStates = { invoiceCode: { value: '3106', conf: 1, source: 'qr', boxes: [] } };
    crossCheck({ fields });
    expect(fields.invoiceCode!.conf).toBe(1);
  });

  it('payments summing to the total raise them', () => {
    const fields: FieldStates = { totalAmount: ocr('276020.66', 0.6), fundPaid: ocr('217609.89', 0.6), accountPaid: ocr('0.00', 0.6), cashPaid: ocr('58410.77', 0.6) };
    expect(crossCheck({ fields, otherPaid: ocr('0.00') })).toEqual([]);
    expect(fields.totalAmount!.conf).toBeGreaterThanOrEqual(0.9);
    expect(fields.cashPaid!.conf).toBeGreaterThanOrEqual(0.85);
  });

  it('repairs a colon read as a digit using the total', () => {
    const fields: FieldStates = { totalAmount: ocr('276020.66'), fundPaid: ocr('2217609.89', 0.8, ['217609.89']), cashPaid: ocr('58410.77') };
    const w = crossCheck({ fields });
    expect(fields.fundPaid!.value).toBe('217609.89');
    expect(w.map((x) => x.code)).toEqual(['invoiceWarnRepaired']);
  });

  it('a sum that matches only after a part took another reading does not confirm the total', () => {
    // ¥170,037.46: the ¥ and the 1 read as one ideograph on both readings of the total, the cash read right once
    // and cut the same way once: the parts were made to agree with the total, not found to.
    const fields: FieldStates = { totalAmount: ocr('70037.46', 0.95), fundPaid: ocr('0.00', 0.9), accountPaid: ocr('0.00', 0.9), cashPaid: ocr('170037.46', 0.86, ['70037.46']) };
    const w = crossCheck({ fields });
    expect(w.map((x) => x.code)).toEqual(['invoiceWarnRepaired']);
    expect(fields.totalAmount!.conf).toBeLessThan(0.85);
    expect(fields.cashPaid!.conf).toBeLessThan(0.85);
  });

  it('a damaged 大写 that agrees with the payments as read and not with the total makes the total their sum', () => {
    // ¥170,037.46 read 70,037.46 (the ¥ and the 1 as one ideograph); the cash read whole; the 大写 read with three
    // characters lost still has 壹拾…万: the sum, not the cash bent to the total.
    const fields: FieldStates = {
      totalAmount: ocr('70037.46', 0.9),
      totalAmountUpper: ocr('壹拾洲万零会拾业元肆角陆分', 0.5),
      fundPaid: ocr('0.00', 0.9),
      accountPaid: ocr('0.00', 0.9),
      cashPaid: ocr('170037.46', 0.93, ['70037.46']),
    };
    const w = crossCheck({ fields });
    expect(fields.totalAmount!.value).toBe('170037.46');
    expect(fields.totalAmount!.conf).toBeLessThan(0.85);
    expect(fields.cashPaid!.value).toBe('170037.46');
    expect(w.map((x) => x.code)).toContain('invoiceWarnTotalDerived');
    expect(w.map((x) => x.code)).not.toContain('invoiceWarnRepaired');
  });

  it('a damaged 大写 that fits the total as well as the sum does not overrule the total', () => {
    // Too little of the 大写 left to tell 1,234.50 from 1,284.50: the parts are bent (or not) as before.
    const fields: FieldStates = {
      totalAmount: ocr('1234.50', 0.9),
      totalAmountUpper: ocr('壹仟贰佰X拾肆元伍角', 0.5),
      fundPaid: ocr('1000.00', 0.9),
      cashPaid: ocr('284.50', 0.9),
    };
    crossCheck({ fields });
    expect(fields.totalAmount!.value).toBe('1234.50');
  });

  it('a total smaller than a payment is replaced by the sum (warned, low confidence)', () => {
    const fields: FieldStates = { totalAmount: ocr('0.66'), fundPaid: ocr('217609.89'), cashPaid: ocr('58410.77'), accountPaid: ocr('0.00') };
    const w = crossCheck({ fields });
    expect(fields.totalAmount!.value).toBe('276020.66');
    expect(fields.totalAmount!.conf).toBe(0.5);
    expect(w.map((x) => x.code)).toContain('invoiceWarnTotalDerived');
  });

  it('a plausible but different total is kept with lower confidence', () => {
    const fields: FieldStates = { totalAmount: ocr('300000.00', 0.9), fundPaid: ocr('217609.89', 0.9), cashPaid: ocr('58410.77', 0.9) };
    const w = crossCheck({ fields });
    expect(fields.totalAmount!.value).toBe('300000.00');
    expect(fields.totalAmount!.conf).toBeLessThan(0.9);
    expect(w.map((x) => x.code)).toEqual(['invoiceWarnSumMismatch']);
  });

  it('dates: future issue date, discharge after the issue date', () => {
    const fields: FieldStates = { issueDate: ocr('2031-01-01', 0.9), hospitalizationPeriod: ocr<[string, string]>(['2030-12-01', '2031-02-01'], 0.9) };
    const w = crossCheck({ fields, today: '2026-11-25' });
    expect(w.map((x) => x.code).sort()).toEqual(['invoiceWarnFutureDate', 'invoiceWarnPeriodVsIssue']);
    expect(fields.issueDate!.conf).toBeLessThan(0.5);
  });

  it('discharge on the issue date is plausible and raises both', () => {
    const fields: FieldStates = { issueDate: ocr('2021-04-14', 0.5), hospitalizationPeriod: ocr<[string, string]>(['2021-03-23', '2021-04-14'], 0.5) };
    expect(crossCheck({ fields, today: '2026-11-25' })).toEqual([]);
    expect(fields.issueDate!.conf).toBe(0.85);
  });
});

describe('a payment nobody could read (under the seal) follows from the total and the others', () => {
  it('fills the one missing payment from a confirmed total, marked for checking with a warning', () => {
    const fields: FieldStates = { totalAmount: ocr('1100.84', 0.9), totalAmountUpper: ocr('壹仟壹佰元零捌角肆分', 0.6), accountPaid: ocr('0.00', 0.9), cashPaid: ocr('554.78', 0.9) };
    const w = crossCheck({ fields, otherPaid: ocr('0.00', 0.9), today: '2026-01-01' });
    expect(fields.fundPaid).toMatchObject({ value: '546.06', conf: 0.7 });
    expect(w.find((x) => x.code === 'invoiceWarnPaymentDerived')).toMatchObject({ fields: ['fundPaid'] });
    expect(w.find((x) => x.code === 'invoiceWarnPaymentDerived')!.message).toContain('546.06');
  });

  it('not from an unsure total, not when two are missing, never negative', () => {
    const unsure: FieldStates = { totalAmount: ocr('1100.84', 0.6), accountPaid: ocr('0.00'), cashPaid: ocr('554.78') };
    crossCheck({ fields: unsure, today: '2026-01-01' });
    expect(unsure.fundPaid).toBeUndefined();
    const two: FieldStates = { totalAmount: ocr('1100.84', 0.95), cashPaid: ocr('554.78') };
    crossCheck({ fields: two, today: '2026-01-01' });
    expect(two.fundPaid).toBeUndefined();
    const neg: FieldStates = { totalAmount: ocr('100.00', 0.95), accountPaid: ocr('80.00'), cashPaid: ocr('54.78') };
    crossCheck({ fields: neg, today: '2026-01-01' });
    expect(neg.fundPaid).toBeUndefined();
  });
});
