// QR codes of fiscal e-invoices: decoding (zxing-wasm, local .wasm only) and payload parsing.
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import { cropTop, grayToRgba, scaleGray, toGray } from './image';
import { isRealDate, ymd } from './shapes';
import type { PixelImage, QrDecoder } from './types';

export interface QrFields {
  invoiceCode: string;
  invoiceNumber: string;
  checkCode: string | null;
  totalAmount: string | null;
  issueDate: string | null;
}

function decodeParam(v: string): string {
  try {
    return decodeURIComponent(v.replace(/\+/g, ' '));
  } catch {
    return v;
  }
}

/** Classifies tokens by shape (not position): 8 digits → code, 10 → number, 6 hex → check code, … */
function classify(tokens: string[]): QrFields | null {
  let invoiceCode: string | null = null;
  let invoiceNumber: string | null = null;
  let checkCode: string | null = null;
  let totalAmount: string | null = null;
  let issueDate: string | null = null;
  for (const raw of tokens) {
    const tok = raw.trim();
    if (!tok) continue;
    const date = /^(20\d{2})(\d{2})(\d{2})$/.exec(tok) ?? /^(20\d{2})-(\d{2})-(\d{2})$/.exec(tok);
    if (date && isRealDate(Number(date[1]), Number(date[2]), Number(date[3])) && !issueDate) {
      issueDate = ymd(Number(date[1]), Number(date[2]), Number(date[3]));
    } else if (/^\d{8}$/.test(tok) && !invoiceCode) invoiceCode = tok;
    else if (/^\d{10}$/.test(tok) && !invoiceNumber) invoiceNumber = tok;
    else if (/^[0-9a-fA-F]{6}$/.test(tok) && !checkCode) checkCode = tok.toLowerCase();
    else if (/^\d{1,9}(\.\d{1,2})?$/.test(tok) && !totalAmount) {
      const [i, d = ''] = tok.split('.');
      totalAmount = `${Number(i)}.${d.padEnd(2, '0')}`;
    }
  }
  if (!invoiceCode || !invoiceNumber) return null;
  return { invoiceCode, invoiceNumber, checkCode, totalAmount, issueDate };
}

/**
 * Parses a decoded QR text. Supports the national platform's `…?d=代码_号码_校验码_[金额_]日期` (parts recognised
 * by their shape, in any order) and check-page URLs `…/page/{代码}/{号码}/{校验码}`; also a bare
 * `代码_号码_…` / comma-separated list. Returns null when the text carries no invoice code and number.
 */
export function parseQrPayload(text: string): QrFields | null {
  if (typeof text !== 'string' || !text) return null;
  const t = text.trim();
  // VAT invoices: "01,{type},{code},{number},{amount},{date},{check},…" — not a medical invoice.
  if (/^01,\d{2},/.test(t)) return null;
  const d = /[?&#]d=([^&#\s]+)/i.exec(t);
  if (d) {
    const r = classify(decodeParam(d[1]!).split(/[_,|]/));
    if (r) return r;
  }
  const page = /\/page\/([^?#\s]+)/i.exec(t);
  if (page) {
    const r = classify(page[1]!.split('/').map(decodeParam));
    if (r) return r;
  }
  if (!/^[a-z]+:\/\//i.test(t)) {
    const r = classify(t.split(/[_,|;\s]/));
    if (r) return r;
  }
  // Any URL: try the query values and path segments.
  const parts = t.split(/[/?&=#_]/).map(decodeParam);
  return classify(parts);
}

export interface QrDecoderOptions {
  /** URL of `zxing_reader.wasm` (extension: `browser.runtime.getURL('/zxing_reader.wasm')`). */
  wasmUrl?: string;
  /** The wasm bytes themselves (Node: `fs.readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'))`). */
  wasmBinary?: ArrayBuffer | Uint8Array;
}

const READER_OPTIONS: ReaderOptions = { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 4 };

/**
 * Creates a QR decoder. zxing-wasm fetches its .wasm from a CDN by default — here it is always local.
 * Hard photos: when nothing decodes, retries once on a 2× grayscale copy.
 */
export function createQrDecoder(opts: QrDecoderOptions): QrDecoder {
  let prepared = false;
  const prepare = () => {
    if (prepared) return;
    const overrides: Record<string, unknown> = {};
    if (opts.wasmBinary) {
      const b = opts.wasmBinary;
      overrides.wasmBinary = b instanceof Uint8Array ? b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) : b;
    }
    const url = opts.wasmUrl;
    overrides.locateFile = (path: string, prefix: string) => (path.endsWith('.wasm') && url ? url : prefix + path);
    if (!opts.wasmBinary && !url) throw new Error('createQrDecoder: wasmUrl or wasmBinary is required (no CDN)');
    prepareZXingModule({ overrides, equalityFn: Object.is, fireImmediately: false });
    prepared = true;
  };
  const read = async (img: PixelImage): Promise<string[]> => {
    const res = await readBarcodes({ data: img.data, width: img.width, height: img.height, colorSpace: 'srgb' } as unknown as ImageData, READER_OPTIONS);
    return res.filter((r) => r.isValid && r.text).map((r) => r.text);
  };
  return async (image: PixelImage) => {
    prepare();
    const first = await read(image);
    if (first.length) return first;
    // Retry: 2× grayscale of the upper half, where e-invoices print their QR (a full-page 2× retry cost
    // ~4 s per QR-less image on this machine); capped so a big photo does not explode.
    const top = cropTop(image, 0.5);
    const factor = Math.min(2, 3000 / Math.max(top.width, top.height));
    if (factor <= 1.05) return read(grayToRgba(toGray(top)));
    return read(grayToRgba(scaleGray(toGray(top), factor)));
  };
}
