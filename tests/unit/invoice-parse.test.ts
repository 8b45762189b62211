import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insuranceTypeFromText, parseInvoiceText, visitTypeFromCode, visitTypeFromText } from '@/utils/invoice/parse';
import { LABELS } from '@/utils/invoice/labels';
import { normalizeText } from '@/utils/invoice/text';
import type { OcrLine } from '@/utils/invoice/types';

const FIX = join(__dirname, 'fixtures', 'invoice');

/** Lines without word boxes (as plain OCR/PDF text). */
const lines = (text: string, conf = 0.9): OcrLine[] =>
  text.split('\n').filter((l) => l.trim()).map((t) => ({ text: t, conf, bbox: { x: 0, y: 0, w: 0, h: 0 }, words: [] }));

const values = (ls: OcrLine[]) => Object.fromEntries(Object.entries(parseInvoiceText(ls).fields).map(([k, v]) => [k, v!.value]));

// What a clean text layer of the real sample (sh-inpatient-einvoice-2021) would say.
const SAMPLE_CLEAN = `上海市医疗住院收费票据（电子）
票据代码：310602          票据号码：10000347
交款人统一社会信用代码：34032119990909****      校验码：809d
交款人：                 开票日期：2021-04-14
项目名称   金额（元）  备注   项目名称   金额（元）  备注   项目名称   金额（元）  备注
床位费   8,100.00    检查费   8,809.00    化验费   31,240.00
治疗费   8,483.00    护理费   1,180.00    卫生材料费   35,070.50
西药费   181,120.96    其他住院费   2,017.20
金额合计（大写）贰拾柒万陆仟零贰拾元零陆角陆分        （小写）276,020.66
业务流水号：     病历号：     住院号：     住院科别：
住院时间：20210323-20210414   预缴金额：140000.00   补缴金额：0.00   退费金额：81589.23
医疗机构类型：综合性三级甲等医院  医保类型：住院社保卡   医保编号：   性别：男
医保统筹基金支付：217609.89   其他支付：0.00   个人账户支付：0.00   个人现金支付：58410.77
个人自付：31695.57   个人自费：26715.20   附加基金支付：0.00   住院天数：22.5
分类自负：11027.47   自负：20668.10   医保当年账户余额：0.00   医保历年账户余额：0.00
收款单位（章）：上海市第一人民医院     复核人：系统核验     收款人：006212`;

describe('parseInvoiceText — the real sample', () => {
  it('reads every field of a clean text rendering of the sample', () => {
    const v = values(lines(SAMPLE_CLEAN, 1));
    expect(v).toMatchObject({
      invoiceCode: '310602',
      invoiceNumber: '10000347',
      checkCode: '809d',
      issueDate: '2021-04-14',
      totalAmount: '276020.66',
      totalAmountUpper: '贰拾柒万陆仟零贰拾元零陆角陆分',
      visitType: 'inpatient',
      insuranceTypeText: '住院社保卡',
      insuranceType: 'unknown',
      hospital: '上海市第一人民医院',
      fundPaid: '217609.89',
      accountPaid: '0.00',
      cashPaid: '58410.77',
      hospitalizationPeriod: ['2021-03-23', '2021-04-14'],
    });
    expect(v.payerName).toBeUndefined(); // blank (redacted) on the sample
  });

  it('reads the visible key fields from real tesseract.js output of the sample (pass 1, garbled labels)', () => {
    const p1 = JSON.parse(readFileSync(join(FIX, 'sample-tesseract-pass1.json'), 'utf8')) as OcrLine[];
    const r = parseInvoiceText(p1);
    expect(r.fields.invoiceNumber?.value).toBe('10000347');
    expect(r.fields.checkCode?.value).toBe('809d');
    expect(r.fields.issueDate?.value).toBe('2021-04-14');
    expect(r.fields.invoiceCode?.value).toBe('310602');
    expect(r.fields.hospitalizationPeriod?.value).toEqual(['2021-03-23', '2021-04-14']);
    expect(r.fields.insuranceTypeText?.value).toBe('住院社保卡');
    expect(r.fields.visitType?.value).toBe('inpatient');
    // Boxes come from the words: 票据号码 sits top right on the 1190×1682 scan.
    const box = r.fields.invoiceNumber!.boxes[0]!;
    expect(box.x).toBeGreaterThan(700);
    expect(box.y).toBeGreaterThan(500);
    expect(box.y).toBeLessThan(600);
  });

  it('reads the 小写 total from the second-pass output ("(大写)… 1 小写)276, 020.66")', () => {
    const p2 = JSON.parse(readFileSync(join(FIX, 'sample-tesseract-pass2.json'), 'utf8')) as OcrLine[];
    const r = parseInvoiceText(p2);
    expect(r.fields.totalAmount?.value).toBe('276020.66');
    expect(r.fields.fundPaid?.value).toBe('217609.89');
    expect(r.fields.cashPaid?.value).toBe('58410.77');
  });

  it('reads the plain-text OCR variants of the sample', () => {
    const a = values(lines(readFileSync(join(FIX, 'sample-ocr-pass1.txt'), 'utf8')));
    expect(a).toMatchObject({ invoiceNumber: '10000347', checkCode: '809d', issueDate: '2021-04-14', fundPaid: '217609.89', cashPaid: '58410.77' });
    const b = values(lines(readFileSync(join(FIX, 'sample-ocr-upscaled.txt'), 'utf8')));
    expect(b).toMatchObject({ invoiceNumber: '10000347', checkCode: '809d', issueDate: '2021-04-14', totalAmount: '276020.66' });
  });
});

