// Seals found by their shape, not their colour: on a monochrome scan or a photocopy the red seal is grey, like
// the print under it. A seal is a ring — a thin, closed, round stroke a few characters across — with its
// inscription inside and print crossing it. Found on the gray page by a gradient Hough vote for centres (each
// stroke edge votes along its gradient, both ways, at every radius in range), then each strong centre checked:
// ink on a thin circle nearly all the way round, and clearly less just outside it (text, a table, a QR code
// are as dense beside any circle as on it).
import type { GrayImage } from './image';
import type { Seal } from './seal';
import type { PixelImage } from './types';

/** What a ring found by shape looks like: the seal, how much of its circle carries ink, and how thick the ring is. */
export interface RingSeal extends Seal {
  /** Share of the ring's circle (angle bins) with ink on it, 0..1. */
  cover: number;
  /** Share of a circle just outside the ring with ink on it, 0..1 (paper or print beside the seal). */
  outside: number;
  /** Stroke half-width in pixels. */
  stroke: number;
}

/** Ink on the levelled page (paper ≈ 255). A grey seal on a photocopy is as dark as print; on a grey render of a red seal, mid-gray. */
const INK = 170;
/** Angle bins round a circle. */
const BINS = 120;
/** A ring: ink on this share of its circle at least … */
const MIN_COVER = 0.9;
/** … and this much more than just outside it. */
const MIN_CONTRAST = 0.6;
/** Share of ink inside a seal's ring at most (its inscription and star; a QR code or a solid logo is denser). */
const MAX_INSIDE = 0.5;
/** Centres checked (the strongest votes). */
const PEAKS = 12;
const NEIGHBOURS = [[-1, -1], [0, -1], [1, -1], [-1, 0], [1, 0], [-1, 1], [0, 1], [1, 1]] as const;

/** The darkest pixel of each f×f block (thin strokes survive the reduction). */
function minReduce(g: GrayImage, f: number): GrayImage {
  const W = Math.floor(g.width / f), H = Math.floor(g.height / f);
  const out = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let m = 255;
      for (let dy = 0; dy < f; dy++) {
        const row = (y * f + dy) * g.width + x * f;
        for (let dx = 0; dx < f; dx++) if (g.data[row + dx]! < m) m = g.data[row + dx]!;
      }
      out[y * W + x] = m;
    }
  }
  return { width: W, height: H, data: out };
}

const COS = Float64Array.from({ length: BINS }, (_, a) => Math.cos((2 * Math.PI * (a + 0.5)) / BINS));
const SIN = Float64Array.from({ length: BINS }, (_, a) => Math.sin((2 * Math.PI * (a + 0.5)) / BINS));

/** Share of angle bins of the circle (cx, cy, radii r0..r1) with an ink pixel in them; 0 as soon as it cannot reach `need`. */
function coverage(ink: Uint8Array, W: number, H: number, cx: number, cy: number, r0: number, r1: number, need = 0): number {
  let hit = 0;
  const misses = Math.floor(BINS * (1 - need));
  const steps = Math.max(1, Math.ceil(r1 - r0) + 1);
  for (let a = 0; a < BINS; a++) {
    const c = COS[a]!, s = SIN[a]!;
    let found = false;
    for (let k = 0; k < steps && !found; k++) {
      const r = steps === 1 ? r0 : r0 + ((r1 - r0) * k) / (steps - 1);
      const x = Math.round(cx + r * c), y = Math.round(cy + r * s);
      found = x >= 0 && y >= 0 && x < W && y < H && ink[y * W + x] === 1;
    }
    if (found) hit++;
    else if (a + 1 - hit > misses) return 0;
  }
  return hit / BINS;
}

/** Share of ink among the pixels of the disc (cx, cy, r) of the full page (every `step`th pixel each way). */
function inkShare(g: GrayImage, cx: number, cy: number, r: number, step: number): number {
  let n = 0, k = 0;
  for (let y = Math.max(0, Math.ceil(cy - r)); y <= Math.min(g.height - 1, Math.floor(cy + r)); y += step) {
    for (let x = Math.max(0, Math.ceil(cx - r)); x <= Math.min(g.width - 1, Math.floor(cx + r)); x += step) {
      if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) continue;
      n++;
      if (g.data[y * g.width + x]! < INK) k++;
    }
  }
  return n ? k / n : 1;
}

