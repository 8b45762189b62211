// The page as positioned text: OCR / PDF lines → cells (runs of text between wide gaps or table rules) with a
// box per character, the page's residual slant removed, and the labels found in each cell. The pairing of
// labels with values (right of, below, same cell) reads this structure; nothing here knows about fields.
import { findLabels, type LabelHit } from './label-match';
import { clamp01, normLine } from './text';
import type { Box, OcrLine } from './types';

export interface Glyph {
  c: string;
  /** Box in the levelled page frame. */
  x: number;
  y: number;
  w: number;
  h: number;
  conf: number;
  /** Box in the frame of the input (what is reported to the user). */
  src: Box;
}

export interface Cell {
  id: number;
  /** Index of the OCR line it came from. */
  line: number;
  /** Normalised text (half-width punctuation, CJK-internal spaces removed); glyphs[i] belongs to s[i]. */
  s: string;
  glyphs: Glyph[];
  /** Box in the levelled frame. */
  box: Box;
  labels: LabelHit[];
}

export interface Layout {
  cells: Cell[];
  /** Median character height (levelled frame): the unit of distances. */
  charH: number;
  /** Slant removed, radians. */
  skew: number;
  /** Where a table rule was read (|, 丨 …: they split cells and are dropped from the text), per line. */
  rules: Array<Box & { line: number }>;
}

/** Characters a table's vertical rule is read as: they split cells and are never part of a value. */
const RULE = /[|丨│┃]/;

const SYNTH = 20;

