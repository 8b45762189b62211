// Misses on clean renders traced to how readings are chosen (not to the recogniser): a hospital's name read cut
// in one reading and whole in another.
import { describe, expect, it } from 'vitest';
import { holdsName, preferWholeName } from '@/utils/invoice/hospital-names';
import { parseInvoiceText } from '@/utils/invoice/parse';
import { mergeCandidates } from '@/utils/invoice/read-invoice';
import { line, withConf } from './fixtures/invoice/ocr-lines';

describe('a hospital name read cut and whole', () => {
  it('holdsName: more than the cut reading, all of it', () => {
    expect(holdsName('武汉大学人民医院', '学人民医院')).toBe(true);
    expect(holdsName('浙江大学医学院附属第一医院', '浙江大学医学院')).toBe(true);
    expect(holdsName('武汉大学人民医院', '武汉大学人民医院')).toBe(false);
    expect(holdsName('武汉市第一医院', '学人民医院')).toBe(false);
  });
  it('preferWholeName: the whole reading when believed nearly as much, else the surer one', () => {
    const cut = { value: '医学院附属协和医院', conf: 0.78 };
    expect(preferWholeName(cut, { value: '华中科技大学同济医学院附属协和医院', conf: 0.74 }).value).toBe('华中科技大学同济医学院附属协和医院');
    expect(preferWholeName({ value: '华中科技大学同济医学院附属协和医院', conf: 0.74 }, cut).value).toBe('华中科技大学同济医学院附属协和医院');
    // junk before a name, hardly believed, does not win
    expect(preferWholeName(cut, { value: '二车医学院附属协和医院', conf: 0.4 }).value).toBe('医学院附属协和医院');
    expect(preferWholeName({ value: '武汉市第一医院', conf: 0.7 }, { value: '武汉市第二医院', conf: 0.8 }).value).toBe('武汉市第二医院');
  });
  it('in one parse: the page cut the name under the seal, a crop of the row read it whole (the cut reading surer)', () => {
    const page = line(600, [40, '医疗机构（盖章）：'], [330, '学人民医院'], [700, '收款员：391991']);
    const crop = withConf(line(601, [40, '医疗机构（盖章）：武汉大学人民医院']), '汉', 0.85);
    const f = parseInvoiceText([page, crop]).fields;
    expect(f.hospital?.value).toBe('武汉大学人民医院');
    expect(parseInvoiceText([crop, page]).fields.hospital?.value).toBe('武汉大学人民医院');
  });
  it('across passes: the whole reading is kept; a cut one surer by far is not replaced', () => {
    const c = (value: string, conf: number, pass: string, read: number) => ({ value, conf, source: 'ocr' as const, boxes: [], pass, read });
    const m = mergeCandidates([{ hospital: c('医学院附属协和医院', 0.78, 'ocr1', 1) }, { hospital: c('华中科技大学同济医学院附属协和医院', 0.75, 'ocr2', 12) }]);
    expect(m.hospital?.value).toBe('华中科技大学同济医学院附属协和医院');
    const n = mergeCandidates([{ hospital: c('医学院附属协和医院', 0.95, 'ocr1', 1) }, { hospital: c('华中科技大学同济医学院附属协和医院', 0.5, 'ocr2', 12) }]);
    expect(n.hospital?.value).toBe('医学院附属协和医院');
  });
});
