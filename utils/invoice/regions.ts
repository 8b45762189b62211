// The second pass, only where it is needed: the regions of the fields pass 1 read weakly or not at all, found
// from where their labels (or their weak values) are printed, cut out of the page, cleaned (red channel: the
// seals vanish; background levelled; small text enlarged) and read again as a line or a small block.
import { eraseRules, normalizeBackground, scaleGray, softThreshold, toGray, grayToRgba, unsharpMask, type GrayImage } from './image';
import type { LabelKey } from './labels';
import type { ParsedText } from './parse';
import type { Box, FieldName, OcrLine, OcrMode, PixelImage } from './types';

export interface Region {
  fields: FieldName[];
  /** In the pixels of the page the first pass read. */
  box: Box;
  mode: OcrMode;
  /** Channel the crop is read in: red removes red seals (and red ink), luma keeps red print (serial numbers). */
  channel: 'red' | 'luma';
}

/** Labels whose position tells where a field's value is. */
const ANCHORS: Partial<Record<FieldName, LabelKey[]>> = {
  invoiceCode: ['invoiceCode'],
  invoiceNumber: ['invoiceNumber'],
  checkCode: ['checkCode'],
  issueDate: ['issueDate'],
  payerName: ['payerName'],
  hospital: ['hospital'],
  totalAmount: ['totalAmount', 'totalAmountUpper'],
  fundPaid: ['fundPaid'],
  accountPaid: ['accountPaid'],
  cashPaid: ['cashPaid'],
  visitType: ['visitLabel'],
  insuranceTypeText: ['insuranceTypeText'],
  hospitalizationPeriod: ['hospitalizationPeriod'],
};

/**
 * Where a field's own label went unread, a label printed next to it tells where to look: the national form
 * prints 交款人 just before 交款人统一社会信用代码 (the paper forms: 姓名 before 身份证号 / 医保卡号) — on the same
 * row, or as the cell to its left in a table whose values sit under the labels.
 */
const BEFORE: Partial<Record<FieldName, LabelKey>> = { payerName: 'payerId' };

/** Serial numbers are often printed in red: read them in luma. */
const LUMA: FieldName[] = ['invoiceCode', 'invoiceNumber', 'checkCode'];

/** Order in which regions are worth a second look (at most MAX_REGIONS are read). */
const PRIORITY: FieldName[] = ['hospital', 'totalAmount', 'invoiceNumber', 'payerName', 'issueDate', 'invoiceCode', 'checkCode', 'fundPaid', 'cashPaid', 'accountPaid', 'hospitalizationPeriod', 'insuranceTypeText', 'visitType'];
export const MAX_REGIONS = 5;

const clip = (b: Box, W: number, H: number): Box => {
  const x0 = Math.max(0, Math.round(b.x)), y0 = Math.max(0, Math.round(b.y));
  const x1 = Math.min(W, Math.round(b.x + b.w)), y1 = Math.min(H, Math.round(b.y + b.h));
  return { x: x0, y: y0, w: Math.max(0, x1 - x0), h: Math.max(0, y1 - y0) };
};

const union = (a: Box, b: Box): Box => {
  const x0 = Math.min(a.x, b.x), y0 = Math.min(a.y, b.y);
  return { x: x0, y: y0, w: Math.max(a.x + a.w, b.x + b.w) - x0, h: Math.max(a.y + a.h, b.y + b.h) - y0 };
};

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Regions to read again for `weak` fields: around a weak value (with its label), or — no value — right of and
 * under each of its labels. Fields without a label found and without a value get no region.
 */
