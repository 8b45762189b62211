// Extension wiring of the invoice engine (same `readInvoice` as the Node CLI):
// the engine's runtime files come from the extension package (copied by wxt.config.ts → `ocr/…`),
// images are decoded with createImageBitmap (huge photos are scaled down while decoding),
// PDFs rendered on an OffscreenCanvas. The OCR worker starts on first use, is reused between invoices
// and terminated after an idle minute or when the page goes away.
import { browser } from 'wxt/browser';
import { invoiceError } from './errors';
import { fitSize, MAX_SIDE } from './image';
import { createTesseractEngine, type TesseractPaths } from './ocr-engine';
import { createPdfReader, offscreenCanvasFactory, type PdfjsLike } from './pdf';
import { createQrDecoder } from './qr';
import { readInvoice } from './read-invoice';
import { checkImageHeader } from './limits';
import { jpegOrientation, sniffType } from './sniff';
import type { ImageDecoder, InvoiceInput, InvoiceResult, OcrEngine, PixelImage, ProgressCallback, ReadInvoiceDeps } from './types';

const url = (path: string) => (browser.runtime.getURL as (p: string) => string)(path);

/** URLs of the engine's runtime files inside the extension (see INVOICE_ASSETS in wxt.config.ts). */
export function browserAssetUrls(): { tesseract: TesseractPaths; zxingWasm: string; pdfWorker: string } {
  return {
    tesseract: { workerPath: url('/ocr/worker.min.js'), corePath: url('/ocr/core'), langPath: url('/ocr/lang') },
    zxingWasm: url('/ocr/zxing_reader.wasm'),
    pdfWorker: url('/ocr/pdf.worker.min.mjs'),
  };
}

/**
 * createImageBitmap decoding (EXIF orientation applied). A 50-megapixel photo is resized while it is decoded
 * (to the engine's working size), so the full-size pixels never reach JavaScript.
 */
export const decodeImageBrowser: ImageDecoder = async (bytes: Uint8Array, mime: string): Promise<PixelImage> => {
  const type = sniffType(bytes);
  if (type === 'heic' || type === 'avif') throw invoiceError('invoiceErrorHeic');
  const blob = new Blob([bytes as BlobPart], { type: mime });
  // The size comes from the header (refused when unreadable or above MAX_IMAGE_PIXELS): nothing is
  // decoded at full size just to learn how big it is.
  let size = checkImageHeader(bytes);
  if (type === 'jpeg' && jpegOrientation(bytes) >= 5) size = { width: size.height, height: size.width };
  const target = fitSize(size.width, size.height, MAX_SIDE);
  const bitmap = target.scale < 1
    ? await createImageBitmap(blob, { imageOrientation: 'from-image', resizeWidth: target.width, resizeHeight: target.height, resizeQuality: 'high' })
    : await createImageBitmap(blob, { imageOrientation: 'from-image' });
  try {
    // A header that lied about the size: scale on the canvas as well.
    const fit = fitSize(bitmap.width, bitmap.height, MAX_SIDE);
    const canvas = new OffscreenCanvas(fit.width, fit.height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2d context');
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, fit.width, fit.height);
    const out: PixelImage & { sourceSize?: { width: number; height: number } } = { width: fit.width, height: fit.height, data: ctx.getImageData(0, 0, fit.width, fit.height).data };
    // The picture as the user has it (boxes are reported in its pixels when the engine knows this size).
    if (size.width !== fit.width || size.height !== fit.height) out.sourceSize = size;
    return out;
  } finally {
    bitmap.close();
  }
};

/**
 * Wraps an engine so its worker is released after `idleMs` without work (and started again on the next
 * `recognize`). `terminate()` releases it at once.
 */
