// Values the layout cuts or misleads (issue 12, second round): a label misread over a quote mark, a 医保类型
// wrapped onto the next line. Synthetic OCR lines (words with boxes), not generator images.
import { describe, expect, it } from 'vitest';
import { crossCheck, type FieldState, type FieldStates } from '@/utils/invoice/crosscheck';
import { findLabels } from '@/utils/invoice/label-match';
import { parseInvoiceText } from '@/utils/invoice/parse';
import { mergeCandidates } from '@/utils/invoice/read-invoice';
import { regionsFor } from '@/utils/invoice/regions';
import { upperAgrees, upperToAmount } from '@/utils/invoice/shapes';
import { extractValue } from '@/utils/invoice/values';
import { line, lineOf, withConf, words } from './fixtures/invoice/ocr-lines';

const ocr = <T>(value: T, conf: number): FieldState<T> => ({ value, conf, source: 'ocr', boxes: [] });

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
  it('a misread continuation close to a known 医保类型 is joined, marked for checking', () => {
    const misread = [line(100, [40, '交款人:钱立群'], [900, '医保类型:城镇职工']), line(134, [40, '直本医疗保队性别:男'], [500, '其他支付:0.00'])];
    const f = parseInvoiceText(misread).fields;
    expect(f.insuranceTypeText?.value).toBe('城镇职工基本医疗保险');
    expect(f.insuranceTypeText!.conf).toBeLessThan(0.85);
  });
  it('a value cut at the end of its line and not read on: the one known 医保类型 it begins, marked', () => {
    const cut = parseInvoiceText([line(100, [40, '交款人:钱立群'], [900, '医保类型:城镇职工基本'])]).fields;
    expect(cut.insuranceTypeText?.value).toBe('城镇职工基本医疗保险');
    expect(cut.insuranceTypeText!.conf).toBeLessThan(0.85);
    // 城乡居民 begins several (城乡居民医保, 城乡居民基本医疗保险): left as read, marked
    const open = parseInvoiceText([line(100, [40, '交款人:钱立群'], [900, '医保类型:城乡居民'])]).fields;
    expect(open.insuranceTypeText?.value).toBe('城乡居民');
    expect(open.insuranceTypeText!.conf).toBeLessThan(0.85);
  });
  it('does not join what makes no known 医保类型', () => {
    const other = [line(100, [40, '交款人:钱立群'], [900, '医保类型:城乡居民']), line(134, [40, '附加说明:无'])];
    expect(parseInvoiceText(other).fields.insuranceTypeText?.value).toBe('城乡居民');
  });
});

describe('a fuzzy label inside a longer word', () => {
  it('a notice heading is no 医保类型 label (医疗保险政策问答, 参保人员须知 misread)', () => {
    expect(findLabels('医疗保险政策问答')).toEqual([]);
    expect(findLabels('参保类员须知')).toEqual([]);
    const f = parseInvoiceText([line(100, [40, '交款人:钱立群']), line(300, [40, '医疗保险政策问答'], [600, '参保类员须知:请妥善保管'])]).fields;
    expect(f.insuranceTypeText).toBeUndefined();
  });
  it('a label whose last character was lost or misread still introduces its value', () => {
    expect(findLabels('医保类城乡居民').map((h) => h.label)).toEqual(['医保类型']);
    expect(findLabels('医保类形城乡居民').map((h) => h.label)).toEqual(['医保类型']);
    expect(findLabels('医疗保险类:居民').map((h) => h.label)).toEqual(['医疗保险类型']);
  });
});

describe('a label whose first character was misread, at the start of its cell', () => {
  it('尼保类型 | 居民医保 is 医保类型 with its value in the next cell', () => {
    const f = parseInvoiceText([line(100, [40, '姓名'], [160, '韦小川'], [700, '尼保类型'], [860, '|'], [880, '新型农村合作医疗'])]).fields;
    expect(f.insuranceTypeText?.value).toBe('新型农村合作医疗');
    expect(f.payerName?.value).toBe('韦小川');
  });
  it('inside a cell the first character must still be right (城乡居民医保性别 holds 性别, not 医保类别)', () => {
    expect(findLabels('城乡居民医保性别').map((h) => h.label)).toEqual(['性别']);
  });
});