/**
 * Round seals on a gray (levelled) page by their ring: centre and outer radius, best first. `minR` / `maxR`
 * bound the radius in pixels. Tables, text, QR codes and logos without a thin closed ring are not seals.
 */
export function findRingSeals(g: GrayImage, minR: number, maxR: number): RingSeal[] {
  // Reduced so that the smallest seal is ≈ 10 px across its radius (votes cost by radius × edge pixels).
  const f = Math.max(1, Math.floor(minR / 10));
  const small = f > 1 ? minReduce(g, f) : g;
  const W = small.width, H = small.height, d = small.data;
  const r0 = Math.max(6, Math.floor(minR / f)), r1 = Math.max(r0 + 1, Math.ceil(maxR / f));
  const ink = new Uint8Array(W * H);
  for (let i = 0; i < W * H; i++) ink[i] = d[i]! < INK ? 1 : 0;
  // Gradient Hough: each strong edge votes for the centres along its gradient, both ways.
  const acc = new Float32Array(W * H);
  for (let y = 1; y < H - 1; y++) {
    for (let x = 1; x < W - 1; x++) {
      const i = y * W + x;
      const gx = d[i - W + 1]! + 2 * d[i + 1]! + d[i + W + 1]! - d[i - W - 1]! - 2 * d[i - 1]! - d[i + W - 1]!;
      const gy = d[i + W - 1]! + 2 * d[i + W]! + d[i + W + 1]! - d[i - W - 1]! - 2 * d[i - W]! - d[i - W + 1]!;
      if (!ink[i] || (ink[i - 1] && ink[i + 1] && ink[i - W] && ink[i + W])) continue; // the edge of a stroke
      const m = Math.hypot(gx, gy);
      if (m < 160) continue;
      const ux = gx / m, uy = gy / m;
      // (every other radius past 24 px: the votes are summed over 5×5 centres anyway)
      for (let r = r0; r <= r1; r += r < 24 ? 1 : 2) {
        const v = (r < 24 ? 1 : 2) / r; // a big ring has more edge pixels
        for (const sgn of [1, -1]) {
          const cx = Math.round(x + sgn * r * ux), cy = Math.round(y + sgn * r * uy);
          if (cx >= 0 && cy >= 0 && cx < W && cy < H) acc[cy * W + cx]! += v;
        }
      }
    }
  }
  // Strong centres: local maxima of the 5×5-summed votes, the best few, apart by the smallest radius.
  const rows = new Float32Array(W * H), sum = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 2; x < W - 2; x++) {
    const i = y * W + x;
    rows[i] = acc[i - 2]! + acc[i - 1]! + acc[i]! + acc[i + 1]! + acc[i + 2]!;
  }
  for (let y = 2; y < H - 2; y++) for (let x = 0; x < W; x++) {
    const i = y * W + x;
    sum[i] = rows[i - 2 * W]! + rows[i - W]! + rows[i]! + rows[i + W]! + rows[i + 2 * W]!;
  }
  const peaks: Array<{ x: number; y: number; v: number }> = [];
  // (the best, its neighbourhood cleared, PEAKS times)
  const clear = r0;
  for (let k = 0; k < PEAKS; k++) {
    let bi = -1, bv = 0;
    for (let i = 0; i < W * H; i++) if (sum[i]! > bv) {
      bv = sum[i]!;
      bi = i;
    }
    if (bi < 0) break;
    const x = bi % W, y = (bi / W) | 0;
    peaks.push({ x, y, v: bv });
    for (let yy = Math.max(0, y - clear); yy <= Math.min(H - 1, y + clear); yy++) for (let xx = Math.max(0, x - clear); xx <= Math.min(W - 1, x + clear); xx++) sum[yy * W + xx] = 0;
  }
  // Each centre checked: the radius whose thin circle carries the most ink over what lies just outside it.
  // The vote's peak may be a few pixels off an uneven ring: the centre climbs to where a circle carries the
  // most ink, first with a wide band round it, then with a thin one.
  const out: RingSeal[] = [];
  for (const p of peaks) {
    // First at the peak itself with a wide band: the radii where a ring may be (most peaks end here).
    const wide = (r: number) => Math.max(2, 0.1 * r);
    const radii: number[] = [];
    for (let r = r0; r <= r1; r++) if (coverage(ink, W, H, p.x, p.y, r - wide(r), r + wide(r), MIN_COVER - 0.2) > 0) radii.push(r);
    if (!radii.length) continue;
    // (radii within 2 px of those)
    const near = new Set(radii.flatMap((r) => [r - 2, r - 1, r, r + 1, r + 2]).filter((r) => r >= r0 && r <= r1));
    // How much a circle of the band round radius r carries over a thin one just outside the band (the ring
    // is the outermost closed stroke: the inscription inside it is as dense as the ring itself).
    const ringness = (cx: number, cy: number, r: number, w: number) => {
      const cover = coverage(ink, W, H, cx, cy, r - w, r + w, 0.5);
      if (cover < 0.5) return { cover, outside: 1 };
      const gap = w + Math.max(2, 0.06 * r);
      return { cover, outside: coverage(ink, W, H, cx, cy, r + gap, r + gap + Math.max(1, 0.04 * r)) };
    };
    let tried = [...near].sort((a, b) => a - b);
    let fitR = tried[0]!;
    const fit = (cx: number, cy: number, band: (r: number) => number) => {
      let v = -1;
      for (const r of tried) {
        const q = ringness(cx, cy, r, band(r));
        if (q.cover - q.outside > v) {
          v = q.cover - q.outside;
          fitR = r;
        }
      }
      return v;
    };
    const thin = (r: number) => Math.max(1, 0.04 * r);
    let cx = p.x, cy = p.y;
    // (a ring a few pixels off this centre still stands out of its surroundings with the wide band)
    if (fit(cx, cy, wide) < 0.75 * MIN_CONTRAST) continue;
    for (const [band, d] of [[wide, 2], [thin, 1]] as const) {
      let v = fit(cx, cy, band);
      // (the thin band only round the radius the wide one found)
      if (band === thin) {
        const r = fitR;
        tried = tried.filter((t) => Math.abs(t - r) <= 3);
        v = fit(cx, cy, band);
      }
      for (let step = 0; step < 8; step++) {
        let bx = cx, by = cy;
        for (const [dx, dy] of NEIGHBOURS) {
          const u = fit(cx + d * dx, cy + d * dy, band);
          if (u > v) {
            v = u;
            bx = cx + d * dx;
            by = cy + d * dy;
          }
        }
        if (bx === cx && by === cy) break;
        cx = bx;
        cy = by;
      }
    }
    let best: { cx: number; cy: number; r: number; cover: number; outside: number } | null = null;
    for (const r of tried) {
      const { cover, outside } = ringness(cx, cy, r, thin(r));
      if (cover < MIN_COVER) continue;
      if (cover - outside >= MIN_CONTRAST && (!best || cover - outside > best.cover - best.outside)) best = { cx, cy, r, cover, outside };
    }
    if (!best) continue;
    // A ring, not a solid round mark (a logo, a blot) or a square of dense modules: the inside mostly paper.
    if (inkShare(g, (best.cx + 0.5) * f, (best.cy + 0.5) * f, 0.85 * best.r * f, 2) > MAX_INSIDE) continue;
    // The outer edge of the stroke: the largest radius still inked nearly all the way round.
    let rOut = best.r;
    while (rOut < best.r + 4 && coverage(ink, W, H, best.cx, best.cy, rOut + 1, rOut + 1) >= 0.6) rOut++;
    let rIn = best.r;
    while (rIn > best.r - 4 && coverage(ink, W, H, best.cx, best.cy, rIn - 1, rIn - 1) >= 0.6) rIn--;
    const seal: RingSeal = { cx: (best.cx + 0.5) * f, cy: (best.cy + 0.5) * f, r: (rOut + 0.5) * f, cover: best.cover, outside: best.outside, stroke: ((rOut - rIn + 1) * f) / 2 };
    // (one seal: a circle of its inscription, centred inside it, is not another)
    if (out.some((s) => (s.cx - seal.cx) ** 2 + (s.cy - seal.cy) ** 2 < Math.max(s.r, seal.r) ** 2)) continue;
    out.push(seal);
  }
  return out.sort((a, b) => b.cover - b.outside - (a.cover - a.outside));
}

