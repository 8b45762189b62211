// The tesseract.js implementation of the engine-neutral `OcrEngine` interface.
// Every file is local (no CDN): worker script, wasm core, chi_sim `4.0.0_best_int` data.
import { createWorker as tesseractCreateWorker, type Worker } from 'tesseract.js';
import { t } from '@/utils/i18n';
import { InvoiceError } from './errors';
import { encodePgm, mapBoxBack, toGray } from './image';
import type { Box, OcrEngine, OcrLine, OcrMode, OcrOutput, PixelImage } from './types';

export interface TesseractPaths {
  /** Worker script. Node: `node_modules/tesseract.js/src/worker-script/node/index.js`; extension: a URL of `worker.min.js`. */
  workerPath: string;
  /** Directory (or URL) holding `tesseract-core-*.wasm.js` (+ .wasm). */
  corePath: string;
  /** Directory (or URL) holding `chi_sim.traineddata.gz`. */
  langPath: string;
}

export interface TesseractEngineOptions {
  paths: TesseractPaths;
  /** `createWorker` hangs forever without 'wasm-unsafe-eval' in the CSP: give up after this long. Default 30 s. */
  initTimeoutMs?: number;
  /** Page segmentation mode for whole pages; measured: 3 (AUTO) beats the default 6 on invoices. Crops use 6 / 7. */
  psm?: string;
  /** Injectable for tests. */
  createWorker?: typeof tesseractCreateWorker;
}

interface TBbox { x0: number; y0: number; x1: number; y1: number }
interface TWord { text: string; confidence: number; bbox: TBbox }
interface TLine { text: string; confidence: number; bbox: TBbox; words: TWord[] }
interface TBlock { paragraphs: Array<{ lines: TLine[] }> }

const box = (b: TBbox): Box => ({ x: b.x0, y: b.y0, w: b.x1 - b.x0, h: b.y1 - b.y0 });

/** Converts tesseract.js blocks to engine-neutral lines; boxes mapped back through tesseract's own rotation. */
export function linesFromBlocks(blocks: TBlock[] | null | undefined, rotateRadians: number, width: number, height: number): OcrLine[] {
  const lines: OcrLine[] = [];
  // With rotateAuto, tesseract recognises a copy rotated about the centre; its boxes are in that frame.
  const rot = Math.abs(rotateRadians) > 1e-4 ? { scale: 1, angle: -rotateRadians, width, height } : null;
  const fix = (b: Box) => (rot ? mapBoxBack(b, rot) : b);
  for (const b of blocks ?? []) {
    for (const p of b.paragraphs ?? []) {
      for (const l of p.lines ?? []) {
        const words = (l.words ?? []).filter((w) => w.text.trim()).map((w) => ({ text: w.text, conf: w.confidence / 100, bbox: fix(box(w.bbox)) }));
        if (!words.length) continue;
        lines.push({ text: l.text.replace(/\n$/, ''), conf: l.confidence / 100, bbox: fix(box(l.bbox)), words });
      }
    }
  }
  return lines;
}

export function createTesseractEngine(opts: TesseractEngineOptions): OcrEngine {
  const create = opts.createWorker ?? tesseractCreateWorker;
  const timeoutMs = opts.initTimeoutMs ?? 30000;
  let worker: Worker | null = null;
  let starting: Promise<Worker> | null = null;
  let progress: ((p: number) => void) | undefined;
  let psmNow = '';
  let whitelistNow = '';
  const psmOf = (mode: OcrMode | undefined) => (mode === 'line' ? '7' : mode === 'block' ? '6' : (opts.psm ?? '3'));

  const start = async (): Promise<Worker> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let timedOut = false;
    const workerPromise = create('chi_sim', 1 /* OEM.LSTM_ONLY */, {
      workerPath: opts.paths.workerPath,
      corePath: opts.paths.corePath,
      langPath: opts.paths.langPath,
      workerBlobURL: false,
      gzip: true,
      cacheMethod: 'none',
      logger: (m: { status?: string; progress?: number }) => {
        if (m.status === 'recognizing text' && typeof m.progress === 'number') progress?.(m.progress);
      },
      errorHandler: () => {
        /* job rejections are delivered to the awaiting promise; without a handler tesseract.js throws globally */
      },
    });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        reject(new InvoiceError('invoiceOcrInitTimeout', t('invoiceOcrInitTimeout', Math.round(timeoutMs / 1000))));
      }, timeoutMs);
    });
    // A worker that shows up after the timeout is released at once.
    workerPromise.then((w) => { if (timedOut) void w.terminate(); }, () => {});
    try {
      const w = await Promise.race([workerPromise, timeout]);
      // debug_file: tesseract's diagnostics ("Estimating resolution as …") go nowhere instead of stderr/console.
      await w.setParameters({ tessedit_pageseg_mode: psmOf('page') as never, debug_file: '/dev/null' } as never);
      psmNow = psmOf('page');
      return w;
    } catch (e) {
      if (e instanceof InvoiceError) throw e;
      const msg = e instanceof Error ? e.message : String(e);
      throw new InvoiceError('invoiceOcrInitFailed', t('invoiceOcrInitFailed', msg));
    } finally {
      clearTimeout(timer);
    }
  };

  const engine: OcrEngine = {
    name: 'tesseract.js',
    async init() {
      if (worker) return;
      if (!starting) starting = start();
      try {
        worker = await starting;
      } finally {
        starting = null;
      }
    },
    async recognize(image: PixelImage, o?: { onProgress?: (p: number) => void; mode?: OcrMode; whitelist?: string }): Promise<OcrOutput> {
      await engine.init();
      const w = worker!;
      progress = o?.onProgress;
      try {
        const psm = psmOf(o?.mode);
        if (psm !== psmNow) {
          await w.setParameters({ tessedit_pageseg_mode: psm as never } as never);
          psmNow = psm;
        }
        // Only these characters (an amount's crop: digits and the point); every other reading takes all.
        const wl = o?.whitelist ?? '';
        if (wl !== whitelistNow) {
          await w.setParameters({ tessedit_char_whitelist: wl } as never);
          whitelistNow = wl;
        }
        const pgm = encodePgm(toGray(image));
        // Whole pages may be slightly rotated (tesseract levels them); crops are cut level.
        const r = await w.recognize(pgm as never, { rotateAuto: !o?.mode || o.mode === 'page' }, { text: false, blocks: true });
        const data = r.data as unknown as { blocks: TBlock[] | null; rotateRadians: number | null };
        return { lines: linesFromBlocks(data.blocks, data.rotateRadians ?? 0, image.width, image.height) };
      } finally {
        progress = undefined;
      }
    },
    async terminate() {
      const w = worker ?? (starting ? await starting.catch(() => null) : null);
      worker = null;
      starting = null;
      psmNow = '';
      whitelistNow = '';
      if (w) await w.terminate();
    },
  };
  return engine;
}