describe('the 小写 total after a 大写 run', () => {
  it('passes over specks on the row (a rule or a seal edge read as a character)', () => {
    const f = parseInvoiceText([line(100, [40, '合计(大写)'], [200, '玖拾叁元零伍分'], [700, '上'], [900, '|'], [940, '93.05'])]).fields;
    expect(f.totalAmount?.value).toBe('93.05');
  });
  it('stops at a cell with other text', () => {
    const f = parseInvoiceText([line(100, [40, '合计(大写)'], [200, '玖拾叁元零伍分'], [700, '收款人'], [900, '93.05'])]).fields;
    expect(f.totalAmount?.value).not.toBe('93.05');
  });
});

describe('a 大写 too damaged to decode', () => {
  it('agrees with a total when every readable numeral and unit is where the total puts it', () => {
    expect(upperToAmount('贰万肆什伍佰抽拾肆元肆角陆分')).toBeNull();
    expect(upperAgrees('贰万肆什伍佰抽拾肆元肆角陆分', '24584.46')).toBe(true);
    expect(upperAgrees('陆佰肆拾娄元染角壹分', '647.71')).toBe(true);
  });
  it('disagrees when a readable numeral differs, the length differs, or too much is unreadable', () => {
    expect(upperAgrees('贰万肆什伍佰抽拾叁元肆角陆分', '24584.46')).toBe(false);
    expect(upperAgrees('贰万肆什伍佰抽拾肆元肆角', '24584.46')).toBe(false);
    expect(upperAgrees('陆佰肆什娄元染角过分', '647.71')).toBe(false);
  });
  it('lets the one unread payment be derived, marked for checking', () => {
    const fields: FieldStates = { totalAmount: ocr('24584.46', 0.74), totalAmountUpper: ocr('贰万肆什伍佰抽拾肆元肆角陆分', 0.57), accountPaid: ocr('10445.43', 0.8), cashPaid: ocr('3208.05', 0.85) };
    const w = crossCheck({ fields, today: '2026-01-01' });
    expect(fields.fundPaid).toMatchObject({ value: '10930.98', conf: 0.7 });
    expect(w.map((x) => x.code)).toContain('invoiceWarnPaymentDerived');
  });
  it('any reading of the 大写 may agree (another pass read it less damaged)', () => {
    const fields: FieldStates = { totalAmount: ocr('935.76', 0.8), totalAmountUpper: { ...ocr('玖佰参拾伍元上集角陆分', 0.5), alts: ['玖佰参拾伍元集角陆分'] }, fundPaid: ocr('419.50', 0.8), accountPaid: ocr('0.00', 0.9) };
    crossCheck({ fields, today: '2026-01-01' });
    expect(fields.cashPaid).toMatchObject({ value: '516.26', conf: 0.7 });
  });
  it('does not when the 大写 disagrees', () => {
    const fields: FieldStates = { totalAmount: ocr('24584.46', 0.74), totalAmountUpper: ocr('贰万肆什伍佰抽拾叁元肆角陆分', 0.57), accountPaid: ocr('10445.43', 0.8), cashPaid: ocr('3208.05', 0.85) };
    crossCheck({ fields, today: '2026-01-01' });
    expect(fields.fundPaid).toBeUndefined();
  });
});