export function regionsFor(weak: FieldName[], parsed: ParsedText, valueBoxes: Partial<Record<FieldName, Box[]>>, page: { width: number; height: number }): Region[] {
  const out: Region[] = [];
  const order = [...weak].sort((a, b) => PRIORITY.indexOf(a) - PRIORITY.indexOf(b));
  for (const f of order) {
    const anchors = parsed.anchors.filter((a) => ANCHORS[f]?.includes(a.key));
    const vb = valueBoxes[f]?.[0];
    const boxes: Array<{ box: Box; mode: OcrMode }> = [];
    if (vb && vb.w > 0) {
      const H = Math.max(8, vb.h);
      let b: Box = { x: vb.x - 2 * H, y: vb.y - 0.3 * H, w: vb.w + 5 * H, h: vb.h + 0.6 * H };
      let mode: OcrMode = 'line';
      // its label: on the same row before it, or just above it (stacked cells)
      const before = anchors.find((a) => Math.abs(a.box.y + a.box.h / 2 - (vb.y + vb.h / 2)) < 0.6 * H && a.box.x < vb.x);
      const above = anchors.find((a) => a.box.y < vb.y && vb.y - (a.box.y + a.box.h) < 1.5 * H && a.box.x < vb.x + vb.w && vb.x < a.box.x + a.box.w + 2 * H);
      if (before) b = union(b, { x: before.box.x - 0.3 * H, y: before.box.y - 0.3 * H, w: before.box.w, h: before.box.h + 0.6 * H });
      else if (above) {
        b = union(b, { x: above.box.x - 0.3 * H, y: above.box.y - 0.3 * H, w: above.box.w, h: above.box.h + 0.6 * H });
        mode = 'block';
      }
      boxes.push({ box: b, mode });
    } else if (!anchors.length && BEFORE[f]) {
      // the label and its value left of the neighbour's label: its row and the two under it
      for (const a of parsed.anchors.filter((n) => n.key === BEFORE[f]).slice(0, 1)) {
        const H = Math.max(8, a.charH);
        const left = { x: a.box.x - 16 * H, y: a.box.y - 0.4 * H, w: 15.8 * H, h: a.box.h + 3.4 * H };
        // the neighbour starts its row (no room for a label and a value left of it): the row above it, from its
        // column on (a table of the paper forms: 姓名 over 社会保障号码)
        if (clip(left, page.width, page.height).w >= 4 * H) boxes.push({ box: left, mode: 'block' });
        else boxes.push({ box: { x: a.box.x - 0.5 * H, y: a.box.y - 2.6 * H, w: 16 * H, h: 2.5 * H }, mode: 'block' });
      }
    } else {
      for (const a of anchors.slice(0, 2)) {
        const H = Math.max(8, a.charH);
        // the label and what follows it on its row; the label with the row under it
        boxes.push({ box: { x: a.box.x - 0.3 * H, y: a.box.y - 0.3 * H, w: Math.min(30 * H, page.width), h: a.box.h + 0.6 * H }, mode: 'line' });
        boxes.push({ box: { x: a.box.x - 1.5 * H, y: a.box.y - 0.3 * H, w: a.box.w + 14 * H, h: a.box.h + 2.2 * H }, mode: 'block' });
      }
    }
    for (const { box, mode } of boxes) {
      const b = clip(box, page.width, page.height);
      if (b.w < 8 || b.h < 8) continue;
      const channel = LUMA.includes(f) ? 'luma' : 'red';
      const tol = 0.25 * b.h;
      const same = out.find((r) => r.channel === channel && r.mode === mode && overlaps(r.box, b) && Math.abs(r.box.y - b.y) < tol && Math.abs(r.box.h - b.h) < tol);
      if (same) {
        same.box = clip(union(same.box, b), page.width, page.height);
        if (!same.fields.includes(f)) same.fields.push(f);
      } else out.push({ fields: [f], box: b, mode, channel });
    }
  }
  return out.slice(0, MAX_REGIONS);
}

/** Character height the crops are enlarged towards (tesseract reads CJK best around 30 px). */
const TARGET_CHAR = 32;