/** Luma of an RGBA pixel. */
const lumaAt = (d: Uint8ClampedArray, p: number) => (d[p]! * 77 + d[p + 1]! * 150 + d[p + 2]! * 29) >> 8;

/**
 * The gray levels of a seal's ink and of the print round it: the ring's (per direction, the darkest pixel
 * across its stroke; the median of those) and the print's (the darkest tenth of the ink beside the seal).
 */
export function grayTones(img: PixelImage, s: RingSeal): { ring: number; print: number } {
  const ring: number[] = [];
  for (let a = 0; a < 360; a += 2) {
    const t = (a * Math.PI) / 180, c = Math.cos(t), si = Math.sin(t);
    let m = 255;
    for (let r = s.r - 2 * s.stroke - 2; r <= s.r; r += 0.5) {
      const x = Math.round(s.cx + r * c), y = Math.round(s.cy + r * si);
      if (x >= 0 && y >= 0 && x < img.width && y < img.height) m = Math.min(m, lumaAt(img.data, (y * img.width + x) * 4));
    }
    ring.push(m);
  }
  ring.sort((a, b) => a - b);
  const print: number[] = [];
  const x0 = Math.max(0, Math.round(s.cx - 3 * s.r)), x1 = Math.min(img.width, Math.round(s.cx + 3 * s.r));
  const y0 = Math.max(0, Math.round(s.cy - 2 * s.r)), y1 = Math.min(img.height, Math.round(s.cy + 2 * s.r));
  for (let y = y0; y < y1; y += 2) {
    for (let x = x0; x < x1; x += 2) {
      if ((x - s.cx) ** 2 + (y - s.cy) ** 2 < (1.2 * s.r) ** 2) continue;
      const v = lumaAt(img.data, (y * img.width + x) * 4);
      if (v < 160) print.push(v);
    }
  }
  print.sort((a, b) => a - b);
  return { ring: ring[ring.length >> 1] ?? 255, print: print.length ? print[Math.floor(print.length * 0.1)]! : 0 };
}

