// Hospital names from the red seal: the round 财务/收费专用章 carries the hospital's name along its upper arc.
// When the 收款单位 line is hidden or damaged, the seal is found (red, round), its ring is unrolled into a
// straight strip (characters upright, outer edge on top, the arc starting after the gap at the seal's foot,
// wherever the seal was turned) and read as one line. What it gives is always marked for checking.
import { hospitalName } from './parse';
import type { Box, OcrEngine, PixelImage } from './types';

/** An organisation name inside a longer text (the strip may start with a stray mark). */
const HOSPITAL_IN_TEXT = /[\u4e00-\u9fff]{2,20}?(?:医院|卫生院|卫生服务中心|保健院|医疗中心|中心)/;

export interface Seal {
  cx: number;
  cy: number;
  /** Radius in pixels (outer ring). */
  r: number;
  /** How it was found: by its red ink (default), or by its ring's shape on a gray page (`seal-shape.ts`) — its ink is then any dark pixel. */
  by?: 'colour' | 'shape';
  /**
   * A gray seal lighter than the print (a red seal scanned or converted to gray): pixels darker than this
   * gray level are print over it, not its ink (`grayTones` in `seal-shape.ts`). Unset: the same tone.
   */
  printBelow?: number;
  /** A seal found by shape: its ring's stroke width in pixels. */
  stroke?: number;
}

/**
 * How dark a pixel is, 0..255, where it is darker than paper: a gray seal's ink (and print crossing it, unless
 * the print is darker than `printBelow`).
 */
function darkness(d: Uint8ClampedArray, p: number, printBelow = 0): number {
  const l = (d[p]! * 77 + d[p + 1]! * 150 + d[p + 2]! * 29) / 256;
  return l < 195 && l >= printBelow ? 255 - l : 0;
}

/** How red a pixel is (seal ink), 0..255. Black print under a seal is not red. */
function redness(d: Uint8ClampedArray, p: number): number {
  const r = d[p]!, g = d[p + 1]!, b = d[p + 2]!;
  const v = r - Math.max(g, b);
  return r > 110 && v > 0 ? v : 0;
}

/**
 * Round red seals (the oval 监制章 on the title is left out): centre and radius, largest first.
 * `minR` / `maxR` bound the radius in pixels.
 */
export function findSeals(img: PixelImage, minR: number, maxR: number): Seal[] {
  const f = Math.max(1, Math.floor(Math.min(img.width, img.height) / 500));
  const W = Math.floor(img.width / f), H = Math.floor(img.height / f);
  const mask = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const p = ((y * f) * img.width + x * f) * 4;
      mask[y * W + x] = redness(img.data, p) > 45 ? 1 : 0;
    }
  }
  // Join the ring's pieces and letters: components over a 2-pixel neighbourhood.
  const seen = new Uint8Array(W * H);
  const out: Seal[] = [];
  const stack: number[] = [];
  for (let s = 0; s < W * H; s++) {
    if (!mask[s] || seen[s]) continue;
    let x0 = W, y0 = H, x1 = 0, y1 = 0, n = 0;
    seen[s] = 1;
    stack.push(s);
    while (stack.length) {
      const i = stack.pop()!;
      n++;
      const x = i % W, y = (i / W) | 0;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -2; dy <= 2; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= H) continue;
        for (let dx = -2; dx <= 2; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= W) continue;
          const j = yy * W + xx;
          if (mask[j] && !seen[j]) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    const w = (x1 - x0 + 1) * f, h = (y1 - y0 + 1) * f;
    const r = (w + h) / 4;
    if (r < minR || r > maxR) continue;
    if (w / h < 0.8 || w / h > 1.25) continue; // round, not the oval title seal
    if (n < 0.08 * (w / f) * (h / f)) continue; // a ring with text, not a few red strokes
    out.push({ cx: ((x0 + x1 + 1) / 2) * f, cy: ((y0 + y1 + 1) / 2) * f, r });
  }
  return out.sort((a, b) => b.r - a.r);
}