/** Cuts a region out, cleans and enlarges it; returns the picture and how to map its boxes back. */
export function prepareRegion(page: PixelImage, r: Region, charH: number, opts: { sharpen?: boolean; crossRules?: boolean } = {}): { image: PixelImage; scale: number; offset: { x: number; y: number } } {
  const { x, y, w, h } = r.box;
  const crop: PixelImage = { width: w, height: h, data: new Uint8ClampedArray(w * h * 4) };
  for (let row = 0; row < h; row++) crop.data.set(page.data.subarray(((y + row) * page.width + x) * 4, ((y + row) * page.width + x + w) * 4), row * w * 4);
  let g: GrayImage = toGray(crop, r.channel);
  const scale = Math.max(1, Math.min(3, TARGET_CHAR / Math.max(8, charH)));
  if (scale > 1.05) g = scaleGray(g, scale);
  g = normalizeBackground(g, Math.max(16, Math.round(24 * scale)));
  const ch = Math.max(8, charH) * scale;
  g = eraseRules(g, Math.round(3 * ch), Math.round(1.6 * ch));
  // (an amount's cell: a table's vertical rule crossing the whole crop, too short for eraseRules, reads as 1)
  if (opts.crossRules) g = eraseCrossingRules(g);
  // (the band is found on the crop's ink stretched to full contrast: a blurred photo's strokes stay lighter than
  // any fixed ink level, and the band found on them was a sliver of the line or a table rule)
  const band = r.mode === 'line' ? keepMiddleLine(g, 128, softThreshold(g)) : null;
  // (sharpened: a blurred photo's strokes steepened before the threshold, for a second reading)
  if (opts.sharpen) g = unsharpMask(g, Math.max(1, ch / 16), 1);
  g = softThreshold(g);
  const s = scale > 1.05 ? scale : 1;
  if (!band) return { image: grayToRgba(g), scale: s, offset: { x, y } };
  const t = trimToInk(g, band, TRIM_MARGIN);
  return { image: grayToRgba(t.image), scale: s, offset: { x: x + t.x / s, y: y + t.y / s } };
}

/** Columns dark over at least `share` of the crop's height (a vertical table rule across it) turned to paper. */
export function eraseCrossingRules(g: GrayImage, share = 0.8, inkBelow = 128): GrayImage {
  const { width: w, height: h, data } = g;
  const rule = new Array<boolean>(w).fill(false);
  for (let x = 0; x < w; x++) {
    let n = 0;
    for (let y = 0; y < h; y++) if (data[y * w + x]! < inkBelow) n++;
    rule[x] = n >= share * h;
  }
  if (!rule.some(Boolean)) return g;
  const out = new Uint8Array(data);
  for (let x = 0; x < w; x++) {
    if (!rule[x]) continue;
    for (let xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) for (let y = 0; y < h; y++) out[y * w + xx] = 255;
  }
  return { width: w, height: h, data: out };
}

/** Margin kept around a line's ink, in line heights (tesseract reads a line worse with more paper around it). */
const TRIM_MARGIN = 0.2;

/**
 * The line's band of rows and the columns its ink spans, with `margin` line heights of paper around: psm 7 reads
 * a line measurably worse with paper above and below it (seeds 401–402, hospital crops: exact 42 → 57 of 216).
 */
export function trimToInk(g: GrayImage, band: [number, number], margin: number, inkBelow = 128): { image: GrayImage; x: number; y: number } {
  const { width: w, height: h, data } = g;
  const m = Math.max(2, Math.round(margin * (band[1] - band[0] + 1)));
  let left = w, right = -1;
  for (let y = band[0]; y <= band[1]; y++) {
    for (let x = 0; x < w; x++) {
      if (data[y * w + x]! < inkBelow) {
        if (x < left) left = x;
        if (x > right) right = x;
      }
    }
  }
  if (right < 0) return { image: g, x: 0, y: 0 };
  const x0 = Math.max(0, left - m), x1 = Math.min(w, right + 1 + m);
  const y0 = Math.max(0, band[0] - m), y1 = Math.min(h, band[1] + 1 + m);
  const W = x1 - x0, H = y1 - y0;
  const out = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) out.set(data.subarray((y0 + y) * w + x0, (y0 + y) * w + x1), y * W);
  return { image: { width: W, height: H, data: out }, x: x0, y: y0 };
}