/**
 * Where between the ring's tone and the print's the level is (from the ring's): near the ring's, so that the
 * print's softer edges stay print (a seal's own pixels are mostly lighter than its ring's darkest).
 */
const PRINT_SHARE = 0.3;
/** Gray level of print and of a seal as dark as print (a photocopy's black is not black). */
const INK_DARK = 90;
/** Gray levels apart by less than this are one tone (a photocopy: seal and print equally black). */
const TONE_GAP = 40;

/**
 * The level under which a pixel over the seal is print, not seal (halfway from the print's tone to the
 * ring's), or null when the seal is as dark as the print.
 */
export function printLevel(img: PixelImage, s: RingSeal): number | null {
  const t = grayTones(img, s);
  return t.ring - t.print >= TONE_GAP ? Math.round(t.ring - PRINT_SHARE * (t.ring - t.print)) : null;
}

/** The paper round a seal: the median gray level on a band just outside its ring. */
function paperAround(img: PixelImage, s: Seal): number {
  const v: number[] = [];
  for (let a = 0; a < 360; a += 3) {
    const t = (a * Math.PI) / 180;
    for (const k of [1.12, 1.2, 1.28]) {
      const x = Math.round(s.cx + k * s.r * Math.cos(t)), y = Math.round(s.cy + k * s.r * Math.sin(t));
      if (x >= 0 && y >= 0 && x < img.width && y < img.height) v.push(lumaAt(img.data, (y * img.width + x) * 4));
    }
  }
  v.sort((a, b) => a - b);
  return v.length ? v[v.length >> 1]! : 255;
}