describe('a stray mark read as the first digit of the total', () => {
  it('is dropped when the damaged 大写 agrees with the rest and not with the whole (marked)', () => {
    const fields: FieldStates = { totalAmount: ocr('12732.20', 0.8), totalAmountUpper: ocr('贰作业佰参抬贰元贰角整', 0.5) };
    const w = crossCheck({ fields, today: '2026-01-01' });
    expect(fields.totalAmount).toMatchObject({ value: '2732.20', alts: ['12732.20'] });
    expect(fields.totalAmount!.conf).toBeLessThan(0.85);
    expect(w.map((x) => x.code)).toContain('invoiceWarnTotalRepaired');
  });
  it('is dropped when the decoded 大写 equals the rest, still marked', () => {
    const fields: FieldStates = { totalAmount: ocr('854400.45', 0.9), totalAmountUpper: ocr('伍万肆仟肆佰元零肆角伍分', 0.9) };
    crossCheck({ fields, today: '2026-01-01' });
    expect(fields.totalAmount?.value).toBe('54400.45');
    expect(fields.totalAmount!.conf).toBeLessThan(0.85);
  });
  it('stays when the 大写 agrees with the total as read, or with neither', () => {
    const a: FieldStates = { totalAmount: ocr('1392.37', 0.8), totalAmountUpper: ocr('壹什参佰玖拾贰元参角业分', 0.5) };
    crossCheck({ fields: a, today: '2026-01-01' });
    expect(a.totalAmount?.value).toBe('1392.37');
    const b: FieldStates = { totalAmount: ocr('12732.20', 0.8), totalAmountUpper: ocr('叁作业佰参抬贰元贰角整', 0.5) };
    crossCheck({ fields: b, today: '2026-01-01' });
    expect(b.totalAmount?.value).toBe('12732.20');
  });
  it('a 大写 look-alike (什 for 仟, 参 for 叁) counts where the amount puts that numeral, and disagrees elsewhere', () => {
    expect(upperAgrees('壹什参佰玖拾贰元参角业分', '1392.37')).toBe(true);
    expect(upperAgrees('壹什参佰玖拾贰元参角业分', '1492.37')).toBe(false);
  });
});

describe('a visit type guessed from the title while the page prints one unread', () => {
  it('stays marked whatever a pass that saw only the title says', () => {
    const foot = line(400, [40, '收款单位'], [200, '绵阳市中心医院']);
    const page = parseInvoiceText([line(40, [300, '四川省医疗门诊收费票据']), line(100, [40, '交款人'], [120, '潘志枫'], [900, '就诊类型'], [1010, '|']), foot]).fields;
    expect(page.visitType).toMatchObject({ value: 'outpatient', cap: 0.8 });
    const title = parseInvoiceText([line(40, [300, '四川省医疗门诊收费票据']), foot]).fields;
    expect(title.visitType!.conf).toBeGreaterThan(0.85);
    const cand = (r: NonNullable<typeof page.visitType>, pass: string, read: number) => ({ visitType: { value: r.value, conf: r.conf, source: 'ocr' as const, boxes: [], pass, read, ...(r.cap ? { cap: r.cap } : {}) } });
    const merged = mergeCandidates([cand(page.visitType!, 'page', 1), cand(title.visitType!, 'block', 2)]);
    expect(merged.visitType!.conf).toBeLessThanOrEqual(0.8);
  });
  it('from the 票据代码 too, while the page prints a visit type unread; not where none is printed', () => {
    const foot = line(400, [40, '收款单位'], [200, '绵阳市中心医院']);
    const code = line(60, [40, '票据代码'], [150, '51060123']);
    const withLabel = parseInvoiceText([code, line(100, [40, '交款人'], [120, '潘志枫'], [900, '就诊类型'], [1010, '|']), foot]).fields;
    expect(withLabel.visitType).toMatchObject({ value: 'outpatient', via: 'code' });
    expect(withLabel.visitType!.cap).toBeLessThanOrEqual(0.8);
    const without = parseInvoiceText([code, line(100, [40, '交款人'], [120, '潘志枫']), foot]).fields;
    expect(without.visitType).toMatchObject({ value: 'outpatient', via: 'code' });
    expect(without.visitType!.cap).toBeUndefined();
  });
});