/**
 * Unrolls the seal's text ring into an upright strip (gray, red ink dark on white): the inscription runs
 * clockwise over the top, starting past the seal's foot (found from the words across its lower half, or
 * the ring's longest empty stretch), so a turned seal reads as well. Null when no foot is found.
 */
export function unrollSeal(img: PixelImage, s: Seal): PixelImage | null {
  const rIn = 0.56 * s.r, rOut = 0.93 * s.r;
  const gray = s.by === 'shape';
  const sample = (x: number, y: number) => {
    const xi = Math.round(x), yi = Math.round(y);
    if (xi < 0 || yi < 0 || xi >= img.width || yi >= img.height) return 0;
    const p = (yi * img.width + xi) * 4;
    return gray ? darkness(img.data, p, s.printBelow) : redness(img.data, p);
  };
  // The strip's ink: how dark a pixel is (full detail — a photo's JPEG keeps colour at half resolution),
  // where it is red (black print crossing the seal stays out).
  const sealInk = (x: number, y: number) => {
    const xi = Math.round(x), yi = Math.round(y);
    if (xi < 0 || yi < 0 || xi >= img.width || yi >= img.height) return 0;
    const p = (yi * img.width + xi) * 4;
    const d = img.data;
    if (gray) return darkness(d, p, s.printBelow);
    if (redness(d, p) < 18) return 0;
    return 255 - (d[p]! * 77 + d[p + 1]! * 150 + d[p + 2]! * 29) / 256;
  };
  const inkAt = (band: [number, number]) => {
    const h = new Float64Array(360);
    for (let a = 0; a < 360; a++) {
      const t = (a * Math.PI) / 180;
      for (let k = 0; k < 6; k++) {
        const r = (band[0] + ((band[1] - band[0]) * (k + 0.5)) / 6) * s.r;
        h[a]! += sample(s.cx + r * Math.cos(t), s.cy + r * Math.sin(t));
      }
    }
    return h;
  };
  // The seal's foot: the words printed straight across its lower half (财务专用章 …) are the only ink close
  // to the centre; without them, the middle of the longest empty stretch of the ring.
  let foot: number | null = null;
  const inner = inkAt([0.42, 0.6]);
  let sx = 0, sy = 0, tot = 0;
  inner.forEach((v, a) => {
    sx += v * Math.cos((a * Math.PI) / 180);
    sy += v * Math.sin((a * Math.PI) / 180);
    tot += v;
  });
  if (tot > 0 && Math.hypot(sx, sy) > 0.5 * tot) foot = (Math.atan2(sy, sx) * 180) / Math.PI;
  if (foot === null) {
    const outer = inkAt([0.7, 0.92]);
    const max = Math.max(...outer);
    if (max <= 0) return null;
    const empty = Array.from(outer, (v) => v < 0.12 * max);
    let bestStart = -1, bestLen = 0;
    for (let a = 0; a < 360; a++) {
      if (!empty[a] || empty[(a + 359) % 360]) continue;
      let len = 0;
      while (len < 360 && empty[(a + len) % 360]) len++;
      if (len > bestLen) {
        bestLen = len;
        bestStart = a;
      }
    }
    if (bestStart >= 0 && bestLen >= 40) foot = bestStart + bestLen / 2;
    // A seal found by its shape has print across it (gray like its ink): stamped upright, as most are.
    else if (gray) foot = 90;
    else return null;
  }
  // The inscription: clockwise on screen from just past the foot, round over the top, to just before it.
  const start = ((foot + 55) * Math.PI) / 180;
  const span = (250 * Math.PI) / 180;
  const rMid = (rIn + rOut) / 2;
  // Drawn at ≈ 40-pixel characters whatever the seal's size; redness sampled bilinearly, then stretched so
  // the strip's darkest ink is black.
  const Hs = 64;
  const k = Hs / (rOut - rIn);
  const W = Math.max(32, Math.round(span * rMid * k));
  const bil = (x: number, y: number) => {
    const x0 = Math.floor(x), y0 = Math.floor(y), fx = x - x0, fy = y - y0;
    const a = sealInk(x0, y0), b = sealInk(x0 + 1, y0), c = sealInk(x0, y0 + 1), d = sealInk(x0 + 1, y0 + 1);
    return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
  };
  const ink = new Float32Array(W * Hs);
  for (let v = 0; v < Hs; v++) {
    const r = rOut - ((rOut - rIn) * (v + 0.5)) / Hs;
    for (let u = 0; u < W; u++) {
      const t = start + (span * (u + 0.5)) / W;
      ink[v * W + u] = bil(s.cx + r * Math.cos(t), s.cy + r * Math.sin(t));
    }
  }
  const sorted = Array.from(ink).filter((x) => x > 0).sort((a, b) => a - b);
  const top = sorted.length ? sorted[Math.floor(sorted.length * 0.9)]! : 1;
  const data = new Uint8ClampedArray(W * Hs * 4);
  for (let i = 0; i < W * Hs; i++) {
    const g = 255 - Math.min(255, (255 * ink[i]!) / Math.max(20, top));
    data[i * 4] = data[i * 4 + 1] = data[i * 4 + 2] = g;
    data[i * 4 + 3] = 255;
  }
  return { width: W, height: Hs, data };
}

