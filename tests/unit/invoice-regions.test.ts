// @vitest-environment node
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { otsuThreshold, softThreshold, type GrayImage } from '@/utils/invoice/image';
import { decodeImageNode } from '@/utils/invoice/node';
import { readInvoice } from '@/utils/invoice/read-invoice';
import { amountValueBox, eraseCrossingRules, prepareRegion, regionLinesToPage, trimToInk } from '@/utils/invoice/regions';
import type { OcrEngine, OcrLine, PixelImage } from '@/utils/invoice/types';

const gray = (w: number, h: number, f: (x: number, y: number) => number): GrayImage => {
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = f(x, y);
  return { width: w, height: h, data };
};

/** Paper 245 with a faint texture (a seal's remains, 200) and strokes (40) with grey edges (70, 100). */
const textured = (x: number, y: number) => {
  if (y >= 20 && y < 50 && x % 12 >= 3 && x % 12 < 8) return x % 12 === 3 ? 70 : x % 12 === 7 ? 100 : 40;
  return (x + y) % 5 === 0 ? 200 : 245;
};

describe('crop cleaning for the recogniser', () => {
  it('soft threshold: paper and faint texture become white, ink full black, stroke edges stay grey', () => {
    const g = gray(120, 70, textured);
    const t = otsuThreshold(g);
    expect(t).toBeGreaterThan(70);
    expect(t).toBeLessThan(200);
    const s = softThreshold(g);
    expect(s.data[0 * 120 + 0]).toBe(255); // (0+0)%5 → texture 200
    expect(s.data[0 * 120 + 1]).toBe(255); // paper
    expect(s.data[30 * 120 + 5]).toBe(0); // stroke
    const edge = s.data[30 * 120 + 3]!;
    expect(edge).toBeGreaterThan(0);
    expect(edge).toBeLessThan(255);
  });

  it('soft threshold leaves a picture without contrast alone', () => {
    const flat = gray(10, 10, () => 200);
    expect(softThreshold(flat)).toBe(flat);
  });

  it('a line is trimmed to its ink with a small margin', () => {
    const g = gray(120, 70, (x, y) => (y >= 20 && y < 50 && x >= 30 && x < 90 ? 0 : 255));
    const t = trimToInk(g, [20, 49], 0.2);
    expect(t).toMatchObject({ x: 24, y: 14 });
    expect(t.image.width).toBe(72);
    expect(t.image.height).toBe(42);
  });

  it('a line crop is cleaned, cut to its line, and its boxes map back to the page', () => {
    const W = 400, H = 200;
    const page: PixelImage = { width: W, height: H, data: new Uint8ClampedArray(W * H * 4) };
    // a line of "characters" at x 100..220, y 80..110 on paper with faint texture
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
      const ink = y >= 80 && y < 110 && x >= 100 && x < 220 && x % 16 < 10;
      const v = ink ? 30 : (x * 7 + y * 3) % 11 === 0 ? 195 : 240;
      page.data.set([v, v, v, 255], (y * W + x) * 4);
    }
    const prep = prepareRegion(page, { fields: ['hospital'], box: { x: 50, y: 60, w: 300, h: 70 }, mode: 'line', channel: 'red' }, 30);
    const px = prep.image.data;
    let mid = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i]! > 150 && px[i]! < 255) mid++;
    // the texture is gone: almost no light-grey pixels left (only stroke edges)
    expect(mid).toBeLessThan(0.05 * prep.image.width * prep.image.height);
    // cut to the line: not the crop's 70 rows of paper around it
    expect(prep.image.height).toBeLessThan(30 * prep.scale * 1.6);
    const [l] = regionLinesToPage([{ text: 'x', conf: 1, bbox: { x: 0, y: 0, w: prep.image.width, h: prep.image.height }, words: [] }], prep.scale, prep.offset);
    expect(l!.bbox.x).toBeGreaterThan(85);
    expect(l!.bbox.x).toBeLessThanOrEqual(100);
    expect(l!.bbox.y).toBeGreaterThan(70);
    expect(l!.bbox.y).toBeLessThanOrEqual(80);
    expect(l!.bbox.y + l!.bbox.h).toBeGreaterThanOrEqual(109);
    expect(l!.bbox.y + l!.bbox.h).toBeLessThan(120);
  });
});