describe('a lone digit set apart before an amount', () => {
  it('is a rule or speck read as a digit: the rest is taken, the whole kept as an alternative, marked', () => {
    const f = parseInvoiceText([line(100, [40, '个人现金支付'], [200, '1'], [214, '708.15']), line(400, [40, '收款单位'], [200, '南京鼓楼医院'])]).fields;
    expect(f.cashPaid).toMatchObject({ value: '708.15', alts: ['1708.15'] });
    expect(f.cashPaid!.conf).toBeLessThan(0.85);
  });
  it('an amount printed in one piece is read as it is', () => {
    const f = parseInvoiceText([line(100, [40, '个人现金支付'], [200, '1708.15']), line(400, [40, '收款单位'], [200, '南京鼓楼医院'])]).fields;
    expect(f.cashPaid?.value).toBe('1708.15');
  });
  it('the payments adding up to the total choose the whole when it is right', () => {
    const fields: FieldStates = { totalAmount: ocr('1708.15', 0.95), fundPaid: ocr('0.00', 0.9), accountPaid: ocr('0.00', 0.9), cashPaid: { ...ocr('708.15', 0.8), alts: ['1708.15'] } };
    crossCheck({ fields, today: '2026-01-01' });
    expect(fields.cashPaid?.value).toBe('1708.15');
  });
});

describe('the items table adding up to the total', () => {
  const page = (total: string) => [
    line(100, [40, '项目'], [400, '金额'], [700, '项目'], [1000, '金额']),
    line(140, [40, '西药费'], [400, '5,511.57'], [700, '检查费'], [1000, '2,480.61']),
    line(180, [40, '诊察费'], [400, '12.30']),
    line(240, [40, '合计(大写)'], [200, '捌仟零肆元肆角捌分'], [700, '(小写)'], [800, total]),
    line(400, [40, '收款单位'], [200, '武汉大学人民医院']),
  ];
  it('is read from the amounts between the 项目 | 金额 header and the 合计 row', () => {
    expect(parseInvoiceText(page('8004.48')).extra.itemsSum).toBe('8004.48');
  });
  it('confirms a total read once', () => {
    const fields: FieldStates = { totalAmount: ocr('8004.48', 0.8) };
    crossCheck({ fields, itemsSums: ['8004.48'], today: '2026-01-01' });
    expect(fields.totalAmount!.conf).toBeGreaterThanOrEqual(0.9);
  });
  it('says a first digit of the total is a stray mark when the rest is its sum (marked)', () => {
    const fields: FieldStates = { totalAmount: ocr('18004.48', 0.9) };
    crossCheck({ fields, itemsSums: ['8004.48'], today: '2026-01-01' });
    expect(fields.totalAmount?.value).toBe('8004.48');
    expect(fields.totalAmount!.conf).toBeLessThan(0.85);
  });
  it('a sum that differs from the total confirms nothing', () => {
    const fields: FieldStates = { totalAmount: ocr('8004.48', 0.8) };
    crossCheck({ fields, itemsSums: ['7992.18'], today: '2026-01-01' });
    expect(fields.totalAmount).toMatchObject({ value: '8004.48', conf: 0.8 });
  });
});

describe('a date with a digit read at low confidence', () => {
  const page = (conf: number) => {
    const ws = words('2024年1月28日', 1200, 600);
    ws.find((w) => w.text === '1')!.conf = conf;
    return [line(100, [40, '票据代码'], [150, '34060123']), line(300, [40, '姓名'], [120, '诸葛蓉']), lineOf([...words('收款人:267110', 700, 600), ...ws])];
  };
  it('is shown for checking, whatever other passes say (a cap)', () => {
    const f = parseInvoiceText(page(0.5)).fields;
    expect(f.issueDate).toMatchObject({ value: '2024-01-28', cap: 0.8 });
    expect(f.issueDate!.conf).toBeLessThanOrEqual(0.8);
  });
  it('not when its digits were read surely', () => {
    const f = parseInvoiceText(page(0.9)).fields;
    expect(f.issueDate?.value).toBe('2024-01-28');
    expect(f.issueDate!.cap).toBeUndefined();
  });
  it('a labelled one too', () => {
    const f = parseInvoiceText([lineOf([...words('开票日期:', 40, 100), ...words('2024-01-05', 200, 100).map((w) => ({ ...w, conf: 0.45 }))]), line(400, [40, '收款单位'], [200, '黄山市人民医院'])]).fields;
    expect(f.issueDate).toMatchObject({ value: '2024-01-05', cap: 0.8 });
  });
});

