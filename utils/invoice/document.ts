// Finds a document photographed on a table and undoes the perspective: the paper's outline (the region the
// desk does not reach), its four corners (the largest quadrilateral on the outline's convex hull, refined by
// fitting a line to each side), a homography, and a bilinear warp to an upright rectangle. Also maps boxes
// found on the warped picture back into the photo's pixels. No DOM; plain arrays.
import type { GrayImage } from './image';
import type { Box, PixelImage } from './types';

export interface Point {
  x: number;
  y: number;
}

/** Corners in order: top-left, top-right, bottom-right, bottom-left. */
export type Quad = [Point, Point, Point, Point];

/** 3×3 matrix, row-major, h[8] normalised to 1. */
export type Homography = number[];

/** Longest side of the picture the outline is searched on (the corners are refined at this size). */
const WORK_SIDE = 400;

// ---------- homography ----------

/** Solves A·x = b (n×n, Gaussian elimination with partial pivoting); null when singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    if (Math.abs(m[p]![c]!) < 1e-12) return null;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/** The homography mapping the four `from` points onto the four `to` points (null when degenerate). */
export function homography(from: Quad, to: Quad): Homography | null {
  const a: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i]!;
    const { x: u, y: v } = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  }
  const h = solve(a, b);
  return h ? [...h, 1] : null;
}

export function applyHomography(h: Homography, p: Point): Point {
  const w = h[6]! * p.x + h[7]! * p.y + h[8]!;
  return { x: (h[0]! * p.x + h[1]! * p.y + h[2]!) / w, y: (h[3]! * p.x + h[4]! * p.y + h[5]!) / w };
}

/** The box (bounding the mapped corners) of `b` under `h`. */
export function mapBox(h: Homography, b: Box): Box {
  const pts = [applyHomography(h, { x: b.x, y: b.y }), applyHomography(h, { x: b.x + b.w, y: b.y }), applyHomography(h, { x: b.x, y: b.y + b.h }), applyHomography(h, { x: b.x + b.w, y: b.y + b.h })];
  const x0 = Math.min(...pts.map((p) => p.x)), x1 = Math.max(...pts.map((p) => p.x));
  const y0 = Math.min(...pts.map((p) => p.y)), y1 = Math.max(...pts.map((p) => p.y));
  return { x: Math.round(x0), y: Math.round(y0), w: Math.round(x1 - x0), h: Math.round(y1 - y0) };
}

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** Output size for a quad: the longer of each pair of opposite sides, at most `maxSide` on the long side. */
export function rectifiedSize(q: Quad, maxSide = 2400): { width: number; height: number } {
  let w = Math.max(dist(q[0], q[1]), dist(q[3], q[2]));
  let h = Math.max(dist(q[0], q[3]), dist(q[1], q[2]));
  const s = Math.min(1, maxSide / Math.max(w, h));
  w *= s;
  h *= s;
  return { width: Math.max(1, Math.round(w)), height: Math.max(1, Math.round(h)) };
}

/**
 * Warps the quad of `img` onto an upright `width × height` rectangle (bilinear). Returns the picture and the
 * homography from its pixels back to `img`'s pixels.
 */
export function warpQuad(img: PixelImage, q: Quad, width: number, height: number): { image: PixelImage; toSource: Homography } | null {
  const rect: Quad = [{ x: 0, y: 0 }, { x: width, y: 0 }, { x: width, y: height }, { x: 0, y: height }];
  const h = homography(rect, q);
  if (!h) return null;
  const out = new Uint8ClampedArray(width * height * 4);
  const { width: sw, height: sh, data: src } = img;
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = h as [number, number, number, number, number, number, number, number, number];
  const sw4 = sw * 4;
  for (let y = 0; y < height; y++) {
    const py = y + 0.5;
    // Along a row the three sums grow linearly: step them instead of recomputing.
    let nx = h0 * 0.5 + h1 * py + h2, ny = h3 * 0.5 + h4 * py + h5, nw = h6 * 0.5 + h7 * py + h8;
    let o = y * width * 4;
    for (let x = 0; x < width; x++, o += 4, nx += h0, ny += h3, nw += h6) {
      const sx = nx / nw - 0.5;
      const sy = ny / nw - 0.5;
      if (!(sx >= 0 && sy >= 0 && sx <= sw - 1 && sy <= sh - 1)) {
        out[o] = out[o + 1] = out[o + 2] = out[o + 3] = 255;
        continue;
      }
      let x0 = sx | 0, y0 = sy | 0;
      if (x0 > sw - 2) x0 = sw - 2;
      if (y0 > sh - 2) y0 = sh - 2;
      const wx = sx - x0, wy = sy - y0;
      const p00 = (y0 * sw + x0) * 4, p10 = p00 + sw4;
      const a = (1 - wx) * (1 - wy), b = wx * (1 - wy), c = (1 - wx) * wy, d = wx * wy;
      out[o] = src[p00]! * a + src[p00 + 4]! * b + src[p10]! * c + src[p10 + 4]! * d;
      out[o + 1] = src[p00 + 1]! * a + src[p00 + 5]! * b + src[p10 + 1]! * c + src[p10 + 5]! * d;
      out[o + 2] = src[p00 + 2]! * a + src[p00 + 6]! * b + src[p10 + 2]! * c + src[p10 + 6]! * d;
      out[o + 3] = 255;
    }
  }
  return { image: { width, height, data: out }, toSource: h };
}

