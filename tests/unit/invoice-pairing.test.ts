// Pairing labels with values by position (issue 12): right of, below, the same cell — with word boxes as
// tesseract gives them (one box per CJK character, one per run of digits), in any line order, slanted.
import { describe, expect, it } from 'vitest';
import { buildLayout } from '@/utils/invoice/layout';
import { parseInvoiceText } from '@/utils/invoice/parse';
import type { OcrLine, OcrWord } from '@/utils/invoice/types';
import { line } from './fixtures/invoice/ocr-lines';

const values = (ls: OcrLine[]) => Object.fromEntries(Object.entries(parseInvoiceText(ls).fields).map(([k, v]) => [k, v!.value]));

/** Rotates every box about the origin (a page photographed slightly turned). */
function turn(ls: OcrLine[], deg: number): OcrLine[] {
  const a = (deg * Math.PI) / 180;
  const r = (b: OcrWord['bbox']) => ({ ...b, x: Math.round(b.x * Math.cos(a) - b.y * Math.sin(a)), y: Math.round(b.x * Math.sin(a) + b.y * Math.cos(a)) });
  return ls.map((l) => ({ ...l, bbox: r(l.bbox), words: l.words.map((w) => ({ ...w, bbox: r(w.bbox) })) }));
}

// A bordered paper form: each label in its own cell, its value in the next cell (rules read as |).
const PAPER_FORM = [
  line(40, [300, '安徽省医疗门诊收费票据']),
  line(100, [40, '票据代码：34060124'], [900, 'No. 9887095848']),
  line(150, [40, '姓名'], [150, '|'], [180, '尹云斌'], [420, '|'], [440, '性别'], [540, '|'], [560, '女'], [700, '|'], [720, '门诊类别'], [860, '|'], [880, '急诊']),
  line(200, [40, '参保类型'], [150, '|'], [180, '居民医保'], [420, '|'], [440, '社会保障号码'], [600, '|'], [620, '34209019410120****']),
  line(260, [40, '合计（大写）'], [220, '壹仟陆佰零陆元贰角贰分'], [720, '（小写）'], [880, '¥1,606.22']),
  line(310, [40, '医保统筹支付'], [220, '714.69'], [380, '个人账户支付'], [560, '0.00'], [700, '个人支付金额'], [880, '891.53']),
  line(380, [40, '收款单位（章）：歙县徽城镇卫生院'], [600, '收款人：663386'], [860, '2024年11月05日']),
];

