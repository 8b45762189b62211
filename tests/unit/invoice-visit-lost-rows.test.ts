// @vitest-environment node
// An outpatient type inferred from a 门诊 title is the inference that no 急诊 is printed: on a page whose rows
// pass 1 lost (few labels found — a blurred photo drops the 医疗类别 row with the rest), it is shown for checking.
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodeImageNode } from '@/utils/invoice/node';
import { readInvoice } from '@/utils/invoice/read-invoice';
import { CHECK_BELOW, type OcrEngine, type OcrLine } from '@/utils/invoice/types';
import { line } from './fixtures/invoice/ocr-lines';

function engineReading(lines: OcrLine[]): OcrEngine {
  return { name: 'fake', init: async () => {}, recognize: async () => ({ lines }), terminate: async () => {} };
}

function blankPng(w: number, h: number): Uint8Array {
  const png = new PNG({ width: w, height: h });
  png.data.fill(255);
  return new Uint8Array(PNG.sync.write(png));
}

const read = (lines: OcrLine[]) => readInvoice({ name: 'p.png', bytes: blankPng(1400, 900) }, { engine: engineReading(lines), decodeImage: decodeImageNode, secondPass: false });

const title = line(20, [420, '河南省医疗机构门诊收费票据']);
const foot = [
  line(100, [40, '票据代码：41060124'], [1100, '票据号码：0004522013']),
  line(560, [40, '其他支付'], [240, '0.00'], [700, '个人帐户支付'], [960, '180.21']),
  line(600, [40, '个人自付'], [240, '458.14'], [700, '个人支付金额'], [960, '311.78']),
  line(640, [40, '个人自费'], [240, '33.85'], [700, '医保统筹基金支付'], [960, '1146.63']),
  line(700, [40, '合计（大写）'], [240, '壹仟陆佰叁拾捌元陆角贰分'], [1000, '（小写）'], [1160, '¥1,638.62']),
];
// the rows pass 1 read on a page that came back whole
const rows = [
  line(200, [40, '姓名'], [240, '马君佳']),
  line(240, [40, '性别'], [240, '女']),
  line(280, [40, '参保类型'], [240, '职工医保']),
  line(320, [40, '身份证号码'], [240, '41297119990807****']),
  line(360, [40, '病历号'], [240, '00270774']),
  line(400, [40, '开票日期'], [240, '2024年04月18日']),
  line(740, [40, '收款单位（章）'], [240, '郑州市金水区丰产路街道社区卫生服务中心'], [1000, '收款人'], [1160, '963326']),
];

describe('outpatient from a 门诊 title on a page that lost rows', () => {
  it('is believed when pass 1 found the labels of the page', async () => {
    const r = await read([title, ...foot, ...rows]);
    expect(r.fields.visitType).toBe('outpatient');
    expect(r.confidence.visitType).toBeGreaterThanOrEqual(CHECK_BELOW);
  });
  it('is shown for checking when pass 1 found few labels (the rows with the type may be among the lost)', async () => {
    const r = await read([title, ...foot]);
    expect(r.fields.visitType).toBe('outpatient');
    expect(r.confidence.visitType).toBeLessThan(CHECK_BELOW);
  });
});
