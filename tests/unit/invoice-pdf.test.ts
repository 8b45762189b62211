// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeDeps } from '@/utils/invoice/node';
import { itemsToLines } from '@/utils/invoice/pdf';
import { normalizeRadicals, RADICAL_COUNT } from '@/utils/invoice/radicals';
import { readInvoice } from '@/utils/invoice/read-invoice';
import type { OcrEngine } from '@/utils/invoice/types';

const FIX = join(__dirname, 'fixtures', 'invoice');

/** An engine that must not be used (PDF text is exact; no OCR). */
const noOcr: OcrEngine = {
  name: 'none',
  init: async () => {},
  recognize: async () => {
    throw new Error('OCR must not run for a PDF with a text layer');
  },
  terminate: async () => {},
};

describe('CJK radical code points', () => {
  it('maps Kangxi radicals and the supplement to simplified ideographs (not NFKC traditional forms)', () => {
    expect(normalizeRadicals('⼈⽇⺠⻔⼾')).toBe('人日民门户');
    expect('⼾'.normalize('NFKC')).toBe('戶'); // why a table is needed
    expect(normalizeRadicals('⾦额合计（⼤写）')).toBe('金额合计（大写）');
    expect(normalizeRadicals('⾨⾞⾺⻋⻢⻅')).toBe('门车马车马见');
    expect(normalizeRadicals('abc 123 张三')).toBe('abc 123 张三');
    expect(RADICAL_COUNT).toBeGreaterThan(300);
  });

  it('covers every assigned code point of both blocks', () => {
    for (let cp = 0x2f00; cp <= 0x2fd5; cp++) expect(normalizeRadicals(String.fromCodePoint(cp))).not.toBe(String.fromCodePoint(cp));
  });
});

describe('itemsToLines', () => {
  it('groups items into lines, joins close items into words and keeps page boxes', () => {
    const lines = itemsToLines(
      [
        { text: '票据号码：', x: 400, y: 100, w: 60, h: 12 },
        { text: '票据代码：', x: 50, y: 101, w: 60, h: 12 },
        { text: '31060121', x: 111, y: 101, w: 50, h: 12 },
        { text: '0012345678', x: 461, y: 100, w: 70, h: 12 },
        { text: '交款⼈：张⼾⺠', x: 50, y: 130, w: 90, h: 12 },
      ],
      0,
    );
    expect(lines.map((l) => l.text)).toEqual(['票据代码：31060121 票据号码：0012345678', '交款人：张户民']);
    expect(lines[0]!.words[0]!.bbox).toMatchObject({ x: 50, page: 0 });
  });
});

describe('PDF e-invoice read through readInvoice (Chrome-printed, with radical code points)', () => {
  it('reads every field from the text layer, source pdf, without OCR', async () => {
    const deps = { ...createNodeDeps(), engine: noOcr };
    const bytes = new Uint8Array(readFileSync(join(FIX, 'sh-outpatient-einvoice.pdf')));
    const r = await readInvoice({ name: 'x.pdf', bytes }, deps);
    expect(r.error).toBeUndefined();
    expect(r.fields).toMatchObject({
      invoiceCode: '31060121',
      invoiceNumber: '0012345678',
      checkCode: 'a3f09e',
      issueDate: '2024-03-15',
      payerName: '张户民',
      hospital: '上海市第六人民医院',
      totalAmount: '350.50',
      totalAmountUpper: '叁佰伍拾元伍角整',
      visitType: 'outpatient',
      insuranceType: 'employee',
      insuranceTypeText: '职工基本医疗保险',
      fundPaid: '200.00',
      accountPaid: '100.50',
      cashPaid: '50.00',
      hospitalizationPeriod: null,
    });
    expect(r.source.invoiceNumber).toBe('pdf');
    expect(r.confidence.invoiceNumber).toBeGreaterThan(0.9);
    expect(r.confidence.totalAmount).toBeGreaterThan(0.9);
    expect(r.warnings).toEqual([]);
    expect(r.boxes.invoiceNumber[0]).toMatchObject({ page: 0 });
    expect(r.imageSize?.width).toBeGreaterThan(500);
  });

  it('a broken PDF gets a clear error', async () => {
    const deps = { ...createNodeDeps(), engine: noOcr };
    const r = await readInvoice({ name: 'broken.pdf', bytes: new TextEncoder().encode('%PDF-1.7\n garbage') }, deps);
    expect(r.error?.code).toBe('invoiceErrorPdf');
    expect(r.error?.message).toMatch(/PDF 文件已损坏/);
  });

  it('a PDF without a text layer is refused in Node (no canvas) with a clear message', async () => {
    const deps = { ...createNodeDeps(), engine: noOcr };
    // Minimal valid PDF with one empty page.
    const pdf = `%PDF-1.4
1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj
trailer<</Root 1 0 R>>
%%EOF`;
    const r = await readInvoice({ name: 'scan.pdf', bytes: new TextEncoder().encode(pdf) }, deps);
    expect(r.error?.code).toBe('invoicePdfScannedNeedsBrowser');
  });
});

describe('PDF values the parser is unsure of are shown for checking', () => {
  it('a 医保类型 cut by a line break gets a warning naming the field (the review trusts PDF text otherwise)', async () => {
    const { readInvoice: read } = await import('@/utils/invoice/read-invoice');
    const l = (text: string, y: number) => ({ text, conf: 1, bbox: { x: 40, y, w: 400, h: 12 }, words: [{ text, conf: 1, bbox: { x: 40, y, w: 400, h: 12, page: 0 } }] });
    const pdf = {
      extractText: async () => [{ width: 600, height: 400, lines: [l('票据代码:31060121 票据号码:0012345678', 20), l('校验码:a3f09e 开票日期:2024-03-15', 40), l('合计(小写)350.50', 60), l('医保类型:职工基本', 80)] }],
    };
    const r = await read({ name: 'x.pdf', bytes: new TextEncoder().encode('%PDF-1.7\n') }, { engine: noOcr, decodeImage: async () => { throw new Error('no'); }, pdf });
    // completed to the one known 医保类型 it begins — a guess, so it must be marked
    expect(r.fields.insuranceTypeText).toBe('职工基本医疗保险');
    expect(r.source.insuranceTypeText).toBe('pdf');
    const checked = r.warnings.filter((w) => w.code === 'invoiceWarnCheckValue').map((w) => w.fields![0]);
    expect(checked).toContain('insuranceTypeText');
    // what the text layer states plainly is not
    for (const f of ['invoiceCode', 'invoiceNumber', 'checkCode', 'issueDate', 'totalAmount']) expect(checked).not.toContain(f);
  });
});