describe('a blurred line crop', () => {
  it('is cut to the whole line although its strokes never get darker than mid-grey', () => {
    const W = 400, H = 200;
    const page: PixelImage = { width: W, height: H, data: new Uint8ClampedArray(W * H * 4) };
    // a blurred line at y 80..110: grey strokes (cores 120, edges 150; paper 235), darker than 128 on a few
    // pixels of three rows only (what a fixed ink level took for the line)
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
      let v = 235;
      if (y >= 80 && y < 110 && x >= 100 && x < 220 && x % 16 < 10) v = y >= 93 && y < 96 && x % 16 === 5 ? 100 : x % 16 >= 3 && x % 16 < 7 ? 120 : 150;
      page.data.set([v, v, v, 255], (y * W + x) * 4);
    }
    const prep = prepareRegion(page, { fields: ['payerName'], box: { x: 50, y: 60, w: 300, h: 70 }, mode: 'line', channel: 'red' }, 30);
    const [l] = regionLinesToPage([{ text: 'x', conf: 1, bbox: { x: 0, y: 0, w: prep.image.width, h: prep.image.height }, words: [] }], prep.scale, prep.offset);
    // the whole line's height, not a sliver of it
    expect(l!.bbox.y).toBeLessThanOrEqual(80);
    expect(l!.bbox.y + l!.bbox.h).toBeGreaterThanOrEqual(109);
    expect(l!.bbox.x).toBeLessThanOrEqual(100);
    expect(l!.bbox.x + l!.bbox.w).toBeGreaterThanOrEqual(214);
  });
});

describe('second reading of a weak hospital crop', () => {
  const line = (text: string, y: number, conf: number): OcrLine => ({
    text,
    conf,
    bbox: { x: 10, y, w: 500, h: 20 },
    words: text.split(' ').map((t, i) => ({ text: t, conf, bbox: { x: 10 + i * 220, y, w: 200, h: 20 } })),
  });
  const page = (hospitalConf: number) => [
    line('上海市医疗门诊收费票据(电子)', 10, 0.95),
    line('票据代码:31060121 票据号码:0012345678', 40, 0.95),
    line('校验码:a3f09e 开票日期:2024-03-15', 70, 0.95),
    line('金额合计(大写)叁佰伍拾元伍角整 (小写)350.50', 100, 0.95),
    line('交款人:张三 医保类型:职工基本医疗保险', 160, 0.95),
    line('收款单位(章):上海市松江区中心医院', 130, hospitalConf),
  ];
  const run = async (hospitalConf: number, crop: (n: number) => OcrLine[]) => {
    const calls: Array<{ mode?: string; w: number; h: number }> = [];
    const engine: OcrEngine = {
      name: 'fake',
      init: async () => {},
      recognize: async (img, o) => {
        calls.push({ mode: o?.mode, w: img.width, h: img.height });
        return { lines: o?.mode === 'page' ? page(hospitalConf) : crop(calls.length) };
      },
      terminate: async () => {},
    };
    const png = new PNG({ width: 800, height: 500 });
    png.data.fill(255);
    const r = await readInvoice({ name: 'h.png', bytes: new Uint8Array(PNG.sync.write(png)) }, { engine, decodeImage: decodeImageNode });
    return { r, lines: calls.filter((c) => c.mode === 'line') };
  };

  it('a weak hospital crop is read twice (sharpened); the same crop read twice never counts as two readings', async () => {
    const same = () => [line('收款单位(章):上海市松江区中心医院', 4, 0.6)];
    const { r, lines } = await run(0.3, same);
    const sizes = lines.map((c) => `${c.w}x${c.h}`);
    expect(sizes.length).toBeGreaterThan(new Set(sizes).size); // one crop twice
    expect(r.fields.hospital).toBe('上海市松江区中心医院');
    expect(r.confidence.hospital).toBeLessThan(0.85);
  });

  it('a hospital crop that read nothing is read again too', async () => {
    const { lines } = await run(0.3, () => []);
    const sizes = lines.map((c) => `${c.w}x${c.h}`);
    expect(sizes.length).toBeGreaterThan(new Set(sizes).size);
  });

  it('a hospital read well by the crop is not read again', async () => {
    const good = () => [line('收款单位(章):上海市松江区中心医院', 4, 0.97)];
    const { lines } = await run(0.3, good);
    const sizes = lines.map((c) => `${c.w}x${c.h}`);
    expect(sizes.length).toBe(new Set(sizes).size);
  });
});

