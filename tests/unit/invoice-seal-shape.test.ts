// Seals found by their ring's shape on gray pages (a monochrome scan, a photocopy): drawn pages, not renders —
// a ring with its inscription and star over rows of print; a table, a QR code, a solid round logo and print
// alone hold no seal.
import { describe, expect, it } from 'vitest';
import { findRingSeals, eraseGraySeals } from '@/utils/invoice/seal-shape';
import { findPageSeals } from '@/utils/invoice/read-invoice';
import { unrollSeal } from '@/utils/invoice/seal';
import { toGray, type GrayImage } from '@/utils/invoice/image';
import type { PixelImage } from '@/utils/invoice/types';

const PAPER = 245;
const PRINT = 30;

/** A page of paper with RGBA pixels. */
function page(w: number, h: number): PixelImage {
  const data = new Uint8ClampedArray(w * h * 4).fill(PAPER);
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  return { width: w, height: h, data };
}

type Rgb = [number, number, number];
const gray = (v: number): Rgb => [v, v, v];

/** Ink over what is there (multiplied, as ink on paper: print under a seal stays darker than both). */
function dab(img: PixelImage, x: number, y: number, c: Rgb): void {
  const xi = Math.round(x), yi = Math.round(y);
  if (xi < 0 || yi < 0 || xi >= img.width || yi >= img.height) return;
  const p = (yi * img.width + xi) * 4;
  for (let k = 0; k < 3; k++) img.data[p + k] = Math.round((img.data[p + k]! * c[k]!) / 255);
}

function rect(img: PixelImage, x: number, y: number, w: number, h: number, c: Rgb): void {
  for (let yy = Math.round(y); yy < Math.round(y + h); yy++) for (let xx = Math.round(x); xx < Math.round(x + w); xx++) dab(img, xx, yy, c);
}

/** A character-like glyph (a box with a cross inside, strokes of 2–3 px) of size s, turned by angle t. */
function glyph(img: PixelImage, cx: number, cy: number, s: number, c: Rgb, t = 0, seed = 0): void {
  const cos = Math.cos(t), sin = Math.sin(t);
  const sw = Math.max(2, Math.round(s / 9));
  const strokes: Array<[number, number, number, number]> = [
    [-0.5, -0.5, 1, 0], [-0.5, 0.5, 1, 0], [-0.5, -0.5, 0, 1], [0.5, -0.5, 0, 1], [(seed % 3) / 4 - 0.25, -0.5, 0, 1], [-0.5, ((seed * 7) % 3) / 4 - 0.25, 1, 0],
  ];
  for (const [x0, y0, dx, dy] of strokes) {
    for (let k = 0; k <= s; k++) {
      const u = (x0 + (dx * k) / s) * s, v = (y0 + (dy * k) / s) * s;
      for (let a = -sw / 2; a < sw / 2; a++) {
        const uu = u + (dy ? a : 0), vv = v + (dx ? a : 0);
        dab(img, cx + uu * cos - vv * sin, cy + uu * sin + vv * cos, c);
      }
    }
  }
}

/** Rows of print: glyphs of size `s` from (x, y), `cols` a row, `rows` rows. */
function printRows(img: PixelImage, x: number, y: number, cols: number, rows: number, s: number): void {
  for (let j = 0; j < rows; j++) for (let i = 0; i < cols; i++) glyph(img, x + i * 1.25 * s, y + j * 1.8 * s, s, gray(PRINT), 0, i + j);
}

/** A seal: ring (stroke `sw`), its inscription along the upper arc, a star, the words across its foot. */
function seal(img: PixelImage, cx: number, cy: number, r: number, c: Rgb, sw = 6): void {
  for (let y = cy - r - 1; y <= cy + r + 1; y++) {
    for (let x = cx - r - 1; x <= cx + r + 1; x++) {
      const d = Math.hypot(x - cx, y - cy);
      if (d <= r && d >= r - sw) dab(img, x, y, c);
    }
  }
  const s = 0.26 * r;
  for (let k = 0; k < 9; k++) {
    const t = ((215 + (k * 110) / 8) * Math.PI) / 180; // from lower left, over the top, to lower right
    glyph(img, cx + (r - sw - 0.65 * s) * Math.cos(t), cy + (r - sw - 0.65 * s) * Math.sin(t), s, c, t + Math.PI / 2, k);
  }
  // A five-pointed star: filled triangles are enough for a mark in the middle.
  for (let y = -0.22 * r; y <= 0.22 * r; y++) for (let x = -0.22 * r; x <= 0.22 * r; x++) if (Math.abs(x) + Math.abs(y) < 0.2 * r) dab(img, cx + x, cy + y, c);
  for (let k = 0; k < 4; k++) glyph(img, cx + (k - 1.5) * 0.3 * r, cy + 0.5 * r, 0.24 * r, c, 0, k);
}

