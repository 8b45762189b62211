// @vitest-environment node
// Perspective correction of phone photos: finding the sheet on the desk, its corners, the homography, the warp.
import { describe, expect, it } from 'vitest';
import { applyHomography, findDocument, homography, mapBox, orderCorners, rectifyDocument, type Point, type Quad } from '@/utils/invoice/document';
import { estimateSkew, toGray } from '@/utils/invoice/image';
import type { PixelImage } from '@/utils/invoice/types';

const PAPER_W = 1000;
const PAPER_H = 600;

/** Deterministic noise. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A "photo": a desk (a brightness gradient, noise) with a sheet whose corners are `quad`; the sheet carries
 * horizontal text-like lines in its own coordinates, so they are slanted and keystoned in the photo.
 */
function photo(width: number, height: number, quad: Quad, opts: { desk?: number; paper?: number; seed?: number } = {}): PixelImage {
  const rect: Quad = [{ x: 0, y: 0 }, { x: PAPER_W, y: 0 }, { x: PAPER_W, y: PAPER_H }, { x: 0, y: PAPER_H }];
  const toPaper = homography(quad, rect)!;
  const data = new Uint8ClampedArray(width * height * 4);
  const rnd = rng(opts.seed ?? 1);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = applyHomography(toPaper, { x: x + 0.5, y: y + 0.5 });
      let v: number;
      if (p.x >= 0 && p.x < PAPER_W && p.y >= 0 && p.y < PAPER_H) {
        const inLine = p.y > 60 && p.y < 560 && Math.floor(p.y) % 40 < 12 && p.x > 60 && p.x < 940 && Math.floor(p.x / 14) % 3 !== 2;
        v = inLine ? 40 : (opts.paper ?? 235) - 20 * (p.x / PAPER_W);
      } else {
        v = (opts.desk ?? 90) + 40 * (y / height) - 20 * (x / width);
      }
      v += (rnd() - 0.5) * 16;
      const o = (y * width + x) * 4;
      data[o] = v + 6;
      data[o + 1] = v;
      data[o + 2] = v - 6;
      data[o + 3] = 255;
    }
  }
  return { width, height, data };
}

const TILTED: Quad = [{ x: 140, y: 120 }, { x: 980, y: 70 }, { x: 1040, y: 640 }, { x: 90, y: 590 }];

const near = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

describe('homography', () => {
  it('maps the four points exactly, and its inverse maps them back', () => {
    const rect: Quad = [{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 100, y: 50 }, { x: 0, y: 50 }];
    const h = homography(rect, TILTED)!;
    const inv = homography(TILTED, rect)!;
    rect.forEach((p, i) => {
      expect(near(applyHomography(h, p), TILTED[i]!)).toBeLessThan(1e-6);
      expect(near(applyHomography(inv, TILTED[i]!), p)).toBeLessThan(1e-6);
    });
    expect(homography(rect, [TILTED[0], TILTED[0], TILTED[0], TILTED[0]])).toBeNull();
  });

  it('orders corners top-left, top-right, bottom-right, bottom-left whatever order they come in', () => {
    const shuffled = [TILTED[2], TILTED[0], TILTED[3], TILTED[1]];
    expect(orderCorners(shuffled)).toEqual(TILTED);
  });
});

describe('findDocument / rectifyDocument (a phone photo on a table)', () => {
  const img = photo(1150, 720, TILTED);

  it('finds the four corners of a tilted, keystoned sheet on a desk', () => {
    const found = findDocument(img);
    expect(found).not.toBeNull();
    const diag = Math.hypot(img.width, img.height);
    found!.quad.forEach((p, i) => expect(near(p, TILTED[i]!)).toBeLessThan(0.015 * diag));
    expect(found!.contrast).toBeGreaterThan(60);
  });

  it('straightens it: the text lines come out level and the sheet keeps its proportions', () => {
    // In the photo the sheet's top edge climbs 50 px over 840 px (≈ 3.4°) and its sides lean inwards.
    expect(Math.abs(Math.atan2(TILTED[1].y - TILTED[0].y, TILTED[1].x - TILTED[0].x))).toBeGreaterThan((3 * Math.PI) / 180);
    const r = rectifyDocument(img);
    expect(r).not.toBeNull();
    const after = estimateSkew(toGray(r!.image));
    expect(Math.abs(after)).toBeLessThan((0.5 * Math.PI) / 180);
    expect(r!.image.width / r!.image.height).toBeGreaterThan((PAPER_W / PAPER_H) * 0.85);
    expect(r!.image.width / r!.image.height).toBeLessThan((PAPER_W / PAPER_H) * 1.15);
    // The first text line sits at paper y 80–92: in the straightened picture it is a dark band there.
    const g = toGray(r!.image);
    const rowMean = (y: number) => {
      let s = 0;
      for (let x = Math.round(g.width * 0.1); x < g.width * 0.9; x++) s += g.data[y * g.width + x]!;
      return s / (g.width * 0.8);
    };
    const h = g.height;
    expect(rowMean(Math.round(h * (86 / PAPER_H)))).toBeLessThan(rowMean(Math.round(h * (106 / PAPER_H))) - 40);
  });

  it('maps a box found on the straightened picture back to where it is in the photo', () => {
    const r = rectifyDocument(img)!;
    const sx = r.image.width / PAPER_W;
    const sy = r.image.height / PAPER_H;
    // The paper's point (940, 80) — the end of the first text line — in the photo.
    const b = mapBox(r.toSource, { x: 900 * sx, y: 80 * sy, w: 40 * sx, h: 12 * sy });
    const truth = applyHomography(homography([{ x: 0, y: 0 }, { x: PAPER_W, y: 0 }, { x: PAPER_W, y: PAPER_H }, { x: 0, y: PAPER_H }], TILTED)!, { x: 940, y: 80 });
    expect(Math.abs(b.x + b.w - truth.x)).toBeLessThan(15);
    expect(Math.abs(b.y - truth.y)).toBeLessThan(15);
  });

  it('leaves a scan or a render alone (paper to the edges, bordered tables inside)', () => {
    const w = 900, h = 600;
    const data = new Uint8ClampedArray(w * h * 4).fill(255);
    const dark = (x: number, y: number) => data.fill(30, (y * w + x) * 4, (y * w + x) * 4 + 3);
    for (let x = 100; x < 800; x++) for (const y of [150, 151, 300, 301, 450, 451]) dark(x, y);
    for (let y = 150; y < 452; y++) for (const x of [100, 101, 450, 451, 798, 799]) dark(x, y);
    expect(findDocument({ width: w, height: h, data })).toBeNull();
    expect(rectifyDocument({ width: w, height: h, data })).toBeNull();
  });

  it('gives up on a sheet lying on a desk as light as the paper (no outline to trust)', () => {
    expect(findDocument(photo(1150, 720, TILTED, { desk: 215, paper: 232, seed: 3 }))).toBeNull();
  });

  it('a sheet filling the picture squarely (a scan with a dark margin) is not warped', () => {
    const full: Quad = [{ x: 4, y: 4 }, { x: 1146, y: 4 }, { x: 1146, y: 716 }, { x: 4, y: 716 }];
    expect(rectifyDocument(photo(1150, 720, full, { seed: 5 }))).toBeNull();
  });
});