describe('parseInvoiceText — OCR noise', () => {
  it('tolerates spaces between CJK characters, full-width digits and colons', () => {
    const v = values(lines(`上 海 市 医 疗 门 诊 收 费 票 据 （ 电 子 ）
票 据 代 码 ： ３１０６０１２１        票 据 号 码 ： ００１２３４５６７８
校 验 码 ： ａ３ｆ０９ｅ          开 票 日 期 ： ２０２４年３月１５日
金 额 合 计 （ 大 写 ） 叁 佰 伍 拾 元 伍 角 整     （ 小 写 ） ３５０．５０`));
    expect(v).toMatchObject({
      invoiceCode: '31060121',
      invoiceNumber: '0012345678',
      checkCode: 'a3f09e',
      issueDate: '2024-03-15',
      totalAmount: '350.50',
      totalAmountUpper: '叁佰伍拾元伍角整',
      visitType: 'outpatient',
    });
  });

  it('fixes O/0 and l/1 inside numbers and upper-case hex', () => {
    const v = values(lines(`票据代码:31O6O12l   票据号码:OO12345678
校验码:A3F0OE   开票日期:2024-03-15`));
    expect(v.invoiceCode).toBe('31060121');
    expect(v.invoiceNumber).toBe('0012345678');
    expect(v.checkCode).toBe('a3f00e');
  });

  it('reads garbled labels through the confusion table (票禄代码, 校验玛)', () => {
    const v = values(lines('票禄代码:31060221   票据号玛:0012345678\n校验玛:07892e'));
    expect(v).toMatchObject({ invoiceCode: '31060221', invoiceNumber: '0012345678', checkCode: '07892e' });
  });

  it('does not take the 交款人统一社会信用代码 digits or a label as the payer or the code', () => {
    const v = values(lines('交款人统一社会信用代码:34032119990909****\n交款人:张三   开票日期:2021-04-14'));
    expect(v.payerName).toBe('张三');
    expect(v.invoiceCode).toBeUndefined();
    expect(v.invoiceNumber).toBeUndefined();
  });

  it('reads amounts with OCR-split separators ("8, 353.00", "0 ,00", "276.020.66")', () => {
    const v = values(lines('医保统筹基金支付:217, 609. 89   个人账户支付 0 ,00   个人现金支付:58.410.77\n（小写）276.020.66'));
    expect(v).toMatchObject({ fundPaid: '217609.89', accountPaid: '0.00', cashPaid: '58410.77', totalAmount: '276020.66' });
  });

  it('offers the colon-read-as-digit alternative ("支付2217609.89")', () => {
    const r = parseInvoiceText(lines('医保统筹基金支付2217609.89'));
    expect(r.fields.fundPaid?.value).toBe('2217609.89');
    expect(r.fields.fundPaid?.alts).toEqual(['217609.89']);
  });

  it('reads a 住院时间 written with full dates and 至', () => {
    const v = values(lines('住院日期：2023年1月2日 至 2023年1月9日'));
    expect(v.hospitalizationPeriod).toEqual(['2023-01-02', '2023-01-09']);
  });

  it('rejects impossible dates', () => {
    const v = values(lines('开票日期:2021-02-30'));
    expect(v.issueDate).toBeUndefined();
  });
});