function lumaPage(img: PixelImage): GrayImage {
  return toGray(img);
}

/** A page of print, a seal over its last rows and over the line under them (收款单位(章): the hospital's name). */
function sealedPage(sealTone: Rgb, r = 110): { img: PixelImage; cx: number; cy: number; r: number } {
  const img = page(1400, 900);
  printRows(img, 60, 80, 40, 6, 22);
  printRows(img, 60, 480, 40, 4, 22);
  printRows(img, 60, 690, 16, 1, 22);
  const cx = 420, cy = 700;
  seal(img, cx, cy, r, sealTone);
  return { img, cx, cy, r };
}

const CHAR = 22;
const find = (img: PixelImage) => findRingSeals(lumaPage(img), 2.5 * CHAR, 14 * CHAR);

describe('seals found by their ring on a gray page', () => {
  it('a gray seal (a red one scanned to gray) over rows of print: its centre and outer radius', () => {
    const { img, cx, cy, r } = sealedPage(gray(120));
    const seals = find(img);
    expect(seals).toHaveLength(1);
    expect(Math.hypot(seals[0]!.cx - cx, seals[0]!.cy - cy)).toBeLessThan(5);
    expect(Math.abs(seals[0]!.r - r)).toBeLessThan(0.06 * r);
  });

  it('a seal as black as the print (a photocopy), its ring thin', () => {
    const img = page(1400, 900);
    printRows(img, 60, 480, 40, 4, 22);
    printRows(img, 700, 690, 16, 1, 22);
    seal(img, 900, 700, 95, gray(PRINT), 4);
    const seals = find(img);
    expect(seals).toHaveLength(1);
    expect(Math.hypot(seals[0]!.cx - 900, seals[0]!.cy - 700)).toBeLessThan(5);
  });

  it('a table of bordered cells with print in them holds no seal', () => {
    const img = page(1400, 900);
    for (let y = 100; y <= 800; y += 50) rect(img, 80, y, 1200, 2, gray(PRINT));
    for (let x = 80; x <= 1280; x += 120) rect(img, x, 100, 2, 700, gray(PRINT));
    for (let y = 125; y < 800; y += 50) for (let x = 110; x < 1280; x += 120) glyph(img, x, y, 20, gray(PRINT), 0, x + y);
    expect(find(img)).toEqual([]);
  });

  it('a QR code holds no seal', () => {
    const img = page(1400, 900);
    const m = 9, n = 29;
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const finder = (i0: number, j0: number, i: number, j: number) => {
      const a = Math.max(Math.abs(i - i0 - 3), Math.abs(j - j0 - 3));
      return a <= 3 && a !== 2;
    };
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const inFinder = (i < 8 && j < 8) || (i >= n - 8 && j < 8) || (i < 8 && j >= n - 8);
        const on = inFinder ? finder(i < 8 ? 0 : n - 7, j < 8 ? 0 : n - 7, i, j) : rnd() < 0.5;
        if (on) rect(img, 500 + i * m, 250 + j * m, m, m, gray(20));
      }
    }
    printRows(img, 60, 700, 40, 3, 22);
    expect(find(img)).toEqual([]);
  });

  it('a solid round logo and a ring-less page of print hold no seal', () => {
    const img = page(1400, 900);
    printRows(img, 60, 60, 40, 14, 22);
    for (let y = -90; y <= 90; y++) for (let x = -90; x <= 90; x++) if (x * x + y * y <= 90 * 90) dab(img, 1200 + x, 200 + y, gray(60));
    expect(find(img)).toEqual([]);
  });
});