describe('pairing by position', () => {
  it('a bordered paper form: each value in the cell right of its label; the undated foot; 急诊', () => {
    const f = parseInvoiceText(PAPER_FORM).fields;
    for (const k of ['payerName', 'insuranceTypeText'] as const) expect([k, f[k]?.via]).toEqual([k, 'right']);
    expect(values(PAPER_FORM)).toMatchObject({
      invoiceCode: '34060124',
      invoiceNumber: '9887095848',
      payerName: '尹云斌',
      visitType: 'emergency',
      insuranceTypeText: '居民医保',
      insuranceType: 'resident',
      totalAmount: '1606.22',
      fundPaid: '714.69',
      accountPaid: '0.00',
      cashPaid: '891.53',
      hospital: '歙县徽城镇卫生院',
      issueDate: '2024-11-05',
    });
  });

  it('stacked cells: the label on top, the value under it; a header row of labels over a row of values', () => {
    const ls = [
      line(20, [40, '票据代码'], [340, '开票日期'], [640, '校验码'], [940, '票据号码']),
      line(56, [40, '44060125'], [340, '2025-05-29'], [640, 'd14dc6'], [940, '0013752415']),
      line(100, [40, '交款人'], [340, '交款人统一社会信用代码'], [940, '医疗机构类型']),
      line(136, [40, '段宇芳'], [340, '44901319620920****'], [940, '综合性三级甲等医院']),
      // 结算信息: labels in one row, values in the row below, read as one line with small gaps
      line(400, [40, '医保统筹基金支付'], [300, '其他支付'], [480, '个人账户支付'], [720, '个人现金支付']),
      line(436, [60, '679.05'], [310, '0.00'], [500, '0.00'], [740, '1218.36']),
    ];
    expect(values(ls)).toMatchObject({
      invoiceCode: '44060125',
      issueDate: '2025-05-29',
      checkCode: 'd14dc6',
      invoiceNumber: '0013752415',
      payerName: '段宇芳',
      fundPaid: '679.05',
      accountPaid: '0.00',
      cashPaid: '1218.36',
    });
    expect(values(ls).hospital).toBeUndefined(); // 综合性三级甲等医院 is the 医疗机构类型, not a name
    const f = parseInvoiceText(ls).fields;
    for (const k of ['invoiceCode', 'issueDate', 'checkCode', 'invoiceNumber', 'payerName', 'fundPaid', 'cashPaid'] as const) expect([k, f[k]?.via]).toEqual([k, 'below']);
  });

  it('the same answer whatever order the lines come in, and on a page turned by 2°', () => {
    const expected = values(PAPER_FORM);
    const shuffled = [PAPER_FORM[5]!, PAPER_FORM[2]!, PAPER_FORM[6]!, PAPER_FORM[0]!, PAPER_FORM[4]!, PAPER_FORM[1]!, PAPER_FORM[3]!];
    expect(values(shuffled)).toEqual(expected);
    expect(values(turn(PAPER_FORM, 2))).toEqual(expected);
    expect(Math.abs(buildLayout(turn(PAPER_FORM, 2)).skew - (2 * Math.PI) / 180)).toBeLessThan(0.01);
  });

  it('a value far to the right of its label (a receipt slip with values pushed to the edge)', () => {
    const ls = [line(20, [30, '患者姓名'], [560, '邵阳']), line(60, [30, '门诊类别'], [520, '急诊留观']), line(100, [30, '统筹基金支付'], [540, '356.59'])];
    expect(values(ls)).toMatchObject({ payerName: '邵阳', visitType: 'emergency', fundPaid: '356.59' });
  });

  it('a blank value is left blank: the next label or the row below is not taken for it', () => {
    const ls = [line(20, [40, '交款人：'], [600, '开票日期：2021-04-14']), line(60, [40, '项目名称'], [300, '金额（元）'])];
    const v = values(ls);
    expect(v.payerName).toBeUndefined();
    expect(v.issueDate).toBe('2021-04-14');
  });

  it('values of labels we do not read stay theirs (预缴金额 is not the total, 医保编号 is not the number)', () => {
    const ls = [
      line(20, [40, '预缴金额：140000.00'], [400, '医保编号：6116076305'], [800, '门诊号：76189697']),
      line(60, [40, '医保统筹基金支付：217609.89'], [500, '个人现金支付：58410.77']),
    ];
    const v = values(ls);
    expect(v.totalAmount).not.toBe('140000.00');
    expect(v.invoiceNumber).toBeUndefined();
    expect(v.invoiceCode).toBeUndefined();
  });

  it('a short label read with one wrong character still pairs; a look-alike inside a value is not a label', () => {
    expect(values([line(20, [40, '交球人：田舒明'])]).payerName).toBe('田舒明');
    expect(values([line(20, [40, '医保类型：住院社保卡'])]).insuranceTypeText).toBe('住院社保卡');
  });

  it('visit type: 急诊 / 急诊留观 wherever printed; a 门急诊 title alone is outpatient, for checking', () => {
    expect(values([line(20, [300, '四川省医疗门急诊收费票据（电子）']), line(60, [40, '就诊类别：急诊留观'])]).visitType).toBe('emergency');
    expect(values([line(20, [300, '江苏省医疗收费票据']), line(60, [300, '（急诊）'])]).visitType).toBe('emergency');
    const r = parseInvoiceText([line(20, [300, '湖南省医疗门急诊收费票据']), line(60, [40, '票据代码：43060123'])]);
    expect(r.fields.visitType?.value).toBe('outpatient');
    expect(r.fields.visitType!.conf).toBeLessThan(0.85);
    // 其他门急诊收费 is a line item, not a visit type
    expect(values([line(20, [300, '上海市医疗门诊收费票据（电子）']), line(60, [40, '其他门急诊收费'], [300, '12.00'])]).visitType).toBe('outpatient');
  });

  it('a hospital name split across two cells is joined; the organisation type is not a hospital', () => {
    expect(values([line(20, [40, '收款单位（章）：'], [260, '中山大学附属'], [420, '第一医院'])]).hospital).toBe('中山大学附属第一医院');
  });

  it('医疗机构 alone labels the hospital; an organisation kind (综合医院, 综合性三级甲等医院) is never taken for its name', () => {
    expect(values([line(20, [40, '医疗机构：哈尔滨医科大学附属第一医院'], [700, '收款人：282164'])]).hospital).toBe('哈尔滨医科大学附属第一医院');
    // 医疗机构类型 with its 类型 lost: what follows is a kind
    expect(values([line(20, [40, '医疗机构'], [200, '|'], [240, '综合医院'])]).hospital).toBeUndefined();
    // a kind printed under its label (not read) is no name found by its shape either
    expect(values([line(20, [40, '性别：男'], [300, '综合性三级甲等医院'])]).hospital).toBeUndefined();
    // … also with a character of it misread: a hospital grade is in no hospital's name
    expect(values([line(20, [40, '医疗机构'], [200, '|'], [240, '绽合性三级甲等医院'])]).hospital).toBeUndefined();
    expect(values([line(20, [40, '性别：男'], [300, '绽合性三级申等医院'])]).hospital).toBeUndefined();
    expect(values([line(20, [40, '性别：男'], [300, '二级综合医院'], [700, '收款单位：洛阳市中心医院'])]).hospital).toBe('洛阳市中心医院');
  });
});

