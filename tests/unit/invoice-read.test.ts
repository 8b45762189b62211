// @vitest-environment node
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  applyOrientation,
  downscaleToFit,
  encodePgm,
  estimateSkew,
  fitSize,
  mapBoxBack,
  MAX_SIDE,
  rotateGray,
  scaleImage,
  toGray,
  type GrayImage,
} from '@/utils/invoice/image';
import { decodeImageNode } from '@/utils/invoice/node';
import { linesFromBlocks } from '@/utils/invoice/ocr-engine';
import { createTesseractEngine } from '@/utils/invoice/ocr-engine';
import { readInvoice, readInvoices, secondPassScale } from '@/utils/invoice/read-invoice';
import { imageDimensions, jpegOrientation, sniffType } from '@/utils/invoice/sniff';
import { FIELD_NAMES, type OcrEngine, type OcrLine, type PixelImage, type ProgressEvent, type ReadInvoiceDeps } from '@/utils/invoice/types';

const b = (...xs: number[]) => new Uint8Array([...xs, ...new Array(16).fill(0)]);
const ascii = (s: string) => new TextEncoder().encode(s);

describe('sniffType (magic bytes, not extensions)', () => {
  it('recognises the formats users bring', () => {
    expect(sniffType(b(0xff, 0xd8, 0xff, 0xe0))).toBe('jpeg');
    expect(sniffType(b(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('png');
    expect(sniffType(ascii('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(sniffType(ascii('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffType(new Uint8Array([0, 0, 0, 0x18, ...ascii('ftypheic'), 0, 0, 0, 0]))).toBe('heic');
    expect(sniffType(new Uint8Array([0, 0, 0, 0x18, ...ascii('ftypmif1'), 0, 0, 0, 0]))).toBe('heic');
    expect(sniffType(ascii('GIF89a....'))).toBe('gif');
    expect(sniffType(ascii('hello world, not an image'))).toBe('unknown');
    expect(sniffType(new Uint8Array([1, 2]))).toBe('unknown');
  });

  it('reads image dimensions from JPEG/PNG headers without decoding', () => {
    const w = 64, h = 48;
    expect(imageDimensions(new Uint8Array(jpeg.encode({ width: w, height: h, data: Buffer.alloc(w * h * 4, 255) }, 50).data))).toEqual({ width: 64, height: 48 });
    expect(imageDimensions(pngBytes(30, 20))).toEqual({ width: 30, height: 20 });
    expect(imageDimensions(ascii('not an image at all, really'))).toBeNull();
  });

  it('reads the EXIF orientation of a JPEG', () => {
    // SOI, APP1 Exif (big-endian TIFF, one IFD entry: 0x0112 = 6)
    const tiff = [0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
    const app1 = [...ascii('Exif'), 0, 0, ...tiff];
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0, app1.length + 2, ...app1, 0xff, 0xda]);
    expect(jpegOrientation(bytes)).toBe(6);
    expect(jpegOrientation(new Uint8Array([0xff, 0xd8, 0xff, 0xda]))).toBe(1);
  });
});

describe('downscaling and geometry', () => {
  it('fits a 50-megapixel photo into MAX_SIDE without upscaling small ones', () => {
    expect(fitSize(8660, 5774)).toEqual({ width: MAX_SIDE, height: 1600, scale: MAX_SIDE / 8660 });
    expect(fitSize(1190, 1682)).toEqual({ width: 1190, height: 1682, scale: 1 });
    expect(fitSize(5774, 8660).height).toBe(MAX_SIDE);
    const big: PixelImage = { width: 3000, height: 1000, data: new Uint8ClampedArray(3000 * 1000 * 4).fill(200) };
    const { image, scale } = downscaleToFit(big);
    expect([image.width, image.height, scale]).toEqual([2400, 800, 0.8]);
    expect(image.data[0]).toBe(200);
  });

  it('scaleImage averages when shrinking and interpolates when enlarging', () => {
    const img: PixelImage = { width: 2, height: 1, data: new Uint8ClampedArray([0, 0, 0, 255, 200, 200, 200, 255]) };
    expect(Array.from(scaleImage(img, 0.5).data)).toEqual([100, 100, 100, 255]);
    const up = scaleImage(img, 2);
    expect([up.width, up.height]).toEqual([4, 2]);
  });

  it('applies EXIF orientation 6 (rotate 90° clockwise)', () => {
    // 2×1: red, green → 1×2: red on top, green below
    const img: PixelImage = { width: 2, height: 1, data: new Uint8ClampedArray([255, 0, 0, 255, 0, 255, 0, 255]) };
    const r = applyOrientation(img, 6);
    expect([r.width, r.height]).toEqual([1, 2]);
    expect(Array.from(r.data)).toEqual([255, 0, 0, 255, 0, 255, 0, 255]);
  });

  it('estimates skew of text-like lines and levels them', () => {
    const w = 600, h = 400;
    const g: GrayImage = { width: w, height: h, data: new Uint8Array(w * h).fill(255) };
    const angle = (3 * Math.PI) / 180;
    for (let line = 60; line < 360; line += 40) {
      for (let x = 50; x < 550; x++) {
        const y = Math.round(line + (x - w / 2) * Math.tan(angle));
        for (let t = 0; t < 4; t++) if (y + t >= 0 && y + t < h && x % 9 < 6) g.data[(y + t) * w + x] = 0;
      }
    }
    const est = estimateSkew(g);
    expect(Math.abs(est - angle)).toBeLessThan((0.5 * Math.PI) / 180);
    expect(Math.abs(estimateSkew(rotateGray(g, est)))).toBeLessThan((0.5 * Math.PI) / 180);
  });

  it('maps boxes back through scale and rotation', () => {
    expect(mapBoxBack({ x: 200, y: 100, w: 50, h: 20 }, { scale: 2, angle: 0, width: 1000, height: 800 })).toEqual({ x: 100, y: 50, w: 25, h: 10 });
    const r = mapBoxBack({ x: 490, y: 390, w: 20, h: 20 }, { scale: 1, angle: 0.1, width: 1000, height: 800 });
    expect(Math.abs(r.x + r.w / 2 - 500)).toBeLessThan(2); // centre stays put
  });

  it('second-pass scale: enlarge only small text', () => {
    expect(secondPassScale(15, 1190, 1682)).toBe(1.9);
    expect(secondPassScale(30, 1800, 1000)).toBe(1);
    expect(secondPassScale(0, 1800, 1000)).toBe(1);
    expect(secondPassScale(10, 3000, 2000)).toBeCloseTo(1.07 > 1.1 ? 1.07 : 1, 5);
  });

  it('encodes PGM', () => {
    const pgm = encodePgm({ width: 2, height: 1, data: new Uint8Array([0, 255]) });
    expect(new TextDecoder().decode(pgm.subarray(0, 11))).toBe('P5\n2 1\n255\n');
    expect(Array.from(pgm.subarray(11))).toEqual([0, 255]);
  });
});

describe('tesseract.js engine wrapper', () => {
  it('converts blocks to lines with 0..1 confidences', () => {
    const lines = linesFromBlocks(
      [{ paragraphs: [{ lines: [{ text: '票据号码:10000347\n', confidence: 80, bbox: { x0: 10, y0: 20, x1: 110, y1: 40 }, words: [{ text: '10000347', confidence: 90, bbox: { x0: 60, y0: 20, x1: 110, y1: 40 } }] }] }] }],
      0,
      200,
      100,
    );
    expect(lines).toEqual([{ text: '票据号码:10000347', conf: 0.8, bbox: { x: 10, y: 20, w: 100, h: 20 }, words: [{ text: '10000347', conf: 0.9, bbox: { x: 60, y: 20, w: 50, h: 20 } }] }]);
  });

  it('init that hangs (no wasm-unsafe-eval) fails after the timeout with a clear message', async () => {
    const engine = createTesseractEngine({
      paths: { workerPath: 'w', corePath: 'c', langPath: 'l' },
      initTimeoutMs: 50,
      createWorker: (() => new Promise(() => {})) as never,
    });
    await expect(engine.init()).rejects.toMatchObject({ code: 'invoiceOcrInitTimeout', message: expect.stringMatching(/^识别组件启动失败/) });
  });

  it('a whitelist asked for one reading is set for it and cleared for the next', async () => {
    const params: Array<Record<string, unknown>> = [];
    const engine = createTesseractEngine({
      paths: { workerPath: 'w', corePath: 'c', langPath: 'l' },
      createWorker: (() =>
        Promise.resolve({
          setParameters: async (p: Record<string, unknown>) => (params.push(p), {}),
          recognize: async () => ({ data: { blocks: [], rotateRadians: 0 } }),
          terminate: async () => ({}),
        })) as never,
    });
    const img = { width: 2, height: 2, data: new Uint8ClampedArray(16).fill(255) };
    await engine.recognize(img, { mode: 'line', whitelist: '0123456789.' });
    await engine.recognize(img, { mode: 'line' });
    const wl = params.filter((p) => 'tessedit_char_whitelist' in p).map((p) => p.tessedit_char_whitelist);
    expect(wl).toEqual(['0123456789.', '']);
    await engine.terminate();
  });

  it('passes options as the third argument of createWorker, all paths local', async () => {
    let seen: unknown[] = [];
    const engine = createTesseractEngine({
      paths: { workerPath: '/x/worker.min.js', corePath: '/x/core', langPath: '/x/lang' },
      createWorker: ((...args: unknown[]) => {
        seen = args;
        return Promise.resolve({ setParameters: async () => ({}), terminate: async () => ({}) });
      }) as never,
    });
    await engine.init();
    expect(seen[0]).toBe('chi_sim');
    expect(seen[1]).toBe(1);
    expect(seen[2]).toMatchObject({ workerPath: '/x/worker.min.js', corePath: '/x/core', langPath: '/x/lang', workerBlobURL: false, gzip: true });
    await engine.terminate();
  });
});

// ---------- readInvoice with a fake engine ----------

const line = (text: string, y: number, conf = 0.9): OcrLine => ({
  text,
  conf,
  bbox: { x: 10, y, w: 500, h: 20 },
  words: text.split(' ').map((t, i) => ({ text: t, conf, bbox: { x: 10 + i * 120, y, w: 100, h: 20 } })),
});

function fakeEngine(lines: OcrLine[], calls: { n: number } = { n: 0 }): OcrEngine {
  return {
    name: 'fake',
    init: async () => {},
    recognize: async (_img, o) => {
      calls.n++;
      o?.onProgress?.(0.5);
      o?.onProgress?.(1);
      return { lines };
    },
    terminate: async () => {},
  };
}

function jpegBytes(w: number, h: number): Uint8Array {
  return new Uint8Array(jpeg.encode({ width: w, height: h, data: Buffer.alloc(w * h * 4, 255) }, 50).data);
}

/** A small JPEG whose frame header (SOF0) claims `w × h` (the fake decoders never look at the pixels). */
function jpegHeaderSaying(w: number, h: number): Uint8Array {
  const b = jpegBytes(16, 16);
  for (let p = 2; p + 9 < b.length; p++) {
    if (b[p] === 0xff && b[p + 1] === 0xc0) {
      b[p + 5] = h >> 8; b[p + 6] = h & 255; b[p + 7] = w >> 8; b[p + 8] = w & 255;
      return b;
    }
  }
  throw new Error('no SOF0');
}

function pngBytes(w: number, h: number): Uint8Array {
  const png = new PNG({ width: w, height: h });
  png.data.fill(255);
  return new Uint8Array(PNG.sync.write(png));
}

const OUTPATIENT = [
  line('上海市医疗门诊收费票据(电子)', 10),
  line('票据代码:31060121 票据号码:0012345678', 40),
  line('校验码:a3f09e 开票日期:2024-03-15', 70),
  line('金额合计(大写)叁佰伍拾元伍角整 (小写)350.50', 100),
  line('收款单位(章):上海市松江区中心医院 复核人:系统核验', 130),
];

describe('readInvoice', () => {
  const base = (engine: OcrEngine): ReadInvoiceDeps => ({ engine, decodeImage: decodeImageNode });

  it('reads an image, reports progress phases in order and skips pass 2 when pass 1 is complete', async () => {
    const events: ProgressEvent[] = [];
    const calls = { n: 0 };
    const r = await readInvoice({ name: 'a.png', bytes: pngBytes(800, 500) }, { ...base(fakeEngine(OUTPATIENT, calls)), onProgress: (e) => events.push(e) });
    expect(r.error).toBeUndefined();
    expect(r.fields).toMatchObject({ invoiceCode: '31060121', invoiceNumber: '0012345678', checkCode: 'a3f09e', issueDate: '2024-03-15', totalAmount: '350.50', visitType: 'outpatient' });
    expect(Object.keys(r.fields)).toEqual([...FIELD_NAMES]);
    expect(r.source.invoiceCode).toBe('ocr');
    expect(r.boxes.invoiceNumber[0]!.x).toBeGreaterThan(100);
    expect(r.imageSize).toEqual({ width: 800, height: 500 });
    expect(calls.n).toBe(1);
    const ps = events.map((e) => e.progress);
    expect(ps).toEqual([...ps].sort((a, b2) => a - b2));
    expect(events.at(-1)).toMatchObject({ phase: 'done', progress: 1, file: 'a.png' });
  });

  it('reads again only the regions of weak fields (crops, not the page) and merges by confidence', async () => {
    const calls: Array<{ mode?: string; w: number; h: number }> = [];
    const engine: OcrEngine = {
      name: 'two-pass',
      init: async () => {},
      recognize: async (img, o) => {
        calls.push({ mode: o?.mode, w: img.width, h: img.height });
        // Pass 1: both labels found, values read unsurely; the crops: clean readings.
        return calls.length === 1
          ? { lines: [line('票据代码:31060121 票据号码:0012345678', 40, 0.5), line('校验码:a3f09e 开票日期:2024-03-15', 70, 0.5)] }
          : { lines: [line('票据号码:0012345678', 4, 0.95), line('校验码:a3f09e', 30, 0.95)] };
      },
      terminate: async () => {},
    };
    const r = await readInvoice({ name: 'b.png', bytes: pngBytes(600, 400) }, base(engine));
    expect(calls[0]).toMatchObject({ mode: 'page', w: 600, h: 400 });
    expect(calls.length).toBeGreaterThan(1);
    for (const c of calls.slice(1)) {
      expect(['line', 'block']).toContain(c.mode);
      expect(c.w * c.h).toBeLessThan(600 * 400); // a crop (enlarged), never the whole page again
    }
    expect(r.fields).toMatchObject({ invoiceCode: '31060121', invoiceNumber: '0012345678', checkCode: 'a3f09e' });
    expect(r.confidence.invoiceNumber).toBeGreaterThan(0.9); // both readings agree
  });

  it('reads again each of six short lines pass 1 dropped (a photo losing a whole column of labels and values)', async () => {
    const W = 800, H = 700;
    const data = new Uint8ClampedArray(W * H * 4).fill(255);
    // Six text-like strips (strokes 4 px wide every 10 px, 20 px tall) in rows of their own, under the read lines.
    for (let k = 0; k < 6; k++) {
      const y0 = 260 + k * 60;
      for (let y = y0; y < y0 + 20; y++) for (let x = 60; x < 200; x++) if (x % 10 < 4) data.fill(0, (y * W + x) * 4, (y * W + x) * 4 + 3);
    }
    const decodeImage = async (): Promise<PixelImage> => ({ width: W, height: H, data });
    let inked = 0;
    const engine: OcrEngine = {
      ...fakeEngine(OUTPATIENT),
      recognize: async (img, o) => {
        if (o?.mode === 'page') return { lines: OUTPATIENT };
        let dark = 0;
        for (let i = 0; i < img.data.length; i += 4) if (img.data[i]! < 128) dark++;
        if (dark > 20) inked++;
        return { lines: [] };
      },
    };
    await readInvoice({ name: 'column.png', bytes: pngBytes(W, H) }, { ...base(engine), decodeImage });
    expect(inked).toBe(6);
  });

  it('boxes are reported in the source pixels when the decoder already downscaled (sourceSize)', async () => {
    const decodeImage = async (): Promise<PixelImage> => ({ width: 1200, height: 800, data: new Uint8ClampedArray(1200 * 800 * 4).fill(255), sourceSize: { width: 4800, height: 3200 } });
    const r = await readInvoice({ name: 'huge.jpg', bytes: jpegHeaderSaying(4800, 3200) }, { engine: fakeEngine(OUTPATIENT), decodeImage, secondPass: false });
    expect(r.imageSize).toEqual({ width: 4800, height: 3200 });
    expect(r.boxes.invoiceNumber[0]!.x).toBe(130 * 4);
  });

  it('boxes are in the pixels of the original image, whatever size the engine was given', async () => {
    const seen: number[] = [];
    const engine: OcrEngine = { ...fakeEngine(OUTPATIENT), recognize: async (img) => (seen.push(img.width), { lines: OUTPATIENT }) };
    const r = await readInvoice({ name: 'big.png', bytes: pngBytes(3000, 2000) }, { ...base(engine), secondPass: false });
    expect(r.imageSize).toEqual({ width: 3000, height: 2000 });
    expect(seen[0]).toBeLessThanOrEqual(2400); // a big picture is never read at full size
    // The word box at x = 130 of what the engine saw, in the picture's pixels.
    expect(Math.abs(r.boxes.invoiceNumber[0]!.x - (10 + 120) * (3000 / seen[0]!))).toBeLessThanOrEqual(2);
  });

  it('QR values win and are exact', async () => {
    const deps: ReadInvoiceDeps = {
      ...base(fakeEngine([line('票据代码:31060121 票据号码:0012345679', 40)])),
      qr: async () => ['https://x.example/d?d=31060121_0012345678_a3f09e_350.50_20240315'],
      secondPass: false,
    };
    const r = await readInvoice({ name: 'q.png', bytes: pngBytes(600, 400) }, deps);
    expect(r.fields).toMatchObject({ invoiceNumber: '0012345678', checkCode: 'a3f09e', totalAmount: '350.50', issueDate: '2024-03-15' });
    expect(r.source.invoiceNumber).toBe('qr');
    expect(r.confidence.invoiceNumber).toBe(1);
    expect(r.warnings.map((w) => w.code)).toContain('invoiceWarnQrConflict');
  });

  it('clear errors for broken, unsupported, HEIC, empty, tiny and non-invoice files; the others still run', async () => {
    const heic = new Uint8Array([0, 0, 0, 0x18, ...ascii('ftypheic'), 0, 0, 0, 0, 0, 0, 0, 0]);
    const brokenJpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6]);
    // A JPEG whose header is fine but whose data is not.
    const corruptJpeg = jpegBytes(600, 400).slice(0, 700);
    const results = await readInvoices(
      [
        { name: 'notes.txt', bytes: ascii('just some text, not an image') },
        { name: 'photo.heic', bytes: heic },
        { name: 'empty.jpg', bytes: new Uint8Array(0) },
        { name: 'broken.jpg', bytes: brokenJpeg },
        { name: 'corrupt.jpg', bytes: corruptJpeg },
        { name: 'tiny.png', bytes: pngBytes(40, 30) },
        { name: 'cat.png', bytes: pngBytes(600, 400) },
        { name: 'ok.png', bytes: pngBytes(600, 400) },
      ],
      {
        ...base({
          ...fakeEngine([]),
          recognize: async function (this: unknown) {
            return { lines: calls++ < 1 ? [line('a cat on a sofa', 10)] : OUTPATIENT };
          },
        }),
        secondPass: false,
      },
    );
    expect(results.map((r) => r.error?.code ?? 'ok')).toEqual([
      'invoiceErrorUnsupported',
      'invoiceErrorHeic',
      'invoiceErrorEmpty',
      'invoiceErrorImageHeader',
      'invoiceErrorDecode',
      'invoiceErrorTooSmall',
      'invoiceErrorNotInvoice',
      'ok',
    ]);
    expect(results[1]!.error!.message).toContain('请在手机上把照片存为 JPG 再试');
    expect(results[7]!.fields.invoiceNumber).toBe('0012345678');
    for (const r of results) expect(Object.keys(r.confidence)).toEqual([...FIELD_NAMES]);
  });

  it('an OCR start-up failure becomes the file error, with a clear message', async () => {
    const engine: OcrEngine = { ...fakeEngine([]), init: async () => Promise.reject(Object.assign(new Error('x'), {})) };
    const r = await readInvoice({ name: 'x.png', bytes: pngBytes(600, 400) }, base(engine));
    expect(r.error?.code).toBe('invoiceErrorOcr');
  });

  it('decodes JPEG in Node (jpeg-js)', async () => {
    const w = 300, h = 200;
    const raw = { width: w, height: h, data: Buffer.alloc(w * h * 4, 255) };
    const img = await decodeImageNode(new Uint8Array(jpeg.encode(raw, 90).data), 'image/jpeg');
    expect([img.width, img.height]).toEqual([w, h]);
    expect(toGray(img).data[0]).toBeGreaterThan(240);
  });

  it('refuses WebP in Node with a clear message', async () => {
    await expect(decodeImageNode(ascii('RIFF\0\0\0\0WEBPVP8 xxxx'), 'image/webp')).rejects.toMatchObject({ code: 'invoiceErrorWebpNode' });
  });
});

let calls = 0;

// ---------- size limits (issue 10, item 11) ----------

describe('size limits: every failure ends in a plain message and the next file goes on', () => {
  const okEngine = () => fakeEngine(OUTPATIENT);
  /** A decoder that records whether it was asked to decode at all. */
  const watchedDecoder = () => {
    const seen: string[] = [];
    const decode = async (bytes: Uint8Array, mime: string): Promise<PixelImage> => {
      seen.push(mime);
      return decodeImageNode(bytes, mime);
    };
    return { seen, decode };
  };

  it('a file over the byte cap is refused before decoding; the next file is read', async () => {
    const { MAX_FILE_BYTES } = await import('@/utils/invoice/limits');
    const { seen, decode } = watchedDecoder();
    const huge = new Uint8Array(MAX_FILE_BYTES + 1);
    huge.set(pngBytes(600, 400));
    const rs = await readInvoices([{ name: 'huge.png', bytes: huge }, { name: 'ok.png', bytes: pngBytes(600, 400) }], { engine: okEngine(), decodeImage: decode, secondPass: false });
    expect(rs[0]!.error).toMatchObject({ code: 'invoiceErrorTooLarge', message: expect.stringMatching(/^文件太大/) });
    expect(seen).toHaveLength(1); // only ok.png was decoded
    expect(rs[1]!.error).toBeUndefined();
    expect(rs[1]!.fields.invoiceNumber).toBe('0012345678');
  });

  it('an image whose header claims more pixels than the cap is never decoded', async () => {
    const { seen, decode } = watchedDecoder();
    const png = pngBytes(600, 400);
    new DataView(png.buffer).setUint32(16, 30000);
    new DataView(png.buffer).setUint32(20, 30000);
    const gif = new Uint8Array([...ascii('GIF89a'), 0x30, 0x75, 0x30, 0x75, 0, 0, 0, ...new Array(20).fill(0)]); // 30000×30000
    const rs = await readInvoices(
      [{ name: 'bomb.png', bytes: png }, { name: 'bomb.gif', bytes: gif }, { name: 'ok.png', bytes: pngBytes(600, 400) }],
      { engine: okEngine(), decodeImage: decode, secondPass: false },
    );
    expect(rs.map((r) => r.error?.code ?? 'ok')).toEqual(['invoiceErrorTooManyPixels', 'invoiceErrorTooManyPixels', 'ok']);
    expect(rs[0]!.error!.message).toContain('30000×30000');
    expect(seen).toEqual(['image/png']);
  });

  it('an image whose size cannot be read from its header is not decoded (it would decode at full size)', async () => {
    const { seen, decode } = watchedDecoder();
    // A JPEG start with no frame header: the size is unknown until the whole picture is decoded.
    const noSof = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, ...ascii('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
    const r = await readInvoice({ name: 'odd.jpg', bytes: noSof }, { engine: okEngine(), decodeImage: decode, secondPass: false });
    expect(r.error).toMatchObject({ code: 'invoiceErrorImageHeader', message: expect.stringMatching(/无法读出这张图片的尺寸/) });
    expect(seen).toEqual([]);
  });

  it('GIF and BMP headers give their size', () => {
    expect(imageDimensions(new Uint8Array([...ascii('GIF89a'), 0x20, 0x03, 0x58, 0x02, 0, 0, 0]))).toEqual({ width: 800, height: 600 });
    const bmp = new Uint8Array(54);
    const v = new DataView(bmp.buffer);
    bmp.set(ascii('BM'));
    v.setUint32(14, 40, true);
    v.setInt32(18, 1024, true);
    v.setInt32(22, -768, true); // top-down rows
    expect(imageDimensions(bmp)).toEqual({ width: 1024, height: 768 });
  });

  it('a scanned PDF with a huge page is rendered scaled to a maximum side, not at 2.5×', async () => {
    const { MAX_RENDER_SIDE } = await import('@/utils/invoice/limits');
    const sizes: Array<[number, number]> = [];
    const pdf = {
      extractText: async () => [{ width: 14400, height: 14400, lines: [] }],
      renderPage: async (_b: Uint8Array, _p: number, scale: number): Promise<PixelImage> => {
        const side = Math.ceil(14400 * scale);
        sizes.push([side, side]);
        if (side > 5000) throw new RangeError('Invalid typed array length');
        return { width: side, height: side, data: new Uint8ClampedArray(side * side * 4).fill(255) };
      },
    };
    const r = await readInvoice({ name: 'poster.pdf', bytes: ascii('%PDF-1.7\n') }, { engine: okEngine(), decodeImage: decodeImageNode, pdf, secondPass: false });
    expect(sizes.length).toBe(1);
    expect(Math.max(...sizes[0]!)).toBeLessThanOrEqual(MAX_RENDER_SIDE);
    expect(r.error).toBeUndefined();
    expect(r.fields.invoiceNumber).toBe('0012345678');
  });

  it('createPdfReader never asks for a canvas larger than its maximum side, whatever scale is asked for', async () => {
    const { createPdfReader } = await import('@/utils/invoice/pdf');
    const { MAX_RENDER_SIDE } = await import('@/utils/invoice/limits');
    const canvases: Array<[number, number]> = [];
    const page = {
      getViewport: ({ scale }: { scale: number }) => ({ width: 14400 * scale, height: 10000 * scale }),
      getTextContent: async () => ({ items: [] }),
      render: () => ({ promise: Promise.resolve() }),
    };
    const pdfjs = {
      GlobalWorkerOptions: { workerSrc: '' },
      getDocument: () => ({ promise: Promise.resolve({ numPages: 1, getPage: async () => page, destroy: async () => {} }) }),
    };
    const reader = createPdfReader({
      loadPdfjs: async () => pdfjs,
      createCanvas: (w, h) => {
        canvases.push([w, h]);
        return { canvas: {}, context: {}, read: () => ({ width: w, height: h, data: new Uint8ClampedArray(4) }) };
      },
    });
    await reader.renderPage!(new Uint8Array(1), 0, 2.5);
    expect(canvases).toHaveLength(1);
    expect(Math.max(...canvases[0]!)).toBeLessThanOrEqual(MAX_RENDER_SIDE);
  });

  it('a decoder or engine failing with anything (a string, an allocation error) gives a plain message; the next file goes on', async () => {
    let n = 0;
    const decodeImage = async (bytes: Uint8Array, mime: string): Promise<PixelImage> => {
      n++;
      if (n === 1) throw 'decoder crashed'; // not even an Error
      if (n === 2) throw new RangeError('Array buffer allocation failed');
      return decodeImageNode(bytes, mime);
    };
    const rs = await readInvoices(
      [{ name: 'a.png', bytes: pngBytes(600, 400) }, { name: 'b.png', bytes: pngBytes(600, 400) }, { name: 'c.png', bytes: pngBytes(600, 400) }],
      { engine: okEngine(), decodeImage, secondPass: false },
    );
    expect(rs.map((r) => r.error?.code ?? 'ok')).toEqual(['invoiceErrorDecode', 'invoiceErrorDecode', 'ok']);
    for (const r of rs.slice(0, 2)) expect(r.error!.message).toMatch(/^图片已损坏或无法打开/);
  });

  it('readInvoices goes on even when one file throws past readInvoice (an input whose name cannot be read)', async () => {
    const evil = { get name(): string { throw new Error('detached'); }, bytes: pngBytes(600, 400) } as unknown as { name: string; bytes: Uint8Array };
    const rs = await readInvoices([evil, { name: 'ok.png', bytes: pngBytes(600, 400) }], { engine: okEngine(), decodeImage: decodeImageNode, secondPass: false });
    expect(rs).toHaveLength(2);
    expect(rs[0]!.error?.message).toBeTruthy();
    expect(rs[1]!.fields.invoiceNumber).toBe('0012345678');
  });

  it('the CLI refuses a file over the byte cap without reading it, and reads the next', async () => {
    const { mkdtempSync, writeFileSync, truncateSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join: pjoin } = await import('node:path');
    const { readInvoiceFiles } = await import('@/utils/invoice/node');
    const { MAX_FILE_BYTES } = await import('@/utils/invoice/limits');
    const dir = mkdtempSync(pjoin(tmpdir(), 'inv-limit-'));
    try {
      const big = pjoin(dir, 'big.jpg');
      writeFileSync(big, '');
      truncateSync(big, MAX_FILE_BYTES + 1024); // sparse: costs no disk
      const ok = pjoin(dir, 'ok.png');
      writeFileSync(ok, pngBytes(600, 400));
      const rs = await readInvoiceFiles([big, ok], { engine: okEngine(), decodeImage: decodeImageNode, secondPass: false });
      expect(rs[0]!.error?.code).toBe('invoiceErrorTooLarge');
      expect(rs[1]!.fields.invoiceNumber).toBe('0012345678');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