describe('visit type and insurance type', () => {
  it('from the title', () => {
    expect(visitTypeFromText('上海市医疗门诊收费票据（电子）')).toBe('outpatient');
    expect(visitTypeFromText('上海市医疗住院收费票据（电子）')).toBe('inpatient');
    expect(visitTypeFromText('浙江省医疗急诊收费票据')).toBe('emergency');
    expect(visitTypeFromText('江苏省医疗门急诊收费票据')).toBe('outpatient');
    expect(visitTypeFromText('增值税发票')).toBeNull();
  });

  it('from 票据代码 digits 5–6 when the title is under a seal', () => {
    expect(visitTypeFromCode('31060121')).toBe('outpatient');
    expect(visitTypeFromCode('31060221')).toBe('inpatient');
    expect(visitTypeFromCode('310602')).toBe('inpatient');
    expect(visitTypeFromCode('31069921')).toBeNull();
    const v = values(lines('上海市医的3 浴据(电子)\n票据代码:31060121'));
    expect(v.visitType).toBe('outpatient');
  });

  it('insurance type from 医保类型', () => {
    expect(insuranceTypeFromText('职工基本医疗保险')).toBe('employee');
    expect(insuranceTypeFromText('城乡居民基本医疗保险')).toBe('resident');
    expect(insuranceTypeFromText('居民医保')).toBe('resident');
    expect(insuranceTypeFromText('住院社保卡')).toBe('unknown');
    expect(insuranceTypeFromText(null)).toBe('unknown');
    const v = values(lines('医保类型：职工基本医疗保险   医保编号：123'));
    expect(v).toMatchObject({ insuranceTypeText: '职工基本医疗保险', insuranceType: 'employee' });
  });
});

describe('other provinces', () => {
  it('reads a paper receipt layout with 医疗机构名称 and 合计', () => {
    const v = values(lines(`浙江省医疗收费票据（急诊）
票据代码：33060121  票据号码：0000012345
医疗机构名称：杭州市第一人民医院  开票日期：2023.11.02
合计金额：1,234.50
统筹支付：800.00  个人账户支付：234.50  现金支付：200.00
医保类别：城乡居民医保`));
    expect(v).toMatchObject({
      invoiceCode: '33060121',
      invoiceNumber: '0000012345',
      hospital: '杭州市第一人民医院',
      issueDate: '2023-11-02',
      totalAmount: '1234.50',
      visitType: 'emergency',
      fundPaid: '800.00',
      accountPaid: '234.50',
      cashPaid: '200.00',
      insuranceType: 'resident',
    });
  });
});

describe('text normalisation', () => {
  it('maps radicals, full-width forms and CJK-internal spaces', () => {
    expect(normalizeText('交款⼈：张⼾⺠')).toBe('交款人:张户民');
    expect(normalizeText('上 海 市 ⻔ 诊')).toBe('上海市门诊');
    expect(normalizeText('（小写）２７６，０２０．６６')).toBe('(小写)276,020.66');
  });
});

