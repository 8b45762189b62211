// The CLI keeps its shape (`npm run --silent ocr -- --json <files…>`) with the new column: the fields the
// review would show marked ⚠ 请核对.
import { describe, expect, it } from 'vitest';
import { fieldsToCheck, parseArgs, toJson, toTable } from '../../cli/ocr-format';
import { emptyFields, FIELD_NAMES, fieldRecord, type InvoiceResult } from '@/utils/invoice/types';

function result(): InvoiceResult {
  const fields = { ...emptyFields(), invoiceNumber: '0012345678', hospital: '学第一附属医院', totalAmount: '350.50', fundPaid: '200.00' };
  return {
    file: 'a.jpg',
    fields,
    confidence: fieldRecord((f) => ({ invoiceNumber: 0.97, hospital: 0.8, totalAmount: 0.95, fundPaid: 0.9 })[f as string] ?? 0),
    source: fieldRecord((f) => (fields[f] === null ? null : 'ocr')),
    boxes: fieldRecord(() => []),
    warnings: [{ code: 'invoiceWarnSumMismatch', message: '各项支付之和…', fields: ['fundPaid'] }],
    ms: 1234,
  };
}

describe('CLI output', () => {
  it('JSON: every field in the engine order, confidence, source, and the fields to check', () => {
    const o = toJson(result());
    expect(Object.keys(o).slice(0, 1 + FIELD_NAMES.length)).toEqual(['file', ...FIELD_NAMES]);
    expect(o.check).toEqual(['hospital', 'fundPaid']); // under 0.85, or named by a warning
    expect(fieldsToCheck(result())).toEqual(['hospital', 'fundPaid']);
    expect(o).toMatchObject({ invoiceNumber: '0012345678', ms: 1234, confidence: { invoiceNumber: 0.97 }, source: { invoiceNumber: 'ocr' } });
  });

  it('the table marks the fields to check', () => {
    const t = toTable([result()]);
    expect(t).toMatch(/hospital\s+学第一附属医院\s+0\.80\s+ocr\s+⚠ 请核对/);
    expect(t).not.toMatch(/invoiceNumber.*⚠/);
  });

  it('arguments keep their shape', () => {
    expect(parseArgs(['--json', 'a.jpg', 'b.pdf'])).toMatchObject({ json: true, files: ['a.jpg', 'b.pdf'] });
    expect(typeof parseArgs([])).toBe('string');
  });
});