const dist2 = (s: Seal, b: Box) => {
  const cx = b.x + b.w / 2, cy = b.y + b.h / 2;
  return (s.cx - cx) ** 2 + (s.cy - cy) ** 2;
};

/** True when the seal's disc covers part of `b`. */
export function sealCovers(s: Seal, b: Box): boolean {
  const nx = Math.max(b.x, Math.min(s.cx, b.x + b.w));
  const ny = Math.max(b.y, Math.min(s.cy, b.y + b.h));
  return (nx - s.cx) ** 2 + (ny - s.cy) ** 2 < (0.9 * s.r) ** 2;
}

/** The hospital's seal: the one nearest to where its name or label is printed, else the lowest on the page. */
export function hospitalSeal(seals: Seal[], near: Box[]): Seal | null {
  if (!seals.length) return null;
  if (near.length) return [...seals].sort((a, b) => Math.min(...near.map((n) => dist2(a, n))) - Math.min(...near.map((n) => dist2(b, n))))[0]!;
  return [...seals].sort((a, b) => b.cy - a.cy)[0]!;
}

/** Reads the name on a seal's ring: the text of an organisation name found in the unrolled strip, or null. */
export async function readSealName(img: PixelImage, seal: Seal, engine: OcrEngine): Promise<{ name: string; conf: number } | null> {
  const strip = unrollSeal(img, seal);
  if (!strip) return null;
  const out = await engine.recognize(strip, { mode: 'line' });
  const conf = out.lines.length ? out.lines.reduce((a, l) => a + l.conf, 0) / out.lines.length : 0;
  return nameOnRing(out.lines.map((l) => l.text).join(''), conf);
}

/** Dashes read between two ideographs: the one-stroke 一 of a curved, bold seal font (杭州市第~-人民医院). */
const DASH_BETWEEN = /(?<=[\u4e00-\u9fff])[-~_—–―‐－]{1,2}(?=[\u4e00-\u9fff])/g;

/** The organisation name in the text read on a seal's ring (its line confidence `conf`), or null. */
export function nameOnRing(raw: string, conf: number): { name: string; conf: number } | null {
  const text = raw.replace(/\s/g, '').replace(DASH_BETWEEN, '一');
  const h = hospitalName(text);
  if (!h) {
    const any = HOSPITAL_IN_TEXT.exec(text);
    return any ? { name: any[0], conf: conf * 0.8 } : null;
  }
  return { name: h.name, conf: conf * h.shape };
}
