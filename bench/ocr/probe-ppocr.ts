// Quick probe: PP-OCR lines on one image (dev aid; `node --import tsx bench/ocr/probe-ppocr.ts <img>`).
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { createNodePpOcrEngine } from '../../utils/invoice/engines/ppocr-node';
import type { PixelImage } from '../../utils/invoice/types';

export function decodeFile(file: string): PixelImage {
  const buf = readFileSync(file);
  if (buf[0] === 0x89) {
    const png = PNG.sync.read(buf);
    return { width: png.width, height: png.height, data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length) };
  }
  const j = jpeg.decode(buf, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
  return { width: j.width, height: j.height, data: new Uint8ClampedArray(j.data.buffer, j.data.byteOffset, j.data.length) };
}

if (process.argv[2]) {
  const eng = createNodePpOcrEngine();
  let t = Date.now();
  await eng.init();
  console.log('init ms', Date.now() - t);
  for (const f of process.argv.slice(2)) {
    t = Date.now();
    const out = await eng.recognize(decodeFile(f));
    console.log(f, 'ms', Date.now() - t);
    for (const l of out.lines) console.log(JSON.stringify(l.text), l.conf.toFixed(2), JSON.stringify(l.bbox));
  }
  await eng.terminate();
}
