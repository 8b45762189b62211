// Bundled by bench/ocr/chromium.ts (esbuild) and loaded in headless Chromium from a localhost server: the
// same `readInvoice` pipeline with browser decoders and every runtime file served locally (no CDN).
import * as ort from 'onnxruntime-web';
import { createTesseractEngine } from '../../utils/invoice/ocr-engine';
import { createQrDecoder } from '../../utils/invoice/qr';
import { createPdfReader, type PdfjsLike } from '../../utils/invoice/pdf';
import { readInvoice } from '../../utils/invoice/read-invoice';
import { PpOcrEngine } from '../../utils/invoice/engines/ppocr';
import type { ImageDecoder, InvoiceResult, ReadInvoiceDeps } from '../../utils/invoice/types';
import { timed } from './timing';

const decodeImage: ImageDecoder = async (bytes, mime) => {
  const bmp = await createImageBitmap(new Blob([bytes as unknown as BlobPart], { type: mime }));
  const canvas = new OffscreenCanvas(bmp.width, bmp.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  ctx.drawImage(bmp, 0, 0);
  const d = ctx.getImageData(0, 0, bmp.width, bmp.height);
  bmp.close();
  return { width: d.width, height: d.height, data: d.data };
};

let deps: (ReadInvoiceDeps & { engine: ReturnType<typeof timed> }) | null = null;

async function setup(kind: 'tesseract' | 'ppocr'): Promise<void> {
  const origin = location.origin;
  const engine =
    kind === 'tesseract'
      ? createTesseractEngine({ paths: { workerPath: `${origin}/tjs/worker.min.js`, corePath: `${origin}/core/`, langPath: `${origin}/lang` } })
      : (() => {
          ort.env.wasm.numThreads = 1;
          ort.env.wasm.wasmPaths = `${origin}/ort/`;
          const get = async (u: string) => new Uint8Array(await (await fetch(u)).arrayBuffer());
          return new PpOcrEngine({
            ort,
            loadModels: async () => ({
              det: await get(`${origin}/models/ch_PP-OCRv4_det_infer.onnx`),
              rec: await get(`${origin}/models/ch_PP-OCRv4_rec_infer.onnx`),
              dict: await (await fetch(`${origin}/models/ppocr_keys_v1.txt`)).text(),
            }),
          });
        })();
  deps = {
    engine: timed(engine),
    decodeImage,
    qr: createQrDecoder({ wasmUrl: `${origin}/zxing/zxing_reader.wasm` }),
    pdf: createPdfReader({ loadPdfjs: async () => (await import('pdfjs-dist')) as unknown as PdfjsLike, workerSrc: `${origin}/pdfjs/pdf.worker.min.mjs` }),
  };
}

async function read(url: string): Promise<{ result: InvoiceResult; ms: number; ocrMs: number; ocrCalls: number; initMs: number }> {
  if (!deps) throw new Error('setup first');
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const t0 = performance.now();
  const result = await readInvoice({ name: url.split('/').pop() ?? url, bytes }, deps);
  const ms = performance.now() - t0;
  const times = deps.engine.take();
  return { result, ms, ocrMs: times.calls.reduce((a, b) => a + b, 0), ocrCalls: times.calls.length, initMs: times.initMs.reduce((a, b) => a + b, 0) };
}

async function dispose(): Promise<void> {
  await deps?.engine.terminate();
  deps = null;
}

(globalThis as unknown as { ocrBench: unknown }).ocrBench = { setup, read, dispose, ready: true };
