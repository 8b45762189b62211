// Shared types of the invoice reading engine. Runs in Node (CLI, bench) and in the extension:
// nothing here may touch DOM globals.

/** Field names, in the order the review UI shows them. UI inputs carry `data-field="<name>"`. */
export const FIELD_NAMES = [
  'invoiceCode',
  'invoiceNumber',
  'checkCode',
  'issueDate',
  'payerName',
  'hospital',
  'totalAmount',
  'totalAmountUpper',
  'visitType',
  'insuranceType',
  'insuranceTypeText',
  'fundPaid',
  'accountPaid',
  'cashPaid',
  'hospitalizationPeriod',
] as const;

export type FieldName = (typeof FIELD_NAMES)[number];

export type VisitType = 'outpatient' | 'emergency' | 'inpatient';
export type InsuranceType = 'employee' | 'resident' | 'unknown';

/**
 * Values as read. Every field is `null` when not found.
 * - invoiceCode: 8 digits (a redacted/partial read may be shorter; cross-check warns)
 * - invoiceNumber: 10 digits (same remark)
 * - checkCode: 6 lower-case hex chars
 * - issueDate: YYYY-MM-DD
 * - amounts: plain decimal with two places, no separators: "1234.50"
 * - hospitalizationPeriod: [start, end], both YYYY-MM-DD
 */
export interface InvoiceFields {
  invoiceCode: string | null;
  invoiceNumber: string | null;
  checkCode: string | null;
  issueDate: string | null;
  payerName: string | null;
  hospital: string | null;
  totalAmount: string | null;
  totalAmountUpper: string | null;
  visitType: VisitType | null;
  insuranceType: InsuranceType | null;
  insuranceTypeText: string | null;
  fundPaid: string | null;
  accountPaid: string | null;
  cashPaid: string | null;
  hospitalizationPeriod: [string, string] | null;
}

export type FieldSource = 'qr' | 'pdf' | 'ocr';

/**
 * Confidence under which an OCR value is not shown as certain (the review marks it ⚠ 请核对; the engine gives
 * such fields a second look). The engine keeps its confidences calibrated to this line: a value at or above
 * it was read well and confirmed by its shape, its label, another independent reading or a cross-check.
 * (utils/invoice-ui/review.ts `LOW_CONFIDENCE` holds the same number.)
 */
export const CHECK_BELOW = 0.85;

/** Axis-aligned box in source-image pixel coordinates (for PDFs: PDF user units scaled ×1 of page `page`, origin top-left). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  /** 0-based page index (PDFs only). */
  page?: number;
}

/** A warning (cross-check failure …) or an error. `code` is stable; `message` is user-facing (i18n). */
export interface Issue {
  code: string;
  message: string;
  /** Fields the issue concerns (their confidence was lowered). */
  fields?: FieldName[];
  /** The values the message was built from, when something must be undone later (e.g. what was read). */
  params?: string[];
}

export interface InvoiceResult {
  /** The input's name as given by the caller. */
  file: string;
  fields: InvoiceFields;
  /** 0..1 per field; 0 when not found. */
  confidence: Record<FieldName, number>;
  source: Record<FieldName, FieldSource | null>;
  /** Where each value was read (empty when unknown, e.g. QR values or inferred fields). */
  boxes: Record<FieldName, Box[]>;
  warnings: Issue[];
  /** Set when the file could not be read at all (broken, unsupported, not an invoice …). */
  error?: Issue;
  /** Wall time spent on this file in milliseconds. */
  ms: number;
  /** Pixel size of the image the boxes refer to (after downscaling; for PDFs the first page at scale 1). */
  imageSize?: { width: number; height: number };
}

// ---------- pixels ----------

/** Decoded image: RGBA, row-major, 4 bytes per pixel. */
export interface PixelImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
  /**
   * Set by decoders that already downscaled while decoding (browser: createImageBitmap with resize):
   * the size of the picture as the user has it, so boxes can be reported in its pixels.
   */
  sourceSize?: { width: number; height: number };
}

