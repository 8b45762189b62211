// 交款人 against the 报销人 chosen in the panel (utils/invoice-ui/known-payer.ts): an OCR reading one
// character away from the 报销人's name is taken to be that name and marked, with a note of what was read;
// anything else stays as read (the guard compares names before submission). The store's part: invoice-ui-store.test.ts.
import { describe, expect, it } from 'vitest';
import { itemWithKnownPayer, KNOWN_PAYER_CODE, oneCharAway, withKnownPayer } from '@/utils/invoice-ui/known-payer';
import { editField, isLowConfidence, queuedItem, reviewOrder, setConfirmed, withResult } from '@/utils/invoice-ui/review';
import { emptyFields, fieldRecord, type FieldSource, type InvoiceResult } from '@/utils/invoice/types';

function res(payerName: string | null, source: FieldSource = 'ocr', confidence = 0.92): InvoiceResult {
  const fields = { ...emptyFields(), invoiceCode: '31060122', invoiceNumber: '0091212353', issueDate: '2022-08-20', totalAmount: '10.00', visitType: 'outpatient' as const, payerName };
  return { file: 'a.jpg', fields, confidence: fieldRecord(() => confidence), source: fieldRecord(() => source), boxes: fieldRecord(() => []), warnings: [], ms: 1 };
}

describe('oneCharAway', () => {
  it('one character misread in a name of three or more', () => {
    expect(oneCharAway('薛传月', '薛伟月')).toBe(true);
    expect(oneCharAway('欧阳晓明', '欧阳小明')).toBe(true);
    expect(oneCharAway('薛 传 月', '薛伟月')).toBe(true);
  });
  it('not: two-character names, two characters different, other lengths, the same name', () => {
    expect(oneCharAway('王芳', '王伟')).toBe(false);
    expect(oneCharAway('李传明', '薛伟月')).toBe(false);
    expect(oneCharAway('薛伟', '薛伟月')).toBe(false);
    expect(oneCharAway('薛伟月月', '薛伟月')).toBe(false);
    expect(oneCharAway('薛伟月', '薛伟月')).toBe(false);
  });
});

describe('withKnownPayer', () => {
  it('replaces an OCR reading one character away, marks it and says what was read', () => {
    const r = withKnownPayer(res('薛传月'), '薛伟月');
    expect(r.fields.payerName).toBe('薛伟月');
    const w = r.warnings.find((x) => x.code === KNOWN_PAYER_CODE)!;
    expect(w.fields).toEqual(['payerName']);
    expect(w.message).toContain('薛传月');
    expect(w.message).toContain('薛伟月');
    const item = withResult(queuedItem('a.jpg', 'image'), r);
    expect(item.values.payerName).toBe('薛伟月');
    expect(isLowConfidence(item, 'payerName')).toBe(true);
    expect(reviewOrder(item)[0]).toBe('payerName');
  });
  it('leaves QR and PDF values, other people, a missing payer and no 报销人 alone', () => {
    for (const [r, name] of [
      [res('薛传月', 'qr'), '薛伟月'],
      [res('薛传月', 'pdf'), '薛伟月'],
      [res('王芳'), '王伟'],
      [res('李传明'), '薛伟月'],
      [res(null), '薛伟月'],
      [res('薛传月'), ''],
      [res('薛伟月'), '薛伟月'],
    ] as const) {
      expect(withKnownPayer(r, name)).toBe(r);
    }
  });
});

describe('itemWithKnownPayer', () => {
  it('keeps what the user typed and what they confirmed', () => {
    const done = withResult(queuedItem('a.jpg', 'image'), res('薛传月'));
    const typed = editField(done, 'payerName', '薛传月X');
    expect(itemWithKnownPayer(typed, '薛伟月')).toBe(typed);
    const confirmed = setConfirmed(done, true);
    expect(confirmed.confirmed).toBe(true);
    expect(itemWithKnownPayer(confirmed, '薛伟月')).toBe(confirmed);
    expect(itemWithKnownPayer(done, '薛伟月').values.payerName).toBe('薛伟月');
  });
});