describe('an amount far to the right of its label', () => {
  const foot = line(400, [40, '收款单位'], [200, '武汉大学人民医院']);
  it('is shown for checking (it may be the next label\'s value, its own unread)', () => {
    const f = parseInvoiceText([line(100, [40, '统筹基金支付'], [500, '个人账户支付'], [1100, '8357.26']), foot]).fields;
    expect(f.accountPaid?.value).toBe('8357.26');
    expect(f.accountPaid!.conf).toBeLessThanOrEqual(0.8);
  });
  it('not when it follows its label closely', () => {
    const f = parseInvoiceText([line(100, [40, '统筹基金支付'], [500, '个人账户支付'], [680, '8357.26']), foot]).fields;
    expect(f.accountPaid!.conf).toBeGreaterThan(0.85);
  });
});

describe('a payer whose 交款人 label went unread (a photo losing the left column)', () => {
  // The e-invoice table: labels on one row, values under them; the left column's label lost.
  const head = line(40, [40, '票据代码'], [300, '44060124']);
  const labels = line(100, [330, '交款人统一社会信用代码'], [1050, '医疗机构类型']);
  const foot = line(400, [40, '收款单位'], [200, '广州市第一人民医院']);
  it('a lone person-shaped name left of the payer ID, in its row or the one under it, is the payer — marked', () => {
    const f = parseInvoiceText([head, labels, line(132, [70, '夏竹佳'], [330, '44083420040929****'], [1050, '二级综合医院']), foot]).fields;
    expect(f.payerName).toMatchObject({ value: '夏竹佳', via: 'shape' });
    expect(f.payerName!.conf).toBeLessThan(0.85);
    expect(f.payerName!.cap).toBeLessThan(0.85);
  });
  it('not text that is no name, nor a name far from the payer ID', () => {
    expect(parseInvoiceText([head, labels, line(132, [70, 'd6e481'], [330, '44083420040929****']), foot]).fields.payerName).toBeUndefined();
    expect(parseInvoiceText([head, labels, line(300, [70, '夏竹佳']), foot]).fields.payerName).toBeUndefined();
    // a piece of a label (项目 of 项目名称) starts like a family name
    expect(parseInvoiceText([head, labels, line(132, [70, '项目'], [330, '44083420040929****']), foot]).fields.payerName).toBeUndefined();
  });
  it('in a label | value grid, the value just before the ID label however wide its column (nothing between)', () => {
    // 交款人 | 张荣文 | 交款人统一社会信用代码 | …: the label column lost, the name ≈ 18 characters left of the ID label
    const row = line(100, [80, '张荣文'], [520, '交款人统一社会信用代码'], [790, '33316819781205****']);
    const f = parseInvoiceText([head, row, foot]).fields;
    expect(f.payerName).toMatchObject({ value: '张荣文', via: 'shape' });
    expect(f.payerName!.conf).toBeLessThan(0.85);
    // (something read between them: not the cell just before the label)
    const other = line(100, [80, '张荣文'], [330, '男'], [520, '交款人统一社会信用代码'], [790, '33316819781205****']);
    expect(parseInvoiceText([head, other, foot]).fields.payerName).toBeUndefined();
  });
  it('the second look goes where the label should be: left of the payer ID label', () => {
    const parsed = parseInvoiceText([head, labels, foot]);
    const rs = regionsFor(['payerName'], parsed, {}, { width: 1400, height: 900 });
    expect(rs).toHaveLength(1);
    expect(rs[0]).toMatchObject({ fields: ['payerName'], mode: 'block' });
    expect(rs[0]!.box.x + rs[0]!.box.w).toBeLessThanOrEqual(335);
    expect(rs[0]!.box.y + rs[0]!.box.h).toBeGreaterThan(132 + 24);
  });
  it('the payer ID label starting its row (no room left of it): the row above it, from its column on', () => {
    // 姓名 | 江凡怡 over 社会保障号码 | 3214…: the name's label lost, the ID label at the table's left edge
    const parsed = parseInvoiceText([head, line(150, [20, '社会保障号码'], [180, '32146520021122****']), foot]);
    expect(parsed.anchors.some((a) => a.key === 'payerId')).toBe(true);
    const rs = regionsFor(['payerName'], parsed, {}, { width: 1400, height: 900 });
    expect(rs).toHaveLength(1);
    expect(rs[0]!.fields).toEqual(['payerName']);
    // above the ID label's row, starting at its column, wide enough for a label and a name
    expect(rs[0]!.box.y + rs[0]!.box.h).toBeLessThanOrEqual(150);
    expect(rs[0]!.box.y).toBeLessThan(150 - 30);
    expect(rs[0]!.box.x).toBeLessThanOrEqual(20);
    expect(rs[0]!.box.w).toBeGreaterThan(200);
  });
});