// ---------- text from OCR / PDF ----------

export interface OcrWord {
  text: string;
  /** 0..1 */
  conf: number;
  bbox: Box;
}

export interface OcrLine {
  text: string;
  /** 0..1 */
  conf: number;
  bbox: Box;
  words: OcrWord[];
  /** Which recognition produced it (set by the reader): readings agree independently only across reads. */
  read?: number;
}

export interface OcrOutput {
  lines: OcrLine[];
}

export type ProgressPhase = 'sniff' | 'decode' | 'pdf' | 'qr' | 'ocr-init' | 'ocr' | 'parse' | 'done';

export interface ProgressEvent {
  /** Name of the file being read. */
  file: string;
  /** 0-based index and total count when reading several files. */
  index: number;
  count: number;
  phase: ProgressPhase;
  /** 0..1 progress of the whole file. */
  progress: number;
}

export type ProgressCallback = (e: ProgressEvent) => void;

/**
 * What a picture holds: a whole page (layout analysis, rotation), a block of a few lines, or one line
 * (crops of single fields in the second pass).
 */
export type OcrMode = 'page' | 'block' | 'line';

/** Engine-neutral OCR interface (tesseract.js now; PP-OCR may be added behind it). */
export interface OcrEngine {
  readonly name: string;
  /** Starts the engine; idempotent. Rejects with an Issue-like Error (code `invoiceOcrInitFailed`) on failure/timeout. */
  init(): Promise<void>;
  recognize(image: PixelImage, opts?: { onProgress?: (p: number) => void; mode?: OcrMode; whitelist?: string }): Promise<OcrOutput>;
  /** Releases the worker; a later `recognize` starts it again. */
  terminate(): Promise<void>;
}

/** QR decoding: returns the decoded texts of every QR code found (empty array when none). */
export type QrDecoder = (image: PixelImage) => Promise<string[]>;

export interface PdfTextItem {
  text: string;
  /** Box in page units, origin top-left, page index set. */
  bbox: Box;
}

export interface PdfPage {
  width: number;
  height: number;
  /** Text grouped into visual lines (radical code points already normalised). */
  lines: OcrLine[];
}

export interface PdfReader {
  /** Text layer of every page. */
  extractText(bytes: Uint8Array): Promise<PdfPage[]>;
  /**
   * Renders a page to pixels for OCR (scanned PDFs). Optional: absent in Node without a canvas,
   * then a scanned PDF gets the error `invoicePdfScannedNeedsBrowser`.
   */
  renderPage?(bytes: Uint8Array, pageIndex: number, scale: number): Promise<PixelImage>;
}

/** Decodes image bytes (already sniffed) into pixels. Must refuse HEIC with `invoiceHeicUnsupported`. */
export type ImageDecoder = (bytes: Uint8Array, mime: string) => Promise<PixelImage>;

export interface InvoiceInput {
  name: string;
  bytes: Uint8Array;
  /** Hint only; the type is sniffed from the magic bytes. */
  mime?: string;
}

export interface ReadInvoiceDeps {
  engine: OcrEngine;
  decodeImage: ImageDecoder;
  /** Optional: without it QR codes are not read. */
  qr?: QrDecoder;
  /** Optional: without it PDFs are refused. */
  pdf?: PdfReader;
  onProgress?: ProgressCallback;
  /** Second OCR pass on the regions of weak fields (red channel, background normalisation, enlarged) — default true. */
  secondPass?: boolean;
  /** Engine for the second look at the name fields' crops (hospital, payer) and the seal ring (default: `engine`). The benchmark compares PP-OCR here. */
  regionEngine?: OcrEngine;
}

/** Empty per-field record helper. */
export function fieldRecord<T>(make: (f: FieldName) => T): Record<FieldName, T> {
  const out = {} as Record<FieldName, T>;
  for (const f of FIELD_NAMES) out[f] = make(f);
  return out;
}

export function emptyFields(): InvoiceFields {
  return fieldRecord(() => null) as unknown as InvoiceFields;
}