export function createIdleEngine(
  inner: OcrEngine,
  idleMs = 60_000,
  // Called as plain functions: `timers.set(…)` with the global setTimeout as a method throws "Illegal invocation".
  timers: { set: (fn: () => void, ms: number) => unknown; clear: (id: unknown) => void } = { set: (fn, ms) => setTimeout(fn, ms), clear: (id) => clearTimeout(id as ReturnType<typeof setTimeout>) },
): OcrEngine & { readonly running: boolean } {
  let timer: unknown;
  let busy = 0;
  let running = false;
  let gen = 0;
  const arm = () => {
    timers.clear(timer);
    if (busy === 0 && running) {
      timer = timers.set(() => {
        running = false;
        gen++;
        void inner.terminate().catch(() => {});
      }, idleMs);
    }
  };
  const track = async <T>(fn: () => Promise<T>): Promise<T> => {
    timers.clear(timer);
    const mine = gen;
    busy++;
    running = true;
    try {
      return await fn();
    } finally {
      // A terminated tesseract.js worker never settles its job: calls of an old worker no longer count.
      if (mine === gen) {
        busy--;
        arm();
      }
    }
  };
  return {
    get name() {
      return inner.name;
    },
    get running() {
      return running;
    },
    init: () => track(() => inner.init()),
    recognize: (image, opts) => track(() => inner.recognize(image, opts)),
    async terminate() {
      timers.clear(timer);
      running = false;
      gen++;
      busy = 0;
      await inner.terminate();
    },
  };
}

export interface BrowserReader {
  /** Reads one file; never rejects (errors come back in `result.error`). */
  read(input: InvoiceInput, ctx: { index: number; count: number }, onProgress?: ProgressCallback): Promise<InvoiceResult>;
  /** Renders page 1 of a PDF for the review (PNG blob), null when it cannot. */
  renderPdfPreview(bytes: Uint8Array, maxSide?: number): Promise<Blob | null>;
  /**
   * Starts the OCR worker now (the user is choosing files: the file dialog hides its ≈ 1 s start). Never
   * rejects: a worker that cannot start is started again, and its error shown, by the first `read`. Released
   * after the idle time like any worker.
   */
  warmUp(): void;
  /** True while an OCR worker is alive. */
  readonly workerRunning: boolean;
  /** Terminates the OCR worker (panel closed / unloading). */
  dispose(): Promise<void>;
}

export interface BrowserReaderOptions {
  idleMs?: number;
  initTimeoutMs?: number;
  /** Injectable for tests. */
  engine?: OcrEngine;
}

export function createBrowserReader(opts: BrowserReaderOptions = {}): BrowserReader {
  const paths = browserAssetUrls();
  const engine = createIdleEngine(opts.engine ?? createTesseractEngine({ paths: paths.tesseract, initTimeoutMs: opts.initTimeoutMs ?? 30_000 }), opts.idleMs ?? 60_000);
  const canvas = offscreenCanvasFactory();
  const pdf = createPdfReader({
    loadPdfjs: async () => (await import('pdfjs-dist')) as unknown as PdfjsLike,
    workerSrc: paths.pdfWorker,
    createCanvas: canvas,
  });
  const deps: ReadInvoiceDeps = { engine, decodeImage: decodeImageBrowser, qr: createQrDecoder({ wasmUrl: paths.zxingWasm }), pdf };
  return {
    read: (input, ctx, onProgress) => readInvoice(input, { ...deps, onProgress }, ctx),
    warmUp: () => void engine.init().catch(() => {}),
    async renderPdfPreview(bytes, maxSide = 1600) {
      if (!pdf.renderPage) return null;
      try {
        const pages = await pdf.extractText(bytes);
        const w = pages[0]?.width ?? 600;
        const h = pages[0]?.height ?? 800;
        const img = await pdf.renderPage(bytes, 0, Math.min(3, maxSide / Math.max(w, h)));
        const c = new OffscreenCanvas(img.width, img.height);
        c.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(img.data), img.width, img.height), 0, 0);
        return await c.convertToBlob({ type: 'image/png' });
      } catch {
        return null;
      }
    },
    get workerRunning() {
      return engine.running;
    },
    dispose: () => engine.terminate().catch(() => {}),
  };
}