describe('a payment under the seal read again, digits only', () => {
  const word = (text: string, x: number, y: number, conf = 0.9) => ({ text, conf, bbox: { x, y, w: 200, h: 20 } });
  const row = (y: number, ...texts: string[]): OcrLine => ({ text: texts.join(' '), conf: 0.9, bbox: { x: 10, y, w: 700, h: 20 }, words: texts.map((t, i) => word(t, 10 + i * 220, y)) });

  it('the value box: the digits nearest right of the label on its row, else the cell right of the label', () => {
    const label = { x: 10, y: 100, w: 120, h: 20 };
    const lines: OcrLine[] = [{ text: '', conf: 0.5, bbox: { x: 0, y: 0, w: 1, h: 1 }, words: [word('422-73', 160, 102, 0.07), word('9999', 160, 160), word('|', 140, 100), word('0.00', 500, 100)] }];
    const b = amountValueBox([label], lines, { width: 1000, height: 800 })!;
    expect(b.x).toBeLessThan(160);
    expect(b.x + b.w).toBeGreaterThan(360);
    expect(b.x + b.w).toBeLessThan(500);
    expect(b.y).toBeLessThan(102);
    const cell = amountValueBox([label], [], { width: 1000, height: 800 })!;
    expect(cell.x).toBeGreaterThanOrEqual(130);
    expect(cell.w).toBeGreaterThan(100);
    expect(amountValueBox([], lines, { width: 1000, height: 800 })).toBeNull();
  });

  it('a vertical rule across the whole crop is erased (it reads as 1), the stroke of a digit is not', () => {
    // rule at x 2, a digit's stem at x 20 (rows 8..31 of 40)
    const g = gray(40, 40, (x, y) => (x === 2 || (x === 20 && y >= 8 && y < 32) ? 0 : 255));
    const e = eraseCrossingRules(g);
    expect(e.data[20 * 40 + 2]).toBe(255);
    expect(e.data[20 * 40 + 20]).toBe(0);
  });

  const page = () => [
    row(10, '上海市医疗门诊收费票据(电子)'),
    row(40, '票据代码:31060121', '票据号码:0012345678'),
    row(70, '校验码:a3f09e', '开票日期:2024-03-15'),
    row(100, '金额合计(大写)叁佰伍拾元伍角整', '(小写)350.50'),
    row(130, '收款单位(章):上海市松江区中心医院'),
    row(160, '交款人:张三', '医保类型:职工基本医疗保险'),
    row(190, '统筹基金支付', '#%&', '个人账户支付', '0.00'),
    row(220, '个人现金支付', '100.00'),
  ];
  const run = async (digits: string | ((mode?: string) => string)) => {
    const calls: Array<{ mode?: string; whitelist?: string }> = [];
    const engine: OcrEngine = {
      name: 'fake',
      init: async () => {},
      recognize: async (img, o) => {
        calls.push({ mode: o?.mode, whitelist: o?.whitelist });
        if (o?.mode === 'page') return { lines: page() };
        if (!o?.whitelist) return { lines: [] };
        const bbox = { x: 4, y: Math.round(img.height * 0.2), w: Math.min(img.width - 8, 90), h: Math.round(img.height * 0.6) };
        const text = typeof digits === 'string' ? digits : digits(o.mode);
        return { lines: [{ text, conf: 0.95, bbox, words: [{ text, conf: 0.95, bbox }] }] };
      },
      terminate: async () => {},
    };
    const png = new PNG({ width: 800, height: 300 });
    png.data.fill(255);
    const r = await readInvoice({ name: 'p.png', bytes: new Uint8Array(PNG.sync.write(png)) }, { engine, decodeImage: decodeImageNode });
    return { r, digitReads: calls.filter((c) => c.whitelist === '0123456789.') };
  };

  it('no amount read as a line: the crop is read as a block (the same reading)', async () => {
    const { r, digitReads } = await run((mode) => (mode === 'block' ? '250.50' : '1'));
    expect(digitReads.map((c) => c.mode)).toEqual(['line', 'block']);
    expect(r.fields.fundPaid).toBe('250.50');
    expect(r.confidence.fundPaid).toBeGreaterThanOrEqual(0.85);
  });

  it('read digits only, it is confirmed when the payments add up to the total', async () => {
    const { r, digitReads } = await run('250.50');
    expect(digitReads.length).toBe(1);
    expect(r.warnings.map((w) => w.code)).toEqual([]);
    expect(r.fields.fundPaid).toBe('250.50');
    expect(r.confidence.fundPaid).toBeGreaterThanOrEqual(0.85);
  });

  it('a digits-only reading that does not add up stays marked', async () => {
    const { r } = await run('260.50');
    expect(r.confidence.fundPaid ?? 0).toBeLessThan(0.85);
  });
});