// ---------- finding the paper ----------

/** Luma, shrunk by an integer factor (box average) so the longest side is ≤ `side`. */
function shrinkGray(img: PixelImage, side: number): { g: GrayImage; f: number } {
  const f = Math.max(1, Math.ceil(Math.max(img.width, img.height) / side));
  const W = Math.floor(img.width / f), H = Math.floor(img.height / f);
  const acc = new Float64Array(W);
  const g = new Uint8Array(W * H);
  const d = img.data;
  const sw = img.width;
  for (let y = 0; y < H; y++) {
    acc.fill(0);
    for (let yy = 0; yy < f; yy++) {
      let p = ((y * f + yy) * sw) * 4;
      for (let x = 0; x < W; x++) {
        let s = 0;
        for (let xx = 0; xx < f; xx++, p += 4) s += d[p]! * 77 + d[p + 1]! * 150 + d[p + 2]! * 29;
        acc[x]! += s;
      }
    }
    const norm = 1 / (256 * f * f);
    for (let x = 0; x < W; x++) g[y * W + x] = acc[x]! * norm;
  }
  return { g: { width: W, height: H, data: g }, f };
}

function boxBlur(g: GrayImage): GrayImage {
  const { width: w, height: h, data } = g;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0, n = 0;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          s += data[yy * w + xx]!;
          n++;
        }
      }
      out[y * w + x] = s / n;
    }
  }
  return { width: w, height: h, data: out };
}

/**
 * The desk: grown from the picture's border through pixels where the brightness changes slowly (uneven light,
 * a desk's own gradient pass; the paper's edge — a step, even where it runs nearly along a pixel column — does
 * not). 1 = desk.
 */
function growBackground(g: GrayImage, maxGrad: number): Uint8Array {
  const { width: w, height: h, data } = g;
  const flat = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const gx = x > 0 && x < w - 1 ? Math.abs(data[i + 1]! - data[i - 1]!) / 2 : 0;
      const gy = y > 0 && y < h - 1 ? Math.abs(data[i + w]! - data[i - w]!) / 2 : 0;
      flat[i] = Math.max(gx, gy) <= maxGrad ? 1 : 0;
    }
  }
  const bg = new Uint8Array(w * h);
  const queue = new Int32Array(w * h);
  let qh = 0, qt = 0;
  const seed = (i: number) => {
    if (!bg[i] && flat[i]) {
      bg[i] = 1;
      queue[qt++] = i;
    }
  };
  for (let x = 0; x < w; x++) { seed(x); seed((h - 1) * w + x); }
  for (let y = 0; y < h; y++) { seed(y * w); seed(y * w + w - 1); }
  while (qh < qt) {
    const i = queue[qh++]!;
    const x = i % w, y = (i / w) | 0;
    if (x > 0) seed(i - 1);
    if (x < w - 1) seed(i + 1);
    if (y > 0) seed(i - w);
    if (y < h - 1) seed(i + w);
  }
  return bg;
}

/** Largest 4-connected component of `mask` (value 1): its pixel indices. */
function largestComponent(mask: Uint8Array, w: number, h: number): number[] {
  const seen = new Uint8Array(w * h);
  let best: number[] = [];
  const stack: number[] = [];
  for (let s = 0; s < mask.length; s++) {
    if (!mask[s] || seen[s]) continue;
    const comp: number[] = [];
    seen[s] = 1;
    stack.push(s);
    while (stack.length) {
      const i = stack.pop()!;
      comp.push(i);
      const x = i % w, y = (i / w) | 0;
      const nb = [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1, y < h - 1 ? i + w : -1];
      for (const j of nb) if (j >= 0 && mask[j] && !seen[j]) { seen[j] = 1; stack.push(j); }
    }
    if (comp.length > best.length) best = comp;
  }
  return best;
}