function unionBox(bs: Array<{ x: number; y: number; w: number; h: number }>): Box {
  const x0 = Math.min(...bs.map((b) => b.x)), y0 = Math.min(...bs.map((b) => b.y));
  const x1 = Math.max(...bs.map((b) => b.x + b.w)), y1 = Math.max(...bs.map((b) => b.y + b.h));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

const finite = (n: number) => (Number.isFinite(n) ? n : 0);

/** Per-character boxes of one line (interpolated inside each OCR word); synthetic boxes for lines without words. */
function lineGlyphs(line: OcrLine, index: number): { s: string; glyphs: Glyph[] } {
  const nl = normLine(line, index);
  const s = nl.s;
  const chars = Array.from(s);
  const words = nl.words;
  if (!words.length) {
    // Plain text: one unit per character, one line per two units.
    return {
      s,
      glyphs: chars.map((c, i) => {
        const b = { x: i * SYNTH, y: index * 2 * SYNTH, w: SYNTH, h: SYNTH };
        return { c, ...b, conf: clamp01(line.conf), src: line.bbox && line.bbox.w > 0 ? line.bbox : b };
      }),
    };
  }
  // Characters of each word in `s`, in order.
  const perWord = new Map<number, number[]>();
  nl.src.forEach((w, i) => {
    if (w < 0) return;
    const list = perWord.get(w) ?? [];
    list.push(i);
    perWord.set(w, list);
  });
  const glyphs: Array<Glyph | null> = chars.map(() => null);
  for (const [w, idx] of perWord) {
    const wb = words[w]!.bbox;
    const bx = finite(wb.x), by = finite(wb.y), bw = Math.max(0, finite(wb.w)), bh = Math.max(1, finite(wb.h));
    idx.forEach((ci, j) => {
      const x = bx + (bw * j) / idx.length;
      const g = { x, y: by, w: bw / idx.length, h: bh };
      glyphs[ci] = { c: chars[ci]!, ...g, conf: clamp01(words[w]!.conf), src: { x: Math.round(bx), y: Math.round(by), w: Math.round(bw), h: Math.round(bh), ...(wb.page !== undefined ? { page: wb.page } : {}) } };
    });
  }
  // Separators (spaces, tabs) between their neighbours.
  for (let i = 0; i < glyphs.length; i++) {
    if (glyphs[i]) continue;
    const prev = glyphs.slice(0, i).reverse().find((g) => g);
    const next = glyphs.slice(i + 1).find((g) => g);
    const a = prev ?? next;
    const x0 = prev ? prev.x + prev.w : next ? next.x : 0;
    const x1 = next ? next.x : x0;
    const box = { x: x0, y: a?.y ?? 0, w: Math.max(0, x1 - x0), h: a?.h ?? 1 };
    glyphs[i] = { c: chars[i]!, ...box, conf: 1, src: a?.src ?? { ...box } };
  }
  return { s, glyphs: glyphs as Glyph[] };
}

/** Median slant of the lines (least-squares slope of word centres along each long line), radians. */
export function estimateLineSkew(lines: OcrLine[]): number {
  const angles: number[] = [];
  for (const l of lines) {
    const ws = (l.words ?? []).filter((w) => w.bbox && w.bbox.h > 0);
    if (ws.length < 4) continue;
    const xs = ws.map((w) => w.bbox.x + w.bbox.w / 2);
    const ys = ws.map((w) => w.bbox.y + w.bbox.h / 2);
    const span = Math.max(...xs) - Math.min(...xs);
    const hs = ws.map((w) => w.bbox.h).sort((a, b) => a - b);
    if (span < 8 * hs[hs.length >> 1]!) continue;
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length, my = ys.reduce((a, b) => a + b, 0) / ys.length;
    let sxy = 0, sxx = 0;
    xs.forEach((x, i) => {
      sxy += (x - mx) * (ys[i]! - my);
      sxx += (x - mx) ** 2;
    });
    if (sxx > 0) angles.push(Math.atan(sxy / sxx));
  }
  if (angles.length < 2) return 0;
  angles.sort((a, b) => a - b);
  const med = angles[angles.length >> 1]!;
  return Number.isFinite(med) && Math.abs(med) < 0.2 ? med : 0;
}

/** Splits a line into cells at tabs (wide gaps) and table rules. */
function splitCells(s: string, glyphs: Glyph[]): Array<{ s: string; glyphs: Glyph[] }> {
  const out: Array<{ s: string; glyphs: Glyph[] }> = [];
  let cur: Glyph[] = [];
  const flush = () => {
    while (cur.length && /\s/.test(cur[0]!.c)) cur.shift();
    while (cur.length && /\s/.test(cur[cur.length - 1]!.c)) cur.pop();
    if (cur.length) out.push({ s: cur.map((g) => g.c).join(''), glyphs: cur });
    cur = [];
  };
  Array.from(s).forEach((c, i) => {
    if (c === '\t' || RULE.test(c)) flush();
    else cur.push(glyphs[i]!);
  });
  flush();
  return out;
}

/** Builds the positioned-text model of a page. Never throws. */
export function buildLayout(lines: OcrLine[]): Layout {
  const skew = estimateLineSkew(lines);
  const cos = Math.cos(-skew), sin = Math.sin(-skew);
  const cells: Cell[] = [];
  const rules: Layout['rules'] = [];
  lines.forEach((line, li) => {
    if (!line || typeof line.text !== 'string') return;
    const { s, glyphs } = lineGlyphs(line, li);
    if (skew !== 0) {
      for (const g of glyphs) {
        const cx = g.x + g.w / 2, cy = g.y + g.h / 2;
        const nx = cx * cos - cy * sin, ny = cx * sin + cy * cos;
        g.x = nx - g.w / 2;
        g.y = ny - g.h / 2;
      }
    }
    for (const g of glyphs) if (RULE.test(g.c)) rules.push({ x: g.x, y: g.y, w: g.w, h: g.h, line: li });
    for (const part of splitCells(s, glyphs)) {
      cells.push({ id: cells.length, line: li, s: part.s, glyphs: part.glyphs, box: unionBox(part.glyphs), labels: findLabels(part.s) });
    }
  });
  const hs = cells.flatMap((c) => c.glyphs.filter((g) => !/\s/.test(g.c)).map((g) => g.h)).filter((h) => h > 0).sort((a, b) => a - b);
  const charH = hs.length ? hs[hs.length >> 1]! : SYNTH;
  return { cells, charH: charH > 0 ? charH : SYNTH, skew, rules };
}

/** Box (levelled frame) of s[start, end) in a cell. */
export function spanBox(cell: Cell, start: number, end: number): Box {
  const gs = cell.glyphs.slice(Math.max(0, start), Math.max(start + 1, end)).filter((g) => !/\s/.test(g.c));
  return gs.length ? unionBox(gs) : cell.box;
}

/** Boxes in the input frame, mean and lowest OCR confidence of s[start, end). */
export function spanSource(cell: Cell, start: number, end: number): { boxes: Box[]; conf: number; min: number } {
  const gs = cell.glyphs.slice(Math.max(0, start), Math.max(start + 1, end)).filter((g) => !/\s/.test(g.c));
  if (!gs.length) return { boxes: [], conf: 0.5, min: 0.5 };
  const srcs: Box[] = [];
  for (const g of gs) if (!srcs.some((b) => b.x === g.src.x && b.y === g.src.y && b.w === g.src.w && b.h === g.src.h)) srcs.push(g.src);
  const u = unionBox(srcs);
  const page = srcs[0]!.page;
  return { boxes: [page === undefined ? u : { ...u, page }], conf: gs.reduce((a, g) => a + g.conf, 0) / gs.length, min: Math.min(...gs.map((g) => g.conf)) };
}

/** Vertical overlap of two boxes relative to the smaller height (0..1). */
export function vOverlap(a: Box, b: Box): number {
  const o = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return o <= 0 ? 0 : o / Math.max(1, Math.min(a.h, b.h));
}

/** Horizontal overlap of two boxes relative to the smaller width (0..1). */
export function hOverlap(a: Box, b: Box): number {
  const o = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  return o <= 0 ? 0 : o / Math.max(1, Math.min(a.w, b.w));
}