describe('parser robustness (property)', () => {
  const alphabet = Array.from('票据代码号校验开日期交款人金额合计大写小（）()：:;,.0123456789abcdefOl 　\t贰拾万元角分医保统筹基支付住院时间-年月日*#¥⼈⻔');
  it('never throws and only returns well-shaped values on random text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 60 }), fc.array(fc.constantFrom(...alphabet), { maxLength: 80 }).map((a) => a.join(''))), { maxLength: 12 }),
        (texts) => {
          const r = parseInvoiceText(texts.map((t) => ({ text: t, conf: 0.7, bbox: { x: 0, y: 0, w: 10, h: 10 }, words: [] })));
          for (const [k, v] of Object.entries(r.fields)) {
            expect(v!.conf).toBeGreaterThanOrEqual(0);
            expect(v!.conf).toBeLessThanOrEqual(1);
            if (k === 'issueDate') expect(v!.value).toMatch(/^20\d\d-\d\d-\d\d$/);
            if (k === 'totalAmount' || k.endsWith('Paid')) expect(v!.value).toMatch(/^\d+\.\d\d$/);
            if (k === 'checkCode') expect(v!.value).toMatch(/^[0-9a-f]{4,6}$/);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on random words with boxes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.record({ text: fc.string({ maxLength: 8 }), conf: fc.double({ min: 0, max: 1, noNaN: true }), x: fc.nat(2000), w: fc.nat(300) }), { maxLength: 10 }), { maxLength: 8 }),
        (ls) => {
          parseInvoiceText(
            ls.map((ws, i) => ({
              text: ws.map((w) => w.text).join(' '),
              conf: 0.8,
              bbox: { x: 0, y: i * 20, w: 1000, h: 18 },
              words: ws.map((w) => ({ text: w.text, conf: w.conf, bbox: { x: w.x, y: i * 20, w: w.w, h: 18 } })),
            })),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the invoice parser never throws on random OCR-like text (issue 10, property)', () => {
  // Pieces an OCR of an invoice produces: labels of the vocabulary (whole, cut, garbled), values of every
  // shape, seal and rule debris; placed as words with boxes that may be degenerate (0, negative, NaN, huge).
  const labelTexts = LABELS.flatMap((d) => d.texts);
  const piece = fc.oneof(
    fc.constantFrom(...labelTexts),
    fc.constantFrom(...labelTexts).map((t) => t.slice(0, Math.max(1, t.length - 1))),
    fc.constantFrom('2024年11月05日', '20241105', '2024.11.05', '2024-11-05至2024-11-09', '1,234.50', '¥276,020.66', '0 ,00', '贰拾柒万陆仟零贰拾元零陆角陆分', '0012345678', '31060121', '07892e', '急诊留观', '门急诊', '上海市第一人民医院', '张三', '|', '丨', '：', '(', '章', '34032119990909****'),
    fc.string({ maxLength: 12 }),
    fc.stringMatching(/^[0-9.,:;OolI|\s]{1,14}$/),
  );
  const num = fc.oneof(fc.integer({ min: -50, max: 4000 }), fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, 1e9));
  const word = fc.record({ text: piece, conf: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(Number.NaN, -1, 2)), x: num, y: num, w: num, h: num });
  const ocrLine = fc.array(word, { maxLength: 9 }).map((ws) => ({
    text: ws.map((w) => w.text).join(' '),
    conf: 0.8,
    bbox: { x: 0, y: ws[0]?.y ?? 0, w: 1000, h: 20 },
    words: ws.map((w) => ({ text: w.text, conf: w.conf, bbox: { x: w.x, y: w.y, w: w.w, h: w.h } })),
  }));

  it('never throws; every value has its shape and a confidence in 0..1', () => {
    fc.assert(
      fc.property(fc.array(ocrLine, { maxLength: 14 }), (ls) => {
        const r = parseInvoiceText(ls as OcrLine[]);
        for (const [k, v] of Object.entries(r.fields)) {
          expect(v!.conf).toBeGreaterThanOrEqual(0);
          expect(v!.conf).toBeLessThanOrEqual(1);
          if (k === 'issueDate') expect(v!.value).toMatch(/^20\d\d-\d\d-\d\d$/);
          if (k === 'totalAmount' || k.endsWith('Paid')) expect(v!.value).toMatch(/^\d+\.\d\d$/);
          if (k === 'checkCode') expect(v!.value).toMatch(/^[0-9a-f]{4,6}$/);
          if (k === 'visitType') expect(['outpatient', 'emergency', 'inpatient']).toContain(v!.value);
          if (k === 'hospitalizationPeriod') expect((v!.value as string[])[0]! <= (v!.value as string[])[1]!).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on lines that are not lines (missing words, null entries, numbers for text)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(null), fc.constant({}), fc.record({ text: fc.oneof(fc.string(), fc.integer()), conf: fc.anything(), bbox: fc.anything(), words: fc.oneof(fc.constant(undefined), fc.constant([])) })), { maxLength: 6 }), (ls) => {
        parseInvoiceText(ls as unknown as OcrLine[]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('医保类型 snapping', () => {
  it('snaps near-misses to printed insurance texts, leaves others alone', async () => {
    const { snapInsuranceText } = await import('@/utils/invoice/parse');
    expect(snapInsuranceText('城乡居基本医疗保险')).toBe('城乡居民基本医疗保险');
    expect(snapInsuranceText('职工基本医宁保险')).toBe('职工基本医疗保险');
    expect(snapInsuranceText('职工基本医疗伪')).toBe('职工基本医疗保险');
    // two away from two texts alike: not guessed
    expect(snapInsuranceText('基本医疗保险')).toBe('基本医疗保险');
    expect(snapInsuranceText('住院社保卡')).toBe('住院社保卡');
    expect(snapInsuranceText('离休干部')).toBe('离休干部');
  });
});

describe('OCR noise seen on the synthetic benchmark photos', () => {
  it('¥ misread as a letter or a CJK character before the 小写 total', () => {
    expect(values(lines('合计 (大写 ) | 叁佰玖拾玖元肆角玖分 王 399.49')).totalAmount).toBe('399.49');
    expect(values(lines('金颜合计(大写) | 贰仟伍佰叁拾元零玖角贰分 | Y2,530.92')).totalAmount).toBe('2530.92');
  });

  it('semicolon or colon for the decimal point, doubled separators', () => {
    expect(values(lines('统筹基金支付 | 162;95   个人账户支付 | 0.00')).fundPaid).toBe('162.95');
    expect(values(lines('金额合计(大写)贰拾玖万壹仟贰佰陆拾捌元叁角贰分 (小写) 291,.268.32')).totalAmount).toBe('291268.32');
  });
});

describe('more benchmark noise', () => {
  it('quote marks between label and value; 医保类型 two edits away', () => {
    expect(values(lines('姓名 邹莉香 性别 | 男 医保类型 “| 城镇职工基本医疗保险')).insuranceTypeText).toBe('城镇职工基本医疗保险');
    expect(values(lines('医保类型:城镇职工基本了保险')).insuranceTypeText).toBe('城镇职工基本医疗保险');
  });
});

describe('a hospital name whose 院 a seal covers', () => {
  const line = (words: Array<[string, number]>): OcrLine[] => {
    let x = 10;
    const ws = words.map(([text, conf]) => {
      const w = { text, conf, bbox: { x, y: 100, w: 24 * Array.from(text).length, h: 24 } };
      x += w.bbox.w + 2;
      return w;
    });
    return [{ text: words.map((w) => w[0]).join(''), conf: 0.8, bbox: { x: 10, y: 100, w: x - 10, h: 24 }, words: ws }];
  };
  it('"…医" and one unbelieved character: offered as …医院, marked for checking', () => {
    const r = parseInvoiceText(line([['收款单位(章):', 0.9], ['某某市第一人民医', 0.9], ['路', 0.2]]));
    expect(r.fields.hospital?.value).toBe('某某市第一人民医院');
    expect(r.fields.hospital!.conf).toBeLessThan(0.85);
  });
  it('a character the recogniser believed is left alone (no name)', () => {
    const r = parseInvoiceText(line([['收款单位(章):', 0.9], ['某某市第一人民医', 0.9], ['路', 0.9]]));
    expect(r.fields.hospital).toBeUndefined();
  });
});
