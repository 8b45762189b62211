// The visit type from a 门诊 title or a 01 票据代码 is an inference (no 急诊 printed): certain only where the
// page came back whole. Synthetic OCR lines (words with boxes), not generator images.
import { describe, expect, it } from 'vitest';
import { parseInvoiceText, strayUrgent, unreadableLine } from '@/utils/invoice/parse';
import { line, lineOf, words } from './fixtures/invoice/ocr-lines';

const title = line(20, [400, '安徽省医疗门诊收费票据']);
const code = line(80, [40, '票据代码：34060122'], [900, 'No.0017533074']);
const payer = line(140, [40, '姓名'], [160, '白嘉莲'], [400, '性别'], [480, '女']);
const items = line(300, [180, '项目'], [450, '金额']);
const total = line(400, [40, '合计（小写）'], [300, '970.83']);
/** A row of words the recogniser did not believe (a row of labels and values lost to blur). */
const garbled = lineOf([...words('ET', 40, 200, 0.18), ...words('入', 470, 200, 0.39), ...words('克', 640, 200, 0), ...words('TIE', 1080, 200, 0.18)]);

describe('outpatient from the title or the code alone', () => {
  it('is certain when the page came back whole', () => {
    const t = parseInvoiceText([title, code, payer, total]).fields.visitType!;
    expect(t).toMatchObject({ value: 'outpatient', via: 'title' });
    expect(t.conf).toBeGreaterThanOrEqual(0.85);
    expect(t.cap).toBeUndefined();
  });
  it('from the code: marked when a header line came back unread (it may have held 门诊类别 急诊)', () => {
    // a 门诊 title read is the form's own wording: not doubted for lost text alone
    expect(parseInvoiceText([title, code, payer, garbled, items, total]).fields.visitType!.cap).toBeUndefined();
    const c = parseInvoiceText([line(20, [400, '安徽省医疗收费票据']), code, garbled, items, total]).fields.visitType!;
    expect(c).toMatchObject({ value: 'outpatient', via: 'code' });
    expect(c.cap).toBeLessThan(0.85);
  });
  it('is marked when 急 was read without its 诊', () => {
    const t = parseInvoiceText([title, code, payer, line(200, [700, '门诊类'], [900, '(急沴)']), total]).fields.visitType!;
    expect(t.conf).toBeLessThan(0.85);
  });
  it('an inpatient title is a different fact: not capped by lost text', () => {
    const t = parseInvoiceText([line(20, [400, '湖北省医疗住院收费票据']), line(80, [40, '票据代码：42060222']), garbled, total]).fields.visitType!;
    expect(t.value).toBe('inpatient');
    expect(t.cap).toBeUndefined();
  });
  it('what counts as unread, and as a stray 急', () => {
    expect(unreadableLine(garbled)).toBe(true);
    expect(unreadableLine(payer)).toBe(false);
    expect(unreadableLine(lineOf(words('人 |', 0, 0, 0.1)))).toBe(false); // too short to say
    expect(strayUrgent('门急诊收费票据')).toBe(false);
    expect(strayUrgent('市急救中心')).toBe(false);
    expect(strayUrgent('(急沴)')).toBe(true);
  });
});

describe('a visit word printed on its own', () => {
  it('（门诊） under a title that names no type is the printed type, believed with a lost row elsewhere', () => {
    const t = parseInvoiceText([line(20, [400, '江苏省医疗收费票据']), line(50, [520, '（门诊）']), line(80, [40, '票据代码：32060124']), garbled, total]).fields.visitType!;
    expect(t).toMatchObject({ value: 'outpatient', via: 'shape' });
    expect(t.conf).toBeGreaterThanOrEqual(0.85);
  });
  it('门急诊 on its own is no type', () => {
    const t = parseInvoiceText([line(20, [400, '江苏省医疗收费票据']), line(50, [520, '（门急诊）']), line(80, [40, '票据代码：32060124']), total]).fields.visitType!;
    expect(t.via).toBe('code');
  });
});