/**
 * Keeps only the band of rows holding the crop's line (the band at or nearest to the crop's middle): the
 * edge of the line above or below, a QR code's last modules, a table rule would be read as characters.
 * `measure` (same size) is where ink is looked for; the rows are blanked in `g`.
 */
export function keepMiddleLine(g: GrayImage, inkBelow = 128, measure: GrayImage = g): [number, number] | null {
  const { width: w, height: h, data } = g;
  const ink = new Array<number>(h).fill(0);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (measure.data[y * w + x]! < inkBelow) ink[y]!++;
  const isInk = ink.map((n) => n > 0.004 * w);
  const bands: Array<[number, number]> = [];
  let y = 0;
  while (y < h) {
    if (!isInk[y]) { y++; continue; }
    const start = y;
    let end = y;
    let gap = 0;
    for (y = y + 1; y < h; y++) {
      if (isInk[y]) { end = y; gap = 0; } else if (++gap > Math.max(2, 0.04 * h)) break;
    }
    bands.push([start, end]);
  }
  if (bands.length < 2) return bands[0] ?? null;
  const mid = h / 2;
  const dist = ([a, b]: [number, number]) => (mid >= a && mid <= b ? 0 : Math.min(Math.abs(mid - a), Math.abs(mid - b)));
  // The middle band, unless a clearly taller one (the line itself, off-centre) exists.
  const best = [...bands].sort((p, q) => dist(p) - dist(q) || q[1] - q[0] - (p[1] - p[0]))[0]!;
  const lo = Math.max(0, best[0] - 2), hi = Math.min(h - 1, best[1] + 2);
  for (let yy = 0; yy < h; yy++) if (yy < lo || yy > hi) data.fill(255, yy * w, yy * w + w);
  return best;
}

/** Boxes of lines read on a prepared region, back in the page's pixels. */
export function regionLinesToPage(lines: OcrLine[], scale: number, offset: { x: number; y: number }): OcrLine[] {
  const m = (b: Box): Box => ({ x: Math.round(b.x / scale + offset.x), y: Math.round(b.y / scale + offset.y), w: Math.round(b.w / scale), h: Math.round(b.h / scale) });
  return lines.map((l) => ({ ...l, bbox: m(l.bbox), words: l.words.map((w) => ({ ...w, bbox: m(w.bbox) })) }));
}

/** Characters an amount is printed with: a digits-only reading cannot turn a seal's remains into letters. */
export const AMOUNT_CHARS = '0123456789.';

/**
 * Where an amount's value is printed, to read it again digits only: the word holding digits nearest right of
 * its label on the label's row (wherever it was read — a reading under a seal gives "422-73" for 422.73), else
 * the cell right of the label. Null when the label was not found.
 */
export function amountValueBox(labelBoxes: Box[], lines: OcrLine[], page: { width: number; height: number }): Box | null {
  const a = labelBoxes[0];
  if (!a) return null;
  const H = Math.max(8, a.h);
  const mid = a.y + a.h / 2;
  const right = a.x + a.w;
  let best: Box | null = null;
  for (const l of lines) {
    for (const w of l.words) {
      const b = w.bbox;
      if (Math.abs(b.y + b.h / 2 - mid) > 0.6 * H || b.x < right - 0.2 * H || b.x > right + 14 * H || b.h > 2 * H) continue;
      if ((w.text.match(/\d/g) ?? []).length < 2) continue;
      if (!best || b.x < best.x) best = b;
    }
  }
  const box = best ? { x: best.x - 0.3 * H, y: best.y - 0.4 * H, w: best.w + 0.9 * H, h: best.h + 0.8 * H } : { x: right + 0.2 * H, y: a.y - 0.3 * H, w: 8 * H, h: a.h + 0.6 * H };
  const b = clip(box, page.width, page.height);
  return b.w >= 8 && b.h >= 8 ? b : null;
}