describe('a name another reading of the same place goes on past', () => {
  it('is shown for checking (a crop edge cut 赵海国 to 赵海); alone it is sure', () => {
    const cut = line(100, [40, '交款人:赵海']);
    const alone = parseInvoiceText([cut, line(200, [40, '开票日期:2022-07-22'])]).fields;
    expect(alone.payerName?.value).toBe('赵海');
    expect(alone.payerName!.conf).toBeGreaterThan(0.85);
    const 海 = cut.words.find((w) => w.text === '海')!.bbox;
    const both = parseInvoiceText([cut, line(102, [海.x + 3, '海国']), line(200, [40, '开票日期:2022-07-22'])]).fields;
    expect(both.payerName?.value).toBe('赵海');
    expect(both.payerName!.conf).toBeLessThan(0.85);
    expect(both.payerName!.cap).toBeLessThan(0.85);
  });
});

describe('a leading 1 where another reading saw the table rule', () => {
  it('is the rule glued to the amount ("支付|0.00" read "支付10.00"): the rest offered, shown for checking', () => {
    const pass1 = line(100, [40, '个人账户支付'], [200, '|'], [215, 'oo']);
    const crop = line(102, [40, '个人账户支付'], [200, '10.00']);
    const f = parseInvoiceText([pass1, crop]).fields;
    expect(f.accountPaid?.value).toBe('10.00');
    expect(f.accountPaid!.conf).toBeLessThan(0.85);
    expect(f.accountPaid!.cap).toBeLessThan(0.85);
    expect(f.accountPaid!.alts).toContain('0.00');
    // read alone (no rule seen there), a 10.00 is a 10.00
    expect(parseInvoiceText([crop]).fields.accountPaid!.conf).toBeGreaterThan(0.85);
  });
});

describe('a hospital name joined from the next cell', () => {
  it('is judged by the characters read there too (附属语熙医院 read at almost no confidence)', () => {
    const first = '收款单位:上海中医药大学';
    const x = 40 + words(first, 40, 100).reduce((a, w) => Math.max(a, w.bbox.x + w.bbox.w), 0) - 40 + 60;
    const sure = parseInvoiceText([line(100, [40, first], [x, '附属龙华医院'])]).fields;
    expect(sure.hospital?.value).toBe('上海中医药大学附属龙华医院');
    expect(sure.hospital!.conf).toBeGreaterThan(0.85);
    const worn = parseInvoiceText([withConf(line(100, [40, first], [x, '附属语熙医院']), '语熙', 0.02)]).fields;
    expect(worn.hospital).toBeDefined();
    expect(worn.hospital!.conf).toBeLessThan(0.85);
  });
});

describe('a total the recogniser read right but did not believe', () => {
  // Tesseract gives "¥150,994.83" a word confidence of 0 when it drops the ¥: the digits are right.
  const page = (conf: number, amount = '150,994.83') => [withConf(line(300, [40, '金额合计（大写）'], [240, '壹拾伍万零玖佰玖拾肆元捌角叁分'], [900, '（小写）'], [1060, amount]), amount, conf)];
  it('a well-formed amount at confidence 0 is kept, far below sure', () => {
    const f = parseInvoiceText(page(0)).fields;
    expect(f.totalAmount?.value).toBe('150994.83');
    expect(f.totalAmount!.conf).toBeLessThan(0.5);
  });
  it('a malformed one is not (no value rather than junk)', () => {
    expect(parseInvoiceText(page(0, '9E.5,68.06')).fields.totalAmount).toBeUndefined();
  });
});