function cross(o: Point, a: Point, b: Point): number {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

/** Convex hull (Andrew's monotone chain), counter-clockwise in image coordinates' sense of `cross`. */
export function convexHull(points: Point[]): Point[] {
  const pts = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (pts.length < 3) return pts;
  const lower: Point[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

function polygonArea(ps: Point[]): number {
  let a = 0;
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i]!, q = ps[(i + 1) % ps.length]!;
    a += p.x * q.y - q.x * p.y;
  }
  return Math.abs(a) / 2;
}

/** The four hull vertices spanning the largest quadrilateral (hull thinned to ≤ 32 vertices first). */
function largestQuad(hull: Point[]): Point[] | null {
  if (hull.length < 4) return null;
  const step = Math.max(1, Math.ceil(hull.length / 32));
  const hs = hull.filter((_, i) => i % step === 0);
  const n = hs.length;
  if (n < 4) return null;
  const xs = hs.map((p) => p.x), ys = hs.map((p) => p.y);
  // Twice the area of triangle (i, j, k).
  const tri = (i: number, j: number, k: number) => Math.abs((xs[j]! - xs[i]!) * (ys[k]! - ys[i]!) - (ys[j]! - ys[i]!) * (xs[k]! - xs[i]!));
  let best: [number, number, number, number] | null = null;
  let bestA = -1;
  // A convex quad a<b<c<d splits along the diagonal a–c into two triangles: for each a, c the best b and d.
  for (let a = 0; a < n; a++) {
    for (let c = a + 2; c < n; c++) {
      let bB = -1, bA = -1;
      for (let b = a + 1; b < c; b++) {
        const t = tri(a, b, c);
        if (t > bA) { bA = t; bB = b; }
      }
      let dB = -1, dA = -1;
      for (let d = c + 1; d < n; d++) {
        const t = tri(a, c, d);
        if (t > dA) { dA = t; dB = d; }
      }
      if (bB >= 0 && dB >= 0 && bA + dA > bestA) {
        bestA = bA + dA;
        best = [a, bB, c, dB];
      }
    }
  }
  return best ? best.map((i) => hs[i]!) : null;
}

/** Orders four corners as top-left, top-right, bottom-right, bottom-left. */
export function orderCorners(ps: Point[]): Quad {
  const c = { x: ps.reduce((a, p) => a + p.x, 0) / ps.length, y: ps.reduce((a, p) => a + p.y, 0) / ps.length };
  const byAngle = [...ps].sort((a, b) => Math.atan2(a.y - c.y, a.x - c.x) - Math.atan2(b.y - c.y, b.x - c.x));
  // Starting at the corner with the smallest x + y (top-left), clockwise on screen.
  let start = 0;
  for (let i = 1; i < 4; i++) if (byAngle[i]!.x + byAngle[i]!.y < byAngle[start]!.x + byAngle[start]!.y) start = i;
  return [0, 1, 2, 3].map((k) => byAngle[(start + k) % 4]!) as Quad;
}

/** Least-squares line (total least squares) through points: a·x + b·y = c with a² + b² = 1. */
function fitLine(pts: Point[]): { a: number; b: number; c: number } | null {
  if (pts.length < 5) return null;
  const mx = pts.reduce((s, p) => s + p.x, 0) / pts.length;
  const my = pts.reduce((s, p) => s + p.y, 0) / pts.length;
  let sxx = 0, sxy = 0, syy = 0;
  for (const p of pts) {
    const dx = p.x - mx, dy = p.y - my;
    sxx += dx * dx; sxy += dx * dy; syy += dy * dy;
  }
  // Normal = eigenvector of the smaller eigenvalue of the scatter matrix.
  const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy); // direction of the line
  const a = -Math.sin(theta), b = Math.cos(theta);
  return { a, b, c: a * mx + b * my };
}

function intersect(l1: { a: number; b: number; c: number }, l2: { a: number; b: number; c: number }): Point | null {
  const det = l1.a * l2.b - l2.a * l1.b;
  if (Math.abs(det) < 1e-9) return null;
  return { x: (l1.c * l2.b - l2.c * l1.b) / det, y: (l1.a * l2.c - l2.a * l1.c) / det };
}

function angleAt(p: Point, a: Point, b: Point): number {
  const v1 = { x: a.x - p.x, y: a.y - p.y }, v2 = { x: b.x - p.x, y: b.y - p.y };
  return (Math.acos(Math.max(-1, Math.min(1, (v1.x * v2.x + v1.y * v2.y) / (Math.hypot(v1.x, v1.y) * Math.hypot(v2.x, v2.y) || 1)))) * 180) / Math.PI;
}

export interface DocumentFound {
  /** Corners in the picture's pixels. */
  quad: Quad;
  /** Paper brightness minus desk brightness (0..255) — how sure the outline is. */
  contrast: number;
}