/**
 * The ring's stroke turned to paper, traced round the seal (a stamped ring is seldom a true circle): in each
 * direction, the first dark run met coming in from just outside the ring, if no longer than a stroke.
 */
function eraseRing(img: PixelImage, out: Uint8ClampedArray, s: Seal, stroke: number, paper: number): void {
  const dark = (paper + 2 * INK_DARK) / 3;
  const from = s.r + Math.max(3, 0.06 * s.r), to = s.r - Math.max(stroke + 4, 0.16 * s.r);
  const steps = Math.ceil(2 * Math.PI * s.r * 1.5);
  const at = (x: number, y: number) => (Math.round(y) * img.width + Math.round(x)) * 4;
  const inside = (x: number, y: number) => x >= 0 && y >= 0 && x < img.width - 1 && y < img.height - 1;
  for (let k = 0; k < steps; k++) {
    const t = (2 * Math.PI * k) / steps, c = Math.cos(t), si = Math.sin(t);
    let start = -1, end = -1;
    for (let r = from; r >= to; r -= 0.5) {
      const x = s.cx + r * c, y = s.cy + r * si;
      if (!inside(x, y)) continue;
      const isDark = lumaAt(img.data, at(x, y)) < dark;
      if (start < 0 && isDark) start = r;
      else if (start >= 0 && !isDark) {
        end = r;
        break;
      }
    }
    if (start < 0 || end < 0 || start - end > 2 * stroke + 2) continue;
    for (let r = start + 1.5; r >= end - 1.5; r -= 0.5) {
      const x = s.cx + r * c, y = s.cy + r * si;
      if (!inside(x, y)) continue;
      const p = at(x, y);
      out[p] = out[p + 1] = out[p + 2] = Math.max(paper, img.data[p]!);
    }
  }
}

/**
 * The page with gray seals lighter than the print turned to paper inside their discs (what the red channel
 * does to a red seal): pixels lighter than the seal's `printBelow` take the paper's gray round the seal (a
 * photo's paper is gray, not white), the print's darker cores stay. A seal as dark as the print: its ring's
 * stroke only.
 */
export function eraseGraySeals(img: PixelImage, seals: Seal[]): PixelImage {
  const out = new Uint8ClampedArray(img.data);
  for (const s of seals) {
    if (s.by !== 'shape') continue;
    const paper = paperAround(img, s);
    if (s.printBelow === undefined) {
      // As dark as the print: only its ring's stroke (the print crossing it loses a few pixels there).
      if (s.stroke) eraseRing(img, out, s, s.stroke, paper);
      continue;
    }
    const R = 1.04 * s.r;
    const y0 = Math.max(0, Math.floor(s.cy - R)), y1 = Math.min(img.height - 1, Math.ceil(s.cy + R));
    for (let y = y0; y <= y1; y++) {
      const dx = Math.sqrt(Math.max(0, R * R - (y - s.cy) ** 2));
      const x0 = Math.max(0, Math.floor(s.cx - dx)), x1 = Math.min(img.width - 1, Math.ceil(s.cx + dx));
      for (let x = x0; x <= x1; x++) {
        const p = (y * img.width + x) * 4;
        const l = lumaAt(img.data, p);
        if (l >= s.printBelow && l < paper) out[p] = out[p + 1] = out[p + 2] = paper;
      }
    }
  }
  return { width: img.width, height: img.height, data: out };
}

/** Share of pixels with colour (a channel 50 above another) under which a page is gray: a colour page's seal, title or QR tint is more. */
const GRAY_PAGE = 0.001;

/**
 * A page without colour (a monochrome scan, a photocopy, a gray conversion): its seals can only be found by
 * shape. A colour page whose red seal was not found by colour is left alone (its crops are read in the red
 * channel, where a red seal vanishes anyway).
 */
export function isGrayPage(img: PixelImage): boolean {
  const d = img.data;
  let n = 0, coloured = 0;
  for (let p = 0; p < d.length; p += 16) {
    n++;
    const r = d[p]!, g = d[p + 1]!, b = d[p + 2]!;
    if (Math.max(r, g, b) - Math.min(r, g, b) > 50) coloured++;
  }
  return coloured <= GRAY_PAGE * n;
}
