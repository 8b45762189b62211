// PDF e-invoices: the text layer via pdfjs-dist (exact), grouped into lines with boxes; optional rendering of
// scanned pages for OCR when a canvas is available (browser: OffscreenCanvas; Node: none → clear refusal).
import { MAX_RENDER_SIDE } from './limits';
import { normalizeRadicals } from './radicals';
import type { Box, OcrLine, OcrWord, PdfPage, PdfReader, PixelImage } from './types';

/** The subset of the pdfjs-dist module used here (main build in the extension, legacy build in Node). */
export interface PdfjsLike {
  getDocument(src: { data: Uint8Array; isEvalSupported?: boolean; useSystemFonts?: boolean; disableFontFace?: boolean; verbosity?: number }): { promise: Promise<PdfDocLike>; destroy?: () => Promise<void> };
  GlobalWorkerOptions: { workerSrc: string };
}
interface PdfDocLike {
  numPages: number;
  getPage(n: number): Promise<PdfPageLike>;
  destroy(): Promise<void>;
}
interface PdfPageLike {
  getViewport(o: { scale: number }): { width: number; height: number };
  getTextContent(): Promise<{ items: Array<{ str?: string; transform?: number[]; width?: number; height?: number }> }>;
  render(o: Record<string, unknown>): { promise: Promise<void> };
}

/** A canvas for rendering: returns RGBA pixels once pdfjs has drawn into `context`. */
export interface CanvasLike {
  canvas: unknown;
  context: unknown;
  read(): PixelImage;
}

export interface PdfReaderOptions {
  /** Loads pdfjs (lazy: PDFs are rare next to photos). */
  loadPdfjs: () => Promise<PdfjsLike>;
  /** Worker script URL/path (extension: `browser.runtime.getURL('/pdf.worker.min.mjs')`). */
  workerSrc?: string;
  /** Canvas factory for rendering scanned pages; absent → `renderPage` is not offered. */
  createCanvas?: (width: number, height: number) => CanvasLike;
  /** Max pages read (invoices are 1–2 pages). */
  maxPages?: number;
  /** Longest side of a rendered page in pixels, whatever scale is asked for (default MAX_RENDER_SIDE). */
  maxRenderSide?: number;
}

interface Item {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Groups positioned text items into reading-order lines; adjacent items with a small gap become one word. */
export function itemsToLines(items: Item[], page: number): OcrLine[] {
  const its = items.filter((i) => i.text.trim()).sort((a, b) => a.y + a.h / 2 - (b.y + b.h / 2) || a.x - b.x);
  const rows: Item[][] = [];
  for (const it of its) {
    const cy = it.y + it.h / 2;
    const row = rows.find((r) => {
      const r0 = r[0]!;
      return Math.abs(r0.y + r0.h / 2 - cy) < Math.max(2, 0.5 * Math.min(r0.h, it.h));
    });
    if (row) row.push(it);
    else rows.push([it]);
  }
  const lines: OcrLine[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    const words: OcrWord[] = [];
    let cur: Item | null = null;
    for (const it of row) {
      if (cur && it.x - (cur.x + cur.w) < 0.3 * Math.max(cur.h, it.h)) {
        const x1 = Math.max(cur.x + cur.w, it.x + it.w);
        const y0 = Math.min(cur.y, it.y);
        const y1 = Math.max(cur.y + cur.h, it.y + it.h);
        cur = { text: cur.text + it.text, x: cur.x, y: y0, w: x1 - cur.x, h: y1 - y0 };
      } else {
        if (cur) words.push(toWord(cur, page));
        cur = { ...it };
      }
    }
    if (cur) words.push(toWord(cur, page));
    const bbox = words.map((w) => w.bbox).reduce((a, b) => union(a, b));
    lines.push({ text: words.map((w) => w.text).join(' '), conf: 1, bbox, words });
  }
  return lines.sort((a, b) => a.bbox.y - b.bbox.y || a.bbox.x - b.bbox.x);
}

function toWord(it: Item, page: number): OcrWord {
  return { text: normalizeRadicals(it.text).replace(/\s+$/, ''), conf: 1, bbox: { x: round(it.x), y: round(it.y), w: round(it.w), h: round(it.h), page } };
}

const round = (n: number) => Math.round(n * 10) / 10;

function union(a: Box, b: Box): Box {
  const x0 = Math.min(a.x, b.x), y0 = Math.min(a.y, b.y);
  const x1 = Math.max(a.x + a.w, b.x + b.w), y1 = Math.max(a.y + a.h, b.y + b.h);
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0, page: a.page };
}

