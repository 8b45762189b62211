// Dates in every printed form, labelled or not (issue 12).
import { describe, expect, it } from 'vitest';
import { findDates, findPeriod, parseDate } from '@/utils/invoice/dates';
import { parseInvoiceText } from '@/utils/invoice/parse';
import type { OcrLine } from '@/utils/invoice/types';

const lines = (text: string): OcrLine[] => text.split('\n').filter((l) => l.trim()).map((t) => ({ text: t, conf: 0.9, bbox: { x: 0, y: 0, w: 0, h: 0 }, words: [] }));

describe('parseDate: the printed forms', () => {
  it.each([
    ['2024-11-05', '2024-11-05'],
    ['2024年11月05日', '2024-11-05'],
    ['2024年11月5日', '2024-11-05'],
    ['20241105', '2024-11-05'],
    ['2024.11.05', '2024-11-05'],
    ['2024/11/05', '2024-11-05'],
    ['2024-1-5', '2024-01-05'],
    // as OCR hands them over: spaces, 年/月/日 look-alikes
    ['2024 年 11 月 05 日', '2024-11-05'],
    ['2024午11目05曰', '2024-11-05'],
    ['2024年11月05', '2024-11-05'],
    // digits read as look-alikes between 年 and 月 (a 1 as ] or l, a 0 as O)
    ['2023 年 0] 月 10 日', '2023-01-10'],
    ['2023年l2月O5日', '2023-12-05'],
  ])('%s → %s', (raw, iso) => expect(parseDate(raw)).toBe(iso));

  it.each(['2024-0]-05', '2024.l2.05', '2023年0]月32日', '2021-02-30', '2024-13-01', '20241135', '1999-01-01', '2024-11', '241105', '2024年11月'])('refuses %s', (raw) => expect(parseDate(raw)).toBeNull());
});

describe('findDates / findPeriod in running text', () => {
  it('finds every date in a line, whatever its form', () => {
    expect(findDates('开票日期:2024年11月05日 就诊日期:20241103 打印 2024.11.06').map((d) => d.value)).toEqual(['2024-11-05', '2024-11-03', '2024-11-06']);
  });

  it('does not take digits inside longer numbers (ID numbers, serials) for dates', () => {
    expect(findDates('社会保障号码 340321200511071234 业务流水号 120241105331')).toEqual([]);
  });

  it.each([
    ['住院时间:20210323-20210414', ['2021-03-23', '2021-04-14']],
    ['2024-01-02至2024-01-10', ['2024-01-02', '2024-01-10']],
    ['自2024年01月02日至2024年01月10日', ['2024-01-02', '2024-01-10']],
    ['2024.05.22-2024.05.31', ['2024-05-22', '2024-05-31']],
    ['2024年1月2日 到 2024年1月9日', ['2024-01-02', '2024-01-09']],
  ])('a stay printed as %s', (text, period) => expect(findPeriod(text)?.value).toEqual(period));

  it('a stay must not end before it starts; two dates far apart in a line are not a stay', () => {
    expect(findPeriod('20240110-20240102')).toBeNull();
    expect(findPeriod('开票日期 2024-01-02 收款人 张三 2024-01-10')).toBeNull();
  });
});

describe('the issue date, labelled or not', () => {
  it('labelled in any form: 开票日期 / 填制日期 / 日期', () => {
    expect(parseInvoiceText(lines('开票日期:2024年11月05日')).fields.issueDate?.value).toBe('2024-11-05');
    expect(parseInvoiceText(lines('填制日期 2024.09.21')).fields.issueDate?.value).toBe('2024-09-21');
    expect(parseInvoiceText(lines('日期：20240921')).fields.issueDate?.value).toBe('2024-09-21');
  });

  it('printed alone at the foot of a paper form', () => {
    const f = parseInvoiceText(lines(`安徽省医疗门诊收费票据
姓名   张三   门诊类别   急诊
合计（小写）   ¥1,234.50
收款单位（章）：合肥市第一人民医院      收款人：006212      2024年11月05日`)).fields;
    expect(f.issueDate?.value).toBe('2024-11-05');
    expect(f.issueDate?.labelled).toBe(false);
  });

  it('a date that belongs to another label (就诊日期, 住院时间) is not the issue date; the latest loose one is, marked', () => {
    const f = parseInvoiceText(lines(`住院时间：2024-01-02至2024-01-10
就诊日期：2024-01-02
2024-01-12      2024-01-11`)).fields;
    expect(f.hospitalizationPeriod?.value).toEqual(['2024-01-02', '2024-01-10']);
    expect(f.issueDate?.value).toBe('2024-01-12');
    expect(f.issueDate!.conf).toBeLessThan(0.85); // two loose dates: shown for checking
  });
});
