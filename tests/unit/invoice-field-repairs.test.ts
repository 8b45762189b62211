// Values the layout cuts or misleads (issue 12, second round): a label misread over a quote mark, a 医保类型
// wrapped onto the next line. Synthetic OCR lines (words with boxes), not generator images.
import { describe, expect, it } from 'vitest';
import { findLabels } from '@/utils/invoice/label-match';
import { parseInvoiceText } from '@/utils/invoice/parse';
import { line } from './fixtures/invoice/ocr-lines';

describe('labels are not read into a value', () => {
  it('a value followed by a quote mark and the next label is not a misread 医疗保险类型', () => {
    const hits = findLabels('医保类型:城镇职工基本医疗保险 ”性别:女');
    expect(hits.map((h) => h.label)).toEqual(['医保类型', '性别']);
    const f = parseInvoiceText([line(100, [40, '就诊号:55120934 ”医保类型:城镇职工基本医疗保险 ”性别:女 ”医疗机构类型:一级医院'])]).fields;
    expect(f.insuranceTypeText?.value).toBe('城镇职工基本医疗保险');
    expect(f.insuranceTypeText!.conf).toBeGreaterThan(0.85);
  });
  it('a label printed with its own closing bracket still matches', () => {
    expect(findLabels('收款单位(章):丽水市中心医院').map((h) => h.label)).toEqual(['收款单位(章)']);
  });
});

describe('a 医保类型 cut by the end of the line', () => {
  // Three columns of "label:value"; the last value reaches the right edge and goes on at the next line's start.
  const page = [
    line(100, [40, '交款人:钱立群'], [500, '门诊号:33018'], [900, '医保类型:城乡居民']),
    line(134, [40, '基本医疗保险 ”性别:男'], [500, '其他支付:0.00'], [900, '个人账户支付:12.00']),
  ];
  it('goes on at the start of the next line when the joined text is a known 医保类型', () => {
    const f = parseInvoiceText(page).fields;
    expect(f.insuranceTypeText?.value).toBe('城乡居民基本医疗保险');
    expect(f.insuranceType?.value).toBe('resident');
  });
  it('does not take the next line when the value ends in the middle of the line', () => {
    const mid = [line(100, [40, '门诊号:33018'], [500, '医保类型:城乡居民'], [1000, '交款人:钱立群']), line(134, [40, '基本医疗保险 ”性别:男'])];
    expect(parseInvoiceText(mid).fields.insuranceTypeText?.value).toBe('城乡居民');
  });
  it('does not join what makes no known 医保类型', () => {
    const other = [line(100, [40, '交款人:钱立群'], [900, '医保类型:城乡居民']), line(134, [40, '附加说明:无'])];
    expect(parseInvoiceText(other).fields.insuranceTypeText?.value).toBe('城乡居民');
  });
});