describe('another reading of the total that the 大写 confirms', () => {
  it('replaces the one shown when that one disagrees (a rule hid the first digit in one pass), marked', () => {
    const fields: FieldStates = { totalAmount: { ...ocr('50994.83', 0.3), alts: ['150994.83'] }, totalAmountUpper: ocr('过拾伍万零玖佰玖拾肆元抽角参分', 0.3) };
    const w = crossCheck({ fields, today: '2026-01-01' });
    expect(fields.totalAmount?.value).toBe('150994.83');
    expect(fields.totalAmount!.conf).toBeLessThan(0.85);
    expect(w.map((x) => x.code)).toContain('invoiceWarnTotalOtherReading');
  });
  it('the items adding up to it confirm it too; an alternative nothing confirms is not taken', () => {
    const a: FieldStates = { totalAmount: { ...ocr('60009.00', 0.3), alts: ['160009.00'] } };
    crossCheck({ fields: a, itemsSums: ['160009.00'], today: '2026-01-01' });
    expect(a.totalAmount?.value).toBe('160009.00');
    const b: FieldStates = { totalAmount: { ...ocr('60009.00', 0.3), alts: ['160009.00'] } };
    crossCheck({ fields: b, itemsSums: ['1.00'], today: '2026-01-01' });
    expect(b.totalAmount?.value).toBe('60009.00');
  });
});

describe('independent readings that disagree', () => {
  const c = (value: string, conf: number, pass: string, read: number) => ({ value, conf, source: 'ocr' as const, boxes: [], pass, read });
  it('the more confident one is shown, for checking, when the other is believed more than not', () => {
    // 门诊 from the title, read twice; 急诊留观 read in a crop of the row the page pass dropped
    const m = mergeCandidates([{ visitType: c('outpatient', 0.8, 'ocr1', 1) }, { visitType: c('outpatient', 0.8, 'missed', 3) }, { visitType: c('emergency', 0.58, 'ocr2', 14) }]);
    expect(m.visitType?.value).toBe('outpatient');
    expect(m.visitType!.conf).toBeLessThan(0.85);
  });
  it('a reading the recogniser hardly believed does not, nor the same recognition parsed again', () => {
    expect(mergeCandidates([{ totalAmount: c('12.30', 0.9, 'ocr1', 1) }, { totalAmount: c('72.30', 0.3, 'ocr2', 12) }]).totalAmount!.conf).toBeGreaterThanOrEqual(0.85);
    expect(mergeCandidates([{ totalAmount: c('12.30', 0.9, 'ocr1', 1) }, { totalAmount: c('72.30', 0.6, 'ocr2', 1) }]).totalAmount!.conf).toBeGreaterThanOrEqual(0.85);
  });
});

describe('the 小写 total after the 大写, read by several passes', () => {
  it('a cut reading of the row by one pass ("757.2") does not hide the whole one another pass read there', () => {
    const pass1 = line(300, [40, '合计（大写）'], [240, '柒佰伍拾柒元贰角贰分'], [1100, '757.2']);
    const crop = line(302, [42, '合计（大写）'], [242, '柒佰伍拾柒元贰角贰分'], [1104, '757.22']);
    expect(parseInvoiceText([pass1, crop]).fields.totalAmount?.value).toBe('757.22');
    expect(parseInvoiceText([crop, pass1]).fields.totalAmount?.value).toBe('757.22');
  });
  it('within one reading, a number before it still stops the search (it is another value)', () => {
    expect(parseInvoiceText([line(300, [40, '合计（大写）'], [240, '柒佰伍拾柒元贰角贰分'], [900, '12'], [1100, '757.22'])]).fields.totalAmount).toBeUndefined();
  });
  it('the reading a damaged 大写 and the items both confirm wins over one the damaged 大写 alone admits', () => {
    // (过 unread where 壹 is printed admits 8 as well as 1)
    const fields: FieldStates = { totalAmount: { ...ocr('850994.83', 0.43), alts: ['150994.83'] }, totalAmountUpper: ocr('过拾伍万零玖佰玖拾肆元抽角参分', 0.3), cashPaid: ocr('44897.83', 0.9), accountPaid: ocr('0.00', 0.9) };
    crossCheck({ fields, itemsSums: ['150994.83'], today: '2026-01-01' });
    expect(fields.totalAmount?.value).toBe('150994.83');
    expect(fields.fundPaid).toMatchObject({ value: '106097.00' });
    expect(fields.fundPaid!.conf).toBeLessThan(0.85);
  });
});

