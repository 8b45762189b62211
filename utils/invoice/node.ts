// Node wiring of the engine (CLI, benchmark, tests): local node_modules paths, jpeg-js/pngjs decoding, fs.
// The extension wires the same `readInvoice` with URLs from `browser.runtime.getURL` instead.
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { t } from '@/utils/i18n';
import { InvoiceError, invoiceError, toIssue } from './errors';
import { applyOrientation } from './image';
import { createTesseractEngine, type TesseractPaths } from './ocr-engine';
import { createPdfReader, type PdfjsLike } from './pdf';
import { createQrDecoder } from './qr';
import { checkFileSize } from './limits';
import { failedResult, readInvoice, readInvoices } from './read-invoice';
import { jpegOrientation, sniffType } from './sniff';
import type { ImageDecoder, InvoiceInput, InvoiceResult, OcrEngine, PixelImage, ProgressCallback, ReadInvoiceDeps } from './types';

const require = createRequire(import.meta.url);
const pkgDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** Local files of every runtime dependency (nothing is fetched from a CDN). */
export function nodePaths(): { tesseract: TesseractPaths; zxingWasm: string; pdfWorker: string } {
  const tjs = pkgDir('tesseract.js');
  return {
    tesseract: {
      workerPath: join(tjs, 'src', 'worker-script', 'node', 'index.js'),
      // In Node the worker `require`s tesseract.js-core itself; the path is informative.
      corePath: pkgDir('tesseract.js-core'),
      langPath: join(pkgDir('@tesseract.js-data/chi_sim'), '4.0.0_best_int'),
    },
    zxingWasm: require.resolve('zxing-wasm/reader/zxing_reader.wasm'),
    pdfWorker: join(pkgDir('pdfjs-dist'), 'legacy', 'build', 'pdf.worker.mjs'),
  };
}

/** jpeg-js / pngjs decoding (EXIF orientation applied). WebP/GIF/BMP are refused with a clear message in Node. */
export const decodeImageNode: ImageDecoder = async (bytes: Uint8Array): Promise<PixelImage> => {
  const type = sniffType(bytes);
  if (type === 'heic' || type === 'avif') throw invoiceError('invoiceErrorHeic');
  if (type === 'webp') throw invoiceError('invoiceErrorWebpNode');
  if (type === 'jpeg') {
    const d = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: 120, maxMemoryUsageInMB: 1500, tolerantDecoding: true });
    const img: PixelImage = { width: d.width, height: d.height, data: new Uint8ClampedArray(d.data.buffer, d.data.byteOffset, d.data.byteLength) };
    return applyOrientation(img, jpegOrientation(bytes));
  }
  if (type === 'png') {
    const p = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { width: p.width, height: p.height, data: new Uint8ClampedArray(p.data.buffer, p.data.byteOffset, p.data.byteLength) };
  }
  throw invoiceError('invoiceErrorUnsupported');
};

export interface NodeDepsOptions {
  onProgress?: ProgressCallback;
  secondPass?: boolean;
  /** Another engine behind the same interface (e.g. the benchmark's PP-OCR); default tesseract.js. */
  engine?: OcrEngine;
  initTimeoutMs?: number;
}

/** Dependencies for `readInvoice` in Node. Call `dispose()` when done (terminates the OCR worker). */
export function createNodeDeps(opts: NodeDepsOptions = {}): ReadInvoiceDeps & { dispose(): Promise<void> } {
  const paths = nodePaths();
  const engine = opts.engine ?? createTesseractEngine({ paths: paths.tesseract, initTimeoutMs: opts.initTimeoutMs });
  const qr = createQrDecoder({ wasmBinary: readFileSync(paths.zxingWasm) });
  const pdf = createPdfReader({
    loadPdfjs: async () => (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfjsLike,
    workerSrc: paths.pdfWorker,
    // No canvas in Node (pdfjs would need @napi-rs/canvas): scanned PDFs get `invoicePdfScannedNeedsBrowser`.
  });
  return {
    engine,
    decodeImage: decodeImageNode,
    qr,
    pdf,
    onProgress: opts.onProgress,
    secondPass: opts.secondPass,
    dispose: () => engine.terminate(),
  };
}

/** Reads a file from disk, refusing one over MAX_FILE_BYTES before reading it. */
export async function fileInput(path: string): Promise<InvoiceInput> {
  checkFileSize((await stat(path)).size);
  return { name: basename(path), bytes: new Uint8Array(await readFile(path)) };
}

/** Reads files from disk (one at a time). Unreadable paths become results with an `error`. */
export async function readInvoiceFiles(paths: string[], deps: ReadInvoiceDeps): Promise<InvoiceResult[]> {
  const out: InvoiceResult[] = [];
  for (let i = 0; i < paths.length; i++) {
    const p = paths[i]!;
    let input: InvoiceInput;
    try {
      input = await fileInput(p);
    } catch (e) {
      const error = e instanceof InvoiceError ? toIssue(e, 'invoiceErrorRead') : { code: 'invoiceErrorRead', message: t('invoiceErrorRead', e instanceof Error ? e.message : String(e)) };
      out.push(failedResult(p, error));
      continue;
    }
    const r = await readInvoice(input, deps, { index: i, count: paths.length });
    r.file = p;
    out.push(r);
  }
  return out;
}

export { readInvoice, readInvoices };