/**
 * Finds the outline of a sheet of paper lying on a darker or differently coloured surface. Null when there is
 * no such outline: a scan or a render (paper to the edges), a photo whose desk is as light as the paper, a
 * sheet cut by the picture's edge on more than a sliver.
 */
export function findDocument(img: PixelImage): DocumentFound | null {
  if (img.width < 50 || img.height < 50) return null;
  const { g: raw, f } = shrinkGray(img, WORK_SIDE);
  const g = boxBlur(boxBlur(raw));
  const { width: w, height: h } = g;
  const bg = growBackground(g, 6);
  // Paper = what the desk does not reach (holes included); its largest piece.
  const mask = new Uint8Array(w * h);
  for (let i = 0; i < mask.length; i++) mask[i] = bg[i] ? 0 : 1;
  const comp = largestComponent(mask, w, h);
  const total = w * h;
  if (comp.length < 0.12 * total || comp.length > 0.97 * total) return null;
  // Desk and paper brightness: the paper must stand out.
  const inComp = new Uint8Array(total);
  for (const i of comp) inComp[i] = 1;
  const paper: number[] = [];
  const desk: number[] = [];
  for (let i = 0; i < total; i += 3) (inComp[i] ? paper : bg[i] ? desk : null)?.push(g.data[i]!);
  const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[xs.length >> 1]! : 0);
  const contrast = median(paper) - median(desk);
  if (desk.length < 0.02 * total || contrast < 18) return null;
  // Outline points (component pixels next to the desk).
  const edge: Point[] = [];
  for (const i of comp) {
    const x = i % w, y = (i / w) | 0;
    if (x === 0 || y === 0 || x === w - 1 || y === h - 1 || !inComp[i - 1] || !inComp[i + 1] || !inComp[i - w] || !inComp[i + w]) edge.push({ x, y });
  }
  const hull = convexHull(edge);
  const q0 = largestQuad(hull);
  if (!q0) return null;
  let quad = orderCorners(q0);
  const quadArea = polygonArea(quad);
  // A sheet is (nearly) a quadrilateral: the outline must fill the quad it spans.
  if (comp.length < 0.88 * quadArea || comp.length > 1.12 * quadArea) return null;
  // Refine: a line through the outline points near each side (corners excluded), corners at the intersections.
  const lines = [0, 1, 2, 3].map((k) => {
    const a = quad[k]!, b = quad[(k + 1) % 4]!;
    const len = dist(a, b);
    const nx = -(b.y - a.y) / len, ny = (b.x - a.x) / len;
    const pts = edge.filter((p) => {
      const t = ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / (len * len);
      const d = Math.abs((p.x - a.x) * nx + (p.y - a.y) * ny);
      return t > 0.12 && t < 0.88 && d < Math.max(3, 0.02 * len);
    });
    return fitLine(pts);
  });
  if (lines.every((l) => l)) {
    const refined = [0, 1, 2, 3].map((k) => intersect(lines[(k + 3) % 4]!, lines[k]!));
    if (refined.every((p, k) => p && dist(p, quad[k]!) < 0.08 * Math.max(w, h))) quad = refined as Quad;
  }
  for (let k = 0; k < 4; k++) {
    const ang = angleAt(quad[k]!, quad[(k + 3) % 4]!, quad[(k + 1) % 4]!);
    if (ang < 50 || ang > 130) return null;
  }
  // Back to the picture's pixels (centre of the shrunk pixel).
  const scaled = quad.map((p) => ({ x: Math.max(0, Math.min(img.width, (p.x + 0.5) * f)), y: Math.max(0, Math.min(img.height, (p.y + 0.5) * f)) })) as Quad;
  return { quad: scaled, contrast };
}

/**
 * Straightens a photographed document: finds the sheet and warps it upright. Null when there is nothing to
 * straighten (no outline found, or the sheet already fills the picture squarely).
 */
export function rectifyDocument(img: PixelImage, maxSide = 2400): { image: PixelImage; toSource: Homography; quad: Quad } | null {
  const found = findDocument(img);
  if (!found) return null;
  const q = found.quad;
  // Already square with the picture and filling it: a scan, nothing to do.
  const tol = 0.02 * Math.max(img.width, img.height);
  const corners: Point[] = [{ x: 0, y: 0 }, { x: img.width, y: 0 }, { x: img.width, y: img.height }, { x: 0, y: img.height }];
  if (q.every((p, i) => dist(p, corners[i]!) < tol)) return null;
  const size = rectifiedSize(q, maxSide);
  const warped = warpQuad(img, q, size.width, size.height);
  return warped ? { ...warped, quad: q } : null;
}
