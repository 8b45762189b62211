// Text the first pass did not return: ink on the page (seals removed — red channel) that no recognised word
// covers, grouped into line-shaped boxes. Tesseract's page layout analysis sometimes drops a whole line (next
// to a QR code, in a shaded table cell); reading just those boxes again is far cheaper than a second full pass.
import type { GrayImage } from './image';
import type { Box } from './types';

export interface MissedOptions {
  /** Median character height of the page in pixels. */
  charH: number;
  /** At most this many boxes (largest first). */
  max?: number;
  /** Gray level under which a pixel is ink (the image should have its background levelled). */
  inkBelow?: number;
}

/** Line-shaped boxes (in `g`'s pixels) holding ink that none of `covered` overlaps. */
export function findMissedText(g: GrayImage, covered: Box[], opts: MissedOptions): Box[] {
  const charH = Math.max(6, opts.charH);
  // Work at ≈ 6 px per character height.
  const f = Math.max(1, Math.floor(charH / 6));
  const W = Math.floor(g.width / f), H = Math.floor(g.height / f);
  if (W < 4 || H < 4) return [];
  const ch = charH / f;
  const inkBelow = opts.inkBelow ?? 140;
  const ink = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let dark = 0;
      for (let yy = 0; yy < f; yy++) {
        const row = (y * f + yy) * g.width + x * f;
        for (let xx = 0; xx < f; xx++) if (g.data[row + xx]! < inkBelow) dark++;
      }
      ink[y * W + x] = dark * 4 >= f * f ? 1 : 0;
    }
  }
  // What pass 1 read (a little wider), and the outer 2 % (remnants of the desk, the paper's edge).
  const cover = new Uint8Array(W * H);
  const pad = 0.3 * ch;
  for (const b of covered) {
    const x0 = Math.max(0, Math.floor(b.x / f - pad)), x1 = Math.min(W, Math.ceil((b.x + b.w) / f + pad));
    const y0 = Math.max(0, Math.floor(b.y / f - pad)), y1 = Math.min(H, Math.ceil((b.y + b.h) / f + pad));
    for (let y = y0; y < y1; y++) cover.fill(1, y * W + x0, y * W + x1);
  }
  const mx = Math.ceil(0.02 * W), my = Math.ceil(0.02 * H);
  const free = new Uint8Array(W * H);
  for (let y = my; y < H - my; y++) for (let x = mx; x < W - mx; x++) free[y * W + x] = ink[y * W + x]! && !cover[y * W + x] ? 1 : 0;
  // Characters → words → lines: close horizontal gaps up to one character.
  const gap = Math.max(1, Math.round(ch));
  const joined = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    let last = -1e9;
    for (let x = 0; x < W; x++) {
      if (free[y * W + x]) {
        if (x - last <= gap) joined.fill(1, y * W + last, y * W + x + 1);
        joined[y * W + x] = 1;
        last = x;
      }
    }
  }
  // Connected pieces of the joined mask.
  const seen = new Uint8Array(W * H);
  const boxes: Array<Box & { ink: number }> = [];
  const stack: number[] = [];
  for (let s = 0; s < W * H; s++) {
    if (!joined[s] || seen[s]) continue;
    let x0 = W, y0 = H, x1 = 0, y1 = 0, n = 0;
    seen[s] = 1;
    stack.push(s);
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % W, y = (i / W) | 0;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      if (free[i]) n++;
      if (x > 0 && joined[i - 1] && !seen[i - 1]) { seen[i - 1] = 1; stack.push(i - 1); }
      if (x < W - 1 && joined[i + 1] && !seen[i + 1]) { seen[i + 1] = 1; stack.push(i + 1); }
      if (y > 0 && joined[i - W] && !seen[i - W]) { seen[i - W] = 1; stack.push(i - W); }
      if (y < H - 1 && joined[i + W] && !seen[i + W]) { seen[i + W] = 1; stack.push(i + W); }
    }
    const bw = x1 - x0 + 1, bh = y1 - y0 + 1;
    const density = n / (bw * bh);
    // A line of text: about one character tall, at least two wide, neither a rule nor a solid block.
    if (bh < 0.5 * ch || bh > 2.6 * ch || bw < 1.6 * ch) continue;
    if (density < 0.08 || density > 0.7) continue;
    // A QR code: square, tall, dense.
    if (bh > 2 * ch && bw < 1.5 * bh && density > 0.3) continue;
    boxes.push({ x: x0 * f, y: y0 * f, w: bw * f, h: bh * f, ink: n });
  }
  // Pieces of one row close to each other become one box.
  boxes.sort((a, b) => a.y - b.y || a.x - b.x);
  const merged: Array<Box & { ink: number }> = [];
  for (const b of boxes) {
    const m = merged.find((o) => Math.abs(o.y + o.h / 2 - (b.y + b.h / 2)) < 0.5 * charH && b.x - (o.x + o.w) < 3 * charH && o.x - (b.x + b.w) < 3 * charH);
    if (m) {
      const x0 = Math.min(m.x, b.x), y0 = Math.min(m.y, b.y);
      m.w = Math.max(m.x + m.w, b.x + b.w) - x0;
      m.h = Math.max(m.y + m.h, b.y + b.h) - y0;
      m.x = x0;
      m.y = y0;
      m.ink += b.ink;
    } else merged.push({ ...b });
  }
  return merged
    .sort((a, b) => b.ink - a.ink)
    .slice(0, opts.max ?? 6)
    .map(({ x, y, w, h }) => ({ x, y, w, h }));
}
