// @vitest-environment node
// Slow (real tesseract.js in Node, two passes): the real redacted sample must yield its visible values.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeDeps } from '@/utils/invoice/node';
import { readInvoice } from '@/utils/invoice/read-invoice';

const FIX = join(__dirname, 'fixtures', 'invoice');

describe('real tesseract.js on the real Shanghai inpatient sample', () => {
  const deps = createNodeDeps();
  afterAll(() => deps.dispose());

  it('reads 票据号码, 校验码, 开票日期 and 金额合计', { timeout: 90_000 }, async () => {
    const bytes = new Uint8Array(readFileSync(join(FIX, 'sh-inpatient-einvoice-2021.jpg')));
    const r = await readInvoice({ name: 'sh-inpatient-einvoice-2021.jpg', bytes }, deps);
    expect(r.error).toBeUndefined();
    expect(r.fields.invoiceNumber).toBe('10000347');
    expect(r.fields.checkCode).toBe('809d');
    expect(r.fields.issueDate).toBe('2021-04-14');
    expect(r.fields.totalAmount).toBe('276020.66');
    // Also visible on the sample:
    expect(r.fields.invoiceCode).toBe('310602');
    expect(r.fields.visitType).toBe('inpatient');
    expect(r.fields.hospitalizationPeriod).toEqual(['2021-03-23', '2021-04-14']);
    expect(r.fields.fundPaid).toBe('217609.89');
    expect(r.fields.cashPaid).toBe('58410.77');
    for (const f of ['invoiceNumber', 'checkCode', 'issueDate', 'totalAmount'] as const) {
      expect(r.source[f]).toBe('ocr');
      expect(r.boxes[f].length).toBeGreaterThan(0);
    }
    // Redacted: 6-digit code, 8-digit number, 4-char check code → shape warnings lower their confidence.
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['invoiceWarnNumberShape', 'invoiceWarnCheckCodeShape']));
    expect(r.imageSize).toEqual({ width: 1190, height: 1682 });
  });
});
