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

describe('visit type: a title or the 票据代码 against what is printed', () => {
  it('a title read "…急诊收费票据" (门急诊 with its 门 misread) does not override the type printed under its label', () => {
    const ls = [
      line(40, [400, '四川省医疗问急诊收费票据（电子）']),
      line(120, [40, '患者姓名'], [140, '|'], [160, '孔瑞'], [500, '开票日期'], [620, '|'], [640, '2024-06-16'], [1000, '就诊类别'], [1110, '|'], [1130, '普通门诊']),
      line(400, [40, '收款单位（章）：成都市第三人民医院']),
    ];
    const v = parseInvoiceText(ls).fields.visitType;
    expect(v?.value).toBe('outpatient');
    expect(v!.conf).toBeLessThan(0.85);
  });
  it('an outpatient type inferred from the code gives way to a 急诊 another reading found printed (for checking)', () => {
    const c = (value: string, conf: number, pass: string, read: number, via: 'code' | 'shape' | 'title') => ({ value, conf, source: 'ocr' as const, boxes: [], pass, read, via });
    const m = mergeCandidates([{ visitType: c('outpatient', 0.75, 'ocr1', 1, 'code') }, { visitType: c('emergency', 0.63, 'missed', 4, 'shape') }]);
    expect(m.visitType?.value).toBe('emergency');
    expect(m.visitType!.conf).toBeLessThan(0.85);
    expect(m.visitType).not.toHaveProperty('via');
    // a printed outpatient type is not overruled
    expect(mergeCandidates([{ visitType: c('outpatient', 0.9, 'ocr1', 1, 'shape') }, { visitType: c('emergency', 0.63, 'missed', 4, 'shape') }]).visitType?.value).toBe('outpatient');
  });
});

describe('a 医保类型 whose label went unread', () => {
  it('a known printed text found by itself, for checking; the scheme from it', () => {
    const ls = [
      line(100, [40, '票据代码：51060124'], [600, '票据号码：2668352633']),
      line(300, [40, '其他信息'], [200, '门诊号：01240181'], [420, '仆人尖而'], [520, '居民医保'], [640, '性别：女'], [760, '其他支付：0.00']),
    ];
    const f = parseInvoiceText(ls).fields;
    expect(f.insuranceTypeText?.value).toBe('居民医保');
    expect(f.insuranceTypeText!.conf).toBeLessThan(0.85);
    expect(f.insuranceType?.value).toBe('resident');
    // a short one (自费 in 个人自费, 医保 in 医保类型) is not taken for it
    expect(parseInvoiceText([line(300, [40, '个人自费：125.57'])]).fields.insuranceTypeText).toBeUndefined();
  });
});

describe('a 医保类型 cut at the end of its line', () => {
  it('three characters only one printed text begins with: that text, for checking; two possible texts: left as read', () => {
    const f = parseInvoiceText([line(300, [40, '门诊号：59542318'], [400, '医保类型：职工医'])]).fields;
    expect(f.insuranceTypeText?.value).toBe('职工医保');
    expect(f.insuranceTypeText!.conf).toBeLessThan(0.85);
    // 城乡居 begins 城乡居民基本医疗保险 and 城乡居民医保
    expect(parseInvoiceText([line(300, [40, '门诊号：59542318'], [400, '医保类型：城乡居'])]).fields.insuranceTypeText?.value).not.toMatch(/保/);
  });
});
