// Text normalisation for OCR / PDF lines, keeping a map from every output character back to the word
// it came from (so a parsed value can be given the boxes it was read from).
import { mapRadical } from './radicals';
import type { Box, OcrLine, OcrWord } from './types';

/** A normalised line: `s` is the text, `src[i]` the index into `words` of `s[i]` (-1: synthetic). */
export interface NormLine {
  s: string;
  src: number[];
  words: OcrWord[];
  line: OcrLine;
  /** Index of the line in reading order. */
  index: number;
}

const PUNCT: Record<string, string> = {
  '：': ':', '；': ';', '，': ',', '。': '.', '、': ',', '．': '.',
  '（': '(', '）': ')', '【': '(', '】': ')', '《': '(', '》': ')', '〈': '(', '〉': ')', '「': '(', '」': ')',
  '〔': '(', '〕': ')', '［': '(', '］': ')',
  '—': '-', '–': '-', '－': '-', '―': '-', '~': '-', '～': '-', '〜': '-',
  '¥': '', '￥': '',
};

/** Normalises one character: CJK radicals, full-width ASCII, Chinese punctuation. May return '' (dropped). */
export function normChar(ch: string): string {
  let c = mapRadical(ch);
  const mapped = PUNCT[c];
  if (mapped !== undefined) return mapped;
  const cp = c.codePointAt(0)!;
  if (cp >= 0xff01 && cp <= 0xff5e) c = String.fromCodePoint(cp - 0xfee0);
  else if (cp === 0x3000 || cp === 0xa0) c = ' ';
  else if (c === '\u200b' || c === '\ufeff') c = '';
  return c;
}

export function isCjk(ch: string | undefined): boolean {
  if (!ch) return false;
  const cp = ch.codePointAt(0)!;
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff);
}

/** Plain-string normalisation (no index map): radicals, full width, punctuation, CJK-internal spaces removed. */
export function normalizeText(text: string): string {
  return buildNorm(Array.from(text).map((c) => ({ c, w: -1 }))).s;
}

interface RawChar {
  c: string;
  w: number;
}

function buildNorm(raw: RawChar[]): { s: string; src: number[] } {
  const chars: RawChar[] = [];
  for (const r of raw) {
    const n = r.c === '\t' ? '\t' : normChar(r.c);
    for (const c of n) chars.push({ c, w: r.w });
  }
  // Drop spaces between two CJK characters, around ':' and inside "CJK space punctuation".
  const out: RawChar[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch.c === ' ') {
      const prev = out[out.length - 1]?.c;
      let j = i + 1;
      while (j < chars.length && chars[j]!.c === ' ') j++;
      const next = chars[j]?.c;
      if (prev === undefined || next === undefined) continue;
      if (prev === ' ' || prev === '\t') continue;
      if ((isCjk(prev) || /[:;()]/.test(prev)) && (isCjk(next) || /[:;()]/.test(next))) continue;
      if (next === ':' || prev === ':') continue;
    }
    if (ch.c === '\t' && out[out.length - 1]?.c === ' ') out.pop();
    if (ch.c === '\t' && (out.length === 0 || out[out.length - 1]!.c === '\t')) continue;
    out.push(ch);
  }
  while (out.length && /[\s]/.test(out[out.length - 1]!.c)) out.pop();
  return { s: out.map((r) => r.c).join(''), src: out.map((r) => r.w) };
}

/**
 * Builds the normalised form of an OCR/PDF line. Words far apart (gap > 2 × median word height) are separated
 * by a tab, which value extraction treats as a field boundary.
 */
export function normLine(line: OcrLine, index: number): NormLine {
  const raw: RawChar[] = [];
  const words = line.words ?? [];
  if (words.length) {
    // Gap threshold from the median word height (tesseract's CJK word boxes are loose: 2 × height).
    const hs = words.map((w) => w.bbox.h).filter((x) => x > 0).sort((a, b) => a - b);
    const h = Math.max(1, hs[hs.length >> 1] ?? line.bbox.h);
    words.forEach((w, wi) => {
      if (wi > 0) {
        const prev = words[wi - 1]!;
        const gap = w.bbox.x - (prev.bbox.x + prev.bbox.w);
        raw.push({ c: gap > 2 * h ? '\t' : ' ', w: -1 });
      }
      for (const c of w.text) raw.push({ c, w: wi });
    });
  } else {
    // No words: runs of 3+ spaces mark a field boundary.
    const t = line.text.replace(/ {3,}/g, '\t');
    for (const c of t) raw.push({ c, w: -1 });
  }
  const { s, src } = buildNorm(raw);
  return { s, src, words, line, index };
}

/** Boxes and mean confidence of the words behind `s[start, end)`; falls back to the line box/conf. */
export function spanInfo(nl: NormLine, start: number, end: number): { boxes: Box[]; conf: number } {
  const idx = new Set<number>();
  for (let i = Math.max(0, start); i < Math.min(end, nl.src.length); i++) {
    const w = nl.src[i]!;
    if (w >= 0) idx.add(w);
  }
  if (!idx.size) {
    return { boxes: nl.line.bbox && nl.line.bbox.w > 0 ? [nl.line.bbox] : [], conf: clamp01(nl.line.conf) };
  }
  const ws = [...idx].sort((a, b) => a - b).map((i) => nl.words[i]!);
  const conf = ws.reduce((a, w) => a + clamp01(w.conf), 0) / ws.length;
  return { boxes: [unionBox(ws.map((w) => w.bbox))], conf };
}

export function unionBox(boxes: Box[]): Box {
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  const x1 = Math.max(...boxes.map((b) => b.x + b.w));
  const y1 = Math.max(...boxes.map((b) => b.y + b.h));
  const page = boxes[0]?.page;
  return page === undefined ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : { x: x0, y: y0, w: x1 - x0, h: y1 - y0, page };
}

export function clamp01(n: number | undefined): number {
  if (n === undefined || !Number.isFinite(n)) return 0.5;
  return Math.max(0, Math.min(1, n));
}
