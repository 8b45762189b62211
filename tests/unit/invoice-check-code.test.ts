// 校验码 (six lower-case hex characters on the national e-invoice) read from OCR words: the look-alike letters a
// hex code never holds, a glyph cut in two (one character too many), a reading whose end became an ideograph, and
// how sure each of those is shown (a repaired or disputed code is marked for checking).
import { describe, expect, it } from 'vitest';
import { parseInvoiceText } from '@/utils/invoice/parse';
import { mergeCandidates } from '@/utils/invoice/read-invoice';
import { extractValue, hexLabelled, holdsCode, preferWholeCode } from '@/utils/invoice/values';
import { CHECK_BELOW } from '@/utils/invoice/types';
import { line, lineOf, words } from './fixtures/invoice/ocr-lines';

describe('hexLabelled — a check code where its label promises one', () => {
  it('maps the letters no hex code holds to the digits they look like', () => {
    expect(hexLabelled('a3S0Ze')).toEqual({ value: 'a3502e', shape: 0.9 });
    expect(hexLabelled('9gq0Tb')).toEqual({ value: '99907b', shape: 0.9 });
    expect(hexLabelled('G1O2lb')).toEqual({ value: '61021b', shape: 0.9 });
    // (O/0 and l/I/1, as everywhere a code is read, are no guess)
    expect(hexLabelled('A3F0OE')).toEqual({ value: 'a3f00e', shape: 1 });
  });

  it('makes a code read one character too long whole when a stroke was read twice (1b → 1lb, 1c → 1lc)', () => {
    expect(hexLabelled('1lble82')).toEqual({ value: '1b1e82', shape: 0.5 });
    expect(hexLabelled('785c1lC')).toEqual({ value: '785c1c', shape: 0.5 });
    // (two characters too many, each 1 read as l1)
    expect(hexLabelled('dl1al1a2')).toEqual({ value: 'd1a1a2', shape: 0.5 });
  });

  it('refuses seven characters with no doubled neighbour, or with two different ones (which one is extra?)', () => {
    expect(hexLabelled('10a0bec')).toBeNull();
    expect(hexLabelled('11a22bc')).toBeNull();
    expect(hexLabelled('12345678')).toBeNull();
  });

  it('keeps four or five characters as a partial (redacted) code, in a doubtful shape', () => {
    expect(hexLabelled('809d')).toEqual({ value: '809d', shape: 0.7 });
  });

  it('is what a hex label reads after it', () => {
    expect(extractValue('hex', ': 1lble82')).toMatchObject({ value: '1b1e82', shape: 0.5 });
    expect(extractValue('hex', ':a3f09e')).toMatchObject({ value: 'a3f09e', shape: 1 });
  });
});

describe('a check code cut short and read whole', () => {
  it('holdsCode: six characters holding a shorter reading at its start or end', () => {
    expect(holdsCode('7d0aff', '7d0a')).toBe(true);
    expect(holdsCode('7d0aff', 'd0aff')).toBe(true);
    expect(holdsCode('7d0aff', '7d0b')).toBe(false);
    expect(holdsCode('7d0aff', '7d0aff')).toBe(false);
  });

  it('preferWholeCode: the whole one, believed as the surer of the two but marked for checking', () => {
    const r = preferWholeCode({ value: '7d0a', conf: 0.89 }, { value: '7d0aff', conf: 0.34 });
    expect(r.value).toBe('7d0aff');
    expect(r.conf).toBeLessThan(CHECK_BELOW);
    expect(preferWholeCode({ value: 'a3f09e', conf: 0.9 }, { value: 'a3f08e', conf: 0.6 })).toMatchObject({ value: 'a3f09e', conf: 0.9 });
  });

  it('the parser: a page line whose code ends in an ideograph ("7d0a什") and a crop reading it whole', () => {
    const page = lineOf([...words('校验码：', 40, 100), ...words('7d0a', 150, 100, 0.89), ...words('什', 210, 100, 0.13)]);
    const crop = lineOf([...words('校验码：', 40, 300), ...words('7d0aff', 150, 300, 0.4)]);
    expect(parseInvoiceText([page]).fields.checkCode?.value).toBe('7d0a');
    const both = parseInvoiceText([page, crop]).fields.checkCode!;
    expect(both.value).toBe('7d0aff');
    expect(both.conf).toBeLessThan(CHECK_BELOW);
  });

  it('the merge: a cut reading from one pass gives way to the whole one from another, for checking', () => {
    const s = mergeCandidates([
      { checkCode: { value: '7d0a', conf: 0.6, source: 'ocr', boxes: [], pass: 'page' } },
      { checkCode: { value: '7d0aff', conf: 0.45, source: 'ocr', boxes: [], pass: 'ocr2' } },
    ]);
    expect(s.checkCode?.value).toBe('7d0aff');
    expect(s.checkCode!.conf).toBeLessThan(CHECK_BELOW);
  });
});

describe('a labelled check code with a look-alike letter', () => {
  it('is read as the digit, shown for checking', () => {
    const f = parseInvoiceText([line(100, [40, '校验码：a3S09e'])]).fields;
    expect(f.checkCode?.value).toBe('a3509e');
    expect(f.checkCode!.conf).toBeLessThan(CHECK_BELOW);
  });
});

describe('a labelled check code read one character too long', () => {
  it('is made whole and shown for checking, not left empty', () => {
    const f = parseInvoiceText([line(100, [40, '票据代码'], [300, '票据号码'], [600, '校验码']), line(140, [40, '44060122'], [300, '0020046274'], [600, '1lble82'])]).fields;
    expect(f.checkCode?.value).toBe('1b1e82');
    expect(f.checkCode!.conf).toBeLessThan(CHECK_BELOW);
  });
});

describe('a check code found by its shape (its label unread)', () => {
  it('a whole code read without its label replaces one read cut short under it, never another code', () => {
    const page = [line(40, [300, '医疗收费电子票据']), lineOf([...words('校验码：', 40, 100), ...words('7d0a', 150, 100, 0.89), ...words('什', 210, 100, 0.13)]), line(600, [40, '收款单位（章）：某某医院'])];
    const whole = line(130, [150, '7d0aff']);
    const other = line(130, [150, '3e0aff']);
    expect(parseInvoiceText([...page, whole]).fields.checkCode?.value).toBe('7d0aff');
    expect(parseInvoiceText([...page, other]).fields.checkCode?.value).toBe('7d0a');
  });

  it('seven characters with a stroke read twice are made whole, less sure than six', () => {
    const page = [line(40, [300, '医疗收费电子票据']), line(100, [40, '785c1lC'], [300, '2024年02月11日'], [600, '44060124'], [900, '0038128925']), line(600, [40, '收款单位（章）：某某医院'])];
    const f = parseInvoiceText(page).fields;
    expect(f.checkCode?.value).toBe('785c1c');
    expect(f.checkCode!.conf).toBeLessThan(0.6);
  });
});

describe('a check code the recogniser hardly believed', () => {
  it('is kept under its label in its exact shape (six hex characters are no noise), for checking', () => {
    const f = parseInvoiceText([lineOf([...words('校验码', 40, 100), ...words('d3e23c', 150, 100, 0.07)])]).fields;
    expect(f.checkCode?.value).toBe('d3e23c');
    expect(f.checkCode!.conf).toBeLessThan(CHECK_BELOW);
  });

  it('is dropped when not in that shape (noise in a blank or redacted field)', () => {
    expect(parseInvoiceText([lineOf([...words('校验码', 40, 100), ...words('d3e2', 150, 100, 0.07)])]).fields.checkCode).toBeUndefined();
  });
});