describe('honest confidence on what the layout leaves open', () => {
  it('a printed 门诊类别 whose value was not read: the title\'s 门诊 is only a guess, shown for checking', () => {
    const r = parseInvoiceText([line(20, [300, '安徽省医疗门诊收费票据']), line(80, [40, '门诊类别'], [200, '|'], [240, '□□'])]);
    expect(r.fields.visitType?.value).toBe('outpatient');
    expect(r.fields.visitType!.conf).toBeLessThan(0.85);
  });

  it('a value running into the next label printed exactly is cut there ("医疗保险性别" = 医疗保险 + 性别)', () => {
    expect(values([line(20, [40, '医保类型：城镇职工基本医疗保险性别：女'])]).insuranceTypeText).toBe('城镇职工基本医疗保险');
  });

  it('a stay printed as 入院 / 出院 dates apart with one label lost: the date beside the end that was read completes it, for checking', () => {
    // labels above values; the 出院日期 label under a seal (not read), its value read
    const admitOnly = [
      line(20, [40, '住院科别'], [340, '住院天数'], [640, '入院日期'], [1240, '住院号']),
      line(56, [40, '骨科'], [340, '3'], [640, '20230423'], [940, '20230426'], [1240, '30448287']),
    ];
    const f = parseInvoiceText(admitOnly).fields.hospitalizationPeriod;
    expect(f?.value).toEqual(['2023-04-23', '2023-04-26']);
    expect(f!.conf).toBeLessThan(0.85);
    // the other way round (出院 read, 入院's label lost, printed to its right)
    const dischargeOnly = [
      line(20, [40, '住院号'], [340, '出院时间'], [640, '住院科别']),
      line(56, [40, '46016810'], [340, '2022.04.14'], [640, '骨科'], [1160, '2022.04.07']),
    ];
    expect(parseInvoiceText(dischargeOnly).fields.hospitalizationPeriod?.value).toEqual(['2022-04-07', '2022-04-14']);
    // a date on another row (the issue date) is no end of the stay
    const elsewhere = [line(20, [40, '入院日期'], [640, '开票日期']), line(56, [40, '20230423']), line(120, [640, '2023-04-26'])];
    expect(parseInvoiceText(elsewhere).fields.hospitalizationPeriod).toBeUndefined();
  });

  it('numbers by shape: a whole 10-digit number before a shorter run taken for a partly hidden one; a date is never a number', () => {
    const ls = [
      line(20, [40, '校验码'], [340, '开票日期'], [640, '票据代码']),
      line(56, [40, '2bd31b'], [340, '20230426'], [640, '50060223']),
      // a row whose labels were lost, then the 票据号码 column read alone
      line(120, [40, '骨科'], [340, '3'], [940, '30448287']),
      line(60, [1240, '0067023115']),
      line(200, [40, '项目名称'], [340, '金额（元）']),
    ];
    expect(values(ls).invoiceNumber).toBe('0067023115');
    const dateOnly = [line(20, [40, '票据代码：50060223']), line(56, [40, '20230426'], [340, '冯娟亚'])];
    expect(values(dateOnly).invoiceNumber).toBeUndefined();
  });
});
