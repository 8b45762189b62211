// Size limits of the engine: bytes per file, pixels per image, the side of a rendered PDF page.
// Checked before anything is decoded, so a huge or malformed file ends in a plain message instead of
// exhausting memory, and the next file goes on.
import { invoiceError } from './errors';
import { MAX_SIDE } from './image';
import { imageDimensions } from './sniff';

/** Largest file read (a 108-megapixel phone JPEG is ≈ 30–40 MB; PDF e-invoices are well under 1 MB). */
export const MAX_FILE_BYTES = 60 * 1024 * 1024;
/** Largest image (width × height from its header) handed to a decoder. jpeg-js refuses above 120 MP too. */
export const MAX_IMAGE_PIXELS = 120_000_000;
/** Longest side, in pixels, a PDF page is rendered to (the engine would downscale anything larger anyway). */
export const MAX_RENDER_SIDE = MAX_SIDE;

/** Throws `invoiceErrorTooLarge` when a file has more than MAX_FILE_BYTES. */
export function checkFileSize(size: number): void {
  if (size > MAX_FILE_BYTES) throw invoiceError('invoiceErrorTooLarge', (size / 1024 / 1024).toFixed(0), MAX_FILE_BYTES / 1024 / 1024);
}

/**
 * Pixel size of an image from its header, refusing images whose size cannot be read (they would have to be
 * decoded at full size to find out) and images above MAX_IMAGE_PIXELS.
 */
export function checkImageHeader(bytes: Uint8Array): { width: number; height: number } {
  const dims = imageDimensions(bytes);
  if (!dims || dims.width <= 0 || dims.height <= 0) throw invoiceError('invoiceErrorImageHeader');
  if (dims.width * dims.height > MAX_IMAGE_PIXELS) throw invoiceError('invoiceErrorTooManyPixels', dims.width, dims.height);
  return dims;
}

/** Render scale for a PDF page of `width × height` units: `preferred`, reduced so the longest side stays ≤ maxSide. */
export function renderScale(width: number, height: number, preferred: number, maxSide = MAX_RENDER_SIDE): number {
  const long = Math.max(width, height);
  if (!Number.isFinite(long) || long <= 0) return Math.min(preferred, 1);
  return Math.max(0.01, Math.min(preferred, maxSide / long));
}