export function createPdfReader(opts: PdfReaderOptions): PdfReader {
  let pdfjsPromise: Promise<PdfjsLike> | null = null;
  const pdfjs = async () => {
    if (!pdfjsPromise) {
      pdfjsPromise = opts.loadPdfjs().then((m) => {
        if (opts.workerSrc) m.GlobalWorkerOptions.workerSrc = opts.workerSrc;
        return m;
      });
    }
    return pdfjsPromise;
  };
  const open = async (bytes: Uint8Array) => {
    const m = await pdfjs();
    // pdfjs transfers/detaches the buffer: give it a copy so the caller's bytes survive.
    return m.getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  };
  const reader: PdfReader = {
    async extractText(bytes: Uint8Array): Promise<PdfPage[]> {
      const doc = await open(bytes);
      try {
        const pages: PdfPage[] = [];
        const n = Math.min(doc.numPages, opts.maxPages ?? 4);
        for (let p = 1; p <= n; p++) {
          const page = await doc.getPage(p);
          const vp = page.getViewport({ scale: 1 });
          const tc = await page.getTextContent();
          const items: Item[] = [];
          for (const it of tc.items) {
            if (typeof it.str !== 'string' || !it.transform) continue;
            const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = it.transform;
            // Rotated text is a seal's circular inscription (or a vertical side label): it would be spliced
            // into the horizontal lines it crosses ("苏苏州大学附属第医一医院"). Keep horizontal text only.
            if (Math.abs(Math.atan2(b, a)) > (8 * Math.PI) / 180 || Math.abs(c) > 0.15 * Math.abs(d)) continue;
            const fontH = Math.hypot(b, d) || Math.abs(a) || 10;
            const h = it.height && it.height > 0 ? it.height : fontH;
            items.push({ text: it.str, x: e, y: vp.height - f - h, w: it.width ?? 0, h });
          }
          pages.push({ width: vp.width, height: vp.height, lines: itemsToLines(items, p - 1) });
        }
        return pages;
      } finally {
        await doc.destroy();
      }
    },
  };
  if (opts.createCanvas) {
    const createCanvas = opts.createCanvas;
    reader.renderPage = async (bytes: Uint8Array, pageIndex: number, scale: number): Promise<PixelImage> => {
      const doc = await open(bytes);
      try {
        const page = await doc.getPage(pageIndex + 1);
        const unit = page.getViewport({ scale: 1 });
        const maxSide = opts.maxRenderSide ?? MAX_RENDER_SIDE;
        const safe = Math.min(scale, maxSide / Math.max(1, unit.width, unit.height));
        const vp = page.getViewport({ scale: safe });
        const c = createCanvas(Math.min(maxSide, Math.max(1, Math.ceil(vp.width))), Math.min(maxSide, Math.max(1, Math.ceil(vp.height))));
        await page.render({ canvas: c.canvas, canvasContext: c.context, viewport: vp, background: 'white' }).promise;
        return c.read();
      } finally {
        await doc.destroy();
      }
    };
  }
  return reader;
}

/** Canvas factory on OffscreenCanvas (extension pages / workers). Not available in Node. */
export function offscreenCanvasFactory(): ((w: number, h: number) => CanvasLike) | undefined {
  const OC = (globalThis as { OffscreenCanvas?: new (w: number, h: number) => { getContext(t: '2d'): unknown } }).OffscreenCanvas;
  if (!OC) return undefined;
  return (w, h) => {
    const canvas = new OC(w, h);
    const context = canvas.getContext('2d') as { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
    return { canvas, context, read: () => ({ width: w, height: h, data: context.getImageData(0, 0, w, h).data }) };
  };
}