describe('a 医保类型 whose label went unread', () => {
  const head = line(40, [40, '票据代码'], [200, '44060122']);
  it('a cell holding only a printed 医保类型 text is taken by its shape, marked', () => {
    // the middle column's labels lost: ":城乡居民基本医疗保险" is left
    const f = parseInvoiceText([head, line(300, [40, '性别：男'], [654, '：城乡居民基本医疗保险'], [1056, '统筹基金支付：1429.97'])]).fields;
    expect(f.insuranceTypeText).toMatchObject({ value: '城乡居民基本医疗保险', via: 'shape' });
    expect(f.insuranceTypeText!.conf).toBeLessThan(0.85);
    expect(f.insuranceType?.value).toBe('resident');
  });
  it('not a known text inside other text, nor a short one (医保 is part of many labels)', () => {
    expect(parseInvoiceText([head, line(300, [654, '城乡居民基本医疗保险参保人员须知'])]).fields.insuranceTypeText?.via).not.toBe('shape');
    expect(parseInvoiceText([head, line(300, [654, '：医保'])]).fields.insuranceTypeText).toBeUndefined();
  });
});

describe('the value right of a label, read by several passes', () => {
  it('the ¥ read as a letter before a well-formed amount ("E150,994.83"): the amount, in a doubtful shape', () => {
    expect(extractValue('amount', 'E150,994.83')).toMatchObject({ value: '150994.83' });
    expect(extractValue('amount', 'E150,994.83')!.shape).toBeLessThan(1);
    expect(extractValue('amount', 'AB12.30')).toBeNull();
    expect(extractValue('amount', 'E1,50.83')).toBeNull();
  });
  it('digits right after a thousands separator (",743.74": the 1 of 1,743.74 lost) are not a reading of the amount', () => {
    expect(extractValue('amount', ',743.74')).toBeNull();
    expect(extractValue('amount', ': , 743.74')).toBeNull();
    expect(extractValue('amount', ':1,743.74')).toMatchObject({ value: '1743.74' });
    expect(extractValue('amount', '. 743.74')).toMatchObject({ value: '743.74' });
  });
  it('a text made only of the items table\'s column headings (金额, 项目 金额) is not a value', () => {
    expect(extractValue('text', '金额')).toBeNull();
    expect(extractValue('text', '项目金额')).toBeNull();
    expect(extractValue('text', '自费')).toMatchObject({ value: '自费' });
    expect(extractValue('text', '金额自费')).toMatchObject({ value: '金额自费' });
  });
  it('a 医保类型 read unsurely right of its label is not replaced by the column heading below it', () => {
    const page = [
      withConf(line(288, [67, '就诊类别|住院'], [452, '医保类型|自费']), '自费', 0.54),
      line(345, [172, '项目'], [438, '金额'], [718, '项目'], [940, '金额']),
    ];
    const f = parseInvoiceText(page).fields;
    expect(f.insuranceTypeText?.value).toBe('自费');
  });
  it("another pass's garbled reading of the cell does not hide the amount a crop read there", () => {
    const pass1 = line(300, [900, '（小写）'], [1074, '9a50,994.83']);
    const crop = line(302, [910, '（小写）'], [1090, '150,994.83']);
    expect(parseInvoiceText([pass1, crop]).fields.totalAmount).toMatchObject({ value: '150994.83', via: 'right', labelled: true });
  });
  it("the next label on the row ends the search whoever read it (a crop holding only the next label's value)", () => {
    const pass1 = line(300, [40, '个人账户支付'], [500, '个人支付金额']);
    const crop = line(302, [700, '1655.54']);
    const f = parseInvoiceText([pass1, crop]).fields;
    expect(f.accountPaid).toBeUndefined();
    expect(f.cashPaid?.value).toBe('1655.54');
  });
});