describe('a seal found by shape in the reading', () => {
  it('a red seal is found by its colour, the same seal on a gray page by its shape', () => {
    const red = sealedPage([200, 50, 50]);
    const byColour = findPageSeals(red.img, lumaPage(red.img), CHAR);
    expect(byColour).toHaveLength(1);
    expect(byColour[0]!.by).not.toBe('shape');
    const g = sealedPage(gray(120));
    const byShape = findPageSeals(g.img, lumaPage(g.img), CHAR);
    expect(byShape).toHaveLength(1);
    expect(byShape[0]!.by).toBe('shape');
    // lighter than the print: what is lighter than the level over it is the seal's
    expect(byShape[0]!.printBelow).toBeGreaterThan(PRINT);
    expect(byShape[0]!.printBelow).toBeLessThan(120);
  });

  it('a colour page whose seal is not red enough for the colour search gets no seal by shape (its crops are read in the red channel)', () => {
    const brown = sealedPage([130, 110, 70]);
    expect(find(brown.img)).toHaveLength(1); // the ring is there …
    expect(findPageSeals(brown.img, lumaPage(brown.img), CHAR)).toEqual([]); // … but the page has colour
  });

  it('a gray seal lighter than the print is erased from the page, the print under it stays', () => {
    const { img, cx, cy, r } = sealedPage(gray(120));
    const [s] = findPageSeals(img, lumaPage(img), CHAR);
    const clean = toGray(eraseGraySeals(img, [s!]));
    const before = toGray(img);
    // the ring's lowest point (no print there) is paper now; it was seal ink
    const ringAt = Math.round(cy + r - 3) * img.width + Math.round(cx);
    expect(before.data[ringAt]).toBeLessThan(150);
    expect(clean.data[ringAt]).toBeGreaterThanOrEqual(PAPER - 2); // the paper round the seal
    // print inside the disc stays dark: as many dark pixels as print has there
    let dark = 0;
    for (let y = cy - r; y < cy + r; y++) for (let x = cx - r; x < cx + r; x++) if (clean.data[y * img.width + x]! < 80) dark++;
    expect(dark).toBeGreaterThan(500);
  });

  it('a seal as dark as the print (nothing tells their gray apart) is found, and only its ring erased', () => {
    const img = page(1400, 900);
    printRows(img, 60, 480, 40, 4, 22);
    printRows(img, 60, 690, 16, 1, 22);
    seal(img, 420, 700, 110, gray(PRINT));
    const seals = findPageSeals(img, lumaPage(img), CHAR);
    expect(seals).toHaveLength(1);
    expect(seals[0]!.printBelow).toBeUndefined();
    // only its ring's stroke goes: the ring's lowest point is paper, its inscription and the print stay
    const clean = toGray(eraseGraySeals(img, seals));
    const before = toGray(img);
    const at = (x: number, y: number) => y * img.width + x;
    expect(before.data[at(420, 700 + 110 - 3)]).toBeLessThan(80);
    expect(clean.data[at(420, 700 + 110 - 3)]).toBeGreaterThanOrEqual(PAPER - 2);
    let changedFar = 0;
    for (let y = 480; y < 560; y++) for (let x = 800; x < 1300; x++) if (clean.data[at(x, y)] !== before.data[at(x, y)]) changedFar++;
    expect(changedFar).toBe(0);
    const darkInside = (g: GrayImage) => {
      let n = 0;
      for (let y = 700 - 60; y < 700 + 60; y++) for (let x = 420 - 60; x < 420 + 60; x++) if (g.data[at(x, y)]! < 80) n++;
      return n;
    };
    expect(darkInside(clean)).toBe(darkInside(before));
  });

  it('a gray seal with print across its foot is unrolled (upright), its inscription dark on white', () => {
    const { img } = sealedPage(gray(120));
    const [s] = findPageSeals(img, lumaPage(img), CHAR);
    const strip = unrollSeal(img, s!);
    expect(strip).not.toBeNull();
    let dark = 0;
    for (let i = 0; i < strip!.width * strip!.height; i++) if (strip!.data[i * 4]! < 128) dark++;
    const share = dark / (strip!.width * strip!.height);
    expect(share).toBeGreaterThan(0.03);
    expect(share).toBeLessThan(0.6);
  });
});
