// OCR / PDF text with positions → invoice fields, whatever the layout.
//  1. The page as cells with character boxes (`layout.ts`), labels found in each (`label-match.ts`, vocabulary
//     in `labels.ts`).
//  2. Every label is paired with the value next to it by position — after it in the same cell, in the next
//     cell to the right on the same row, or under it (stacked cells, a table whose values sit in the row
//     below) — the value must have the shape the label promises; the best pairings win, each value once.
//  3. What no label claimed is read by shape: dates printed without a label, a 10-digit number, a check code,
//     a 大写 amount, an organisation name, 急诊 wherever it is printed.
//  4. Derived: visit type, insurance scheme. Every reading carries a confidence built from the OCR's own
//     confidence, how the value was found and how well it has its shape.
import { findDates, findPeriod, parseDate } from './dates';
import { editDistance, type LabelHit } from './label-match';
import { HOSPITAL_KIND_WORDS, HOSPITAL_SUFFIXES, INSURANCE_TEXTS, LABELS, STRONG_HOSPITAL_SUFFIXES, VISIT_WORDS, type LabelKey, type ValueKind } from './labels';
import { buildLayout, hOverlap, spanBox, spanSource, vOverlap, type Cell, type Layout } from './layout';
import { preferWholeName } from './hospital-names';
import { isLikelyPersonName } from './names';
import { normalizeAmount, upperShare, UPPER_CHARS } from './shapes';
import { isCjk, unionBox } from './text';
import type { Box, FieldName, InsuranceType, InvoiceFields, OcrLine, VisitType } from './types';
import { extractValue, hexFix, hexLabelled, holdsCode, preferWholeCode, WHOLE_CODE_CONF, type Extracted } from './values';

export { hexFix };

/** One value read for a field, with its confidence (0..1) and the boxes it came from. */
export interface Reading<T = unknown> {
  value: T;
  conf: number;
  boxes: Box[];
  /** True when paired with a printed label (false: found by shape or position only). */
  labelled: boolean;
  /** Less likely readings (e.g. a colon misread as a digit: "支付2217609.89" → "217609.89"); cross-checks may pick one. */
  alts?: T[];
  /** How it was found (for the review and the benchmark's failure tables). */
  via?: 'inline' | 'right' | 'below' | 'shape' | 'title' | 'code' | 'seal' | 'derived';
  /** The recognition (OcrLine.read) the value's text came from. */
  read?: number;
  /** Bound on the confidence whatever other passes say (a guess made for want of the printed value). */
  cap?: number;
}

export type Readings = { [K in FieldName]?: Reading<NonNullable<InvoiceFields[K]>> };

export interface ParsedText {
  fields: Readings;
  /** Extra values used by cross-checks only. */
  extra: { otherPaid?: Reading<string>; itemsSum?: string };
  /** Where each label was printed (input frame), for the second pass on the regions of weak fields. */
  anchors: Array<{ key: LabelKey; box: Box; charH: number }>;
}

type Relation = 'inline' | 'right' | 'below';

/** Every printed label text (a cell reading one of their pieces is no value). */
const LABEL_TEXTS = LABELS.flatMap((d) => d.texts);

/** How much each way of finding a value is worth (a value after its label in the same cell is the surest). */
const RELATION_SCORE: Record<Relation, number> = { inline: 1, right: 0.97, below: 0.93 };

interface Pairing {
  key: LabelKey;
  kind: ValueKind;
  hit: LabelHit;
  cell: Cell;
  ex: Extracted;
  rel: Relation;
  /** Gap between label and value, in character heights. */
  dist: number;
  conf: number;
}

// ---------- value shapes that need more than a regex ----------

export function visitTypeFromText(text: string): VisitType | null {
  const t = text.replace(/\s/g, '');
  if (/住院/.test(t)) return 'inpatient';
  if (/(^|[^门])急诊/.test(t)) return 'emergency';
  if (/门诊|门急诊/.test(t)) return 'outpatient';
  return null;
}

/** 票据代码 digits 5–6: 01 outpatient, 02 inpatient (a hint, not a rule). */
export function visitTypeFromCode(code: string | null | undefined): VisitType | null {
  if (!code || code.length < 6) return null;
  const d = code.slice(4, 6);
  if (d === '01') return 'outpatient';
  if (d === '02') return 'inpatient';
  return null;
}

export function snapInsuranceText(v: string): string {
  const chars = Array.from(v);
  if (chars.length < 4) return v;
  let best: { t: string; d: number; tie: boolean } | null = null;
  for (const t of INSURANCE_TEXTS) {
    const d = editDistance(chars, Array.from(t));
    if (!best || d < best.d) best = { t, d, tie: false };
    else if (d === best.d) best.tie = true;
  }
  // up to a quarter of the characters, or two in a reading of 6 or more when one text alone is that near
  // ("职工基本医疗伪": the end of 保险 read as one character)
  const allowed = Math.max(1, Math.floor(chars.length * 0.25), chars.length >= 6 && !best?.tie ? 2 : 0);
  return best && best.d > 0 && best.d <= allowed ? best.t : v;
}

export function insuranceTypeFromText(text: string | null | undefined): InsuranceType {
  if (!text) return 'unknown';
  const t = text.replace(/\s/g, '');
  if (/职工|在职|退休|职保/.test(t)) return 'employee';
  if (/居民|城乡|居保|少儿|学生|儿童|大学生|老年|新农合|农村/.test(t)) return 'resident';
  return 'unknown';
}

const SUFFIX_ALT = HOSPITAL_SUFFIXES.map((s) => s).sort((a, b) => b.length - a.length).join('|');
/** Longest prefix ending in an organisation suffix (greedy: "…医院…分院" keeps the branch). */
const HOSPITAL_CUT_RE = new RegExp(`^[\\u4e00-\\u9fff()]*(?:${SUFFIX_ALT})`);
/** An organisation name anywhere in a text. */
const HOSPITAL_ANY_RE = new RegExp(`[\\u4e00-\\u9fff()]{2,24}?(?:${STRONG_HOSPITAL_SUFFIXES.join('|')}|门诊部|诊所)(?:[\\u4e00-\\u9fff]{0,6}分院)?`);

/** A character read below this confidence is one the recogniser did not believe. */
const UNSURE_CHAR = 0.5;

/**
 * An organisation's kind (综合医院, 二级综合医院 …), not its name: made only of kind words and a suffix, or holding a
 * hospital grade (三级甲等, with one of its characters misread: "绽合性三级甲等医院") — no hospital's name does.
 */
const KIND_RE = new RegExp(`^(?:${HOSPITAL_KIND_WORDS.join('|')})+(?:${SUFFIX_ALT})$|[一二三]级[甲乙丙]等|[一二三]级.等|.级[甲乙丙]等|[一二三].[甲乙丙]等|未定级`);

/** A 收款单位 value cut to its organisation name; `shape` says how much it looks like one. */
export function hospitalName(raw: string): { name: string; shape: number } | null {
  const v = raw.replace(/^[(章)]+/, '');
  const m = HOSPITAL_CUT_RE.exec(v);
  if (m && KIND_RE.test(m[0])) return null;
  if (m && Array.from(m[0]).length >= 4) {
    const strong = STRONG_HOSPITAL_SUFFIXES.some((s) => m[0].endsWith(s)) || /分院$/.test(m[0]);
    // Text after the suffix (a seal over "医院" read as "中心权") hints at a cut name.
    const tail = v.length > m[0].length;
    return { name: m[0], shape: (strong ? 1 : 0.75) * (tail ? 0.8 : 1) };
  }
  const weak = /^[\u4e00-\u9fff]{3,}?院/.exec(v);
  return weak ? { name: weak[0], shape: 0.55 } : null;
}

// ---------- pairing labels with values by position ----------

/** Length of the punctuation that may sit between a label and its value. */
function leadLength(s: string): number {
  return /^[\s:;.,()章|“”"'‘’¥]*/.exec(s)?.[0].length ?? 0;
}

/** The part of a cell before its first label (a value followed by the next label in the same cell). */
function beforeFirstLabel(c: Cell, from = 0): number {
  const l = c.labels.find((h) => h.start >= from);
  return l ? l.start : c.s.length;
}

/** Start offset of the token of `c` lying under `box` horizontally (cells holding a whole row of values). */
function tokenUnder(c: Cell, box: Box, H: number): number | null {
  const tokens: Array<{ start: number; end: number }> = [];
  let i = 0;
  const chars = Array.from(c.s);
  while (i < chars.length) {
    while (i < chars.length && /\s/.test(chars[i]!)) i++;
    const start = i;
    while (i < chars.length && !/\s/.test(chars[i]!)) i++;
    if (i > start) tokens.push({ start, end: i });
  }
  const wide = { x: box.x - 0.5 * H, y: box.y, w: box.w + H, h: box.h };
  for (const t of tokens) if (hOverlap(spanBox(c, t.start, t.end), wide) > 0) return t.start;
  return null;
}

function candidates(layout: Layout, c: Cell, hi: number, kind: ValueKind): Array<{ cell: Cell; ex: Extracted; rel: Relation; dist: number }> {
  const h = c.labels[hi]!;
  const H = layout.charH;
  const out: Array<{ cell: Cell; ex: Extracted; rel: Relation; dist: number }> = [];
  const next = c.labels[hi + 1];
  const regionEnd = next ? next.start : c.s.length;
  const region = c.s.slice(h.end, regionEnd);
  const inline = region.trim() ? extractValue(kind, region) : null;
  if (inline) out.push({ cell: c, ex: { ...inline, start: h.end + inline.start, end: h.end + inline.end }, rel: 'inline', dist: 0 });
  // Nothing (or only a stray mark) after the label: the value is in another cell.
  const rest = region.replace(/[\s:;.,()章“”"'‘’¥]/g, '');
  if (inline || rest.length > 2) return out;
  const lb = spanBox(c, h.start, h.end);
  // Right of it, on the same row: the first cell that is not a label; tiny junk (a rule read as "1") is skipped.
  const right = layout.cells
    .filter((r) => r !== c && vOverlap(lb, r.box) >= 0.5 && r.box.x >= lb.x + lb.w - 0.3 * H)
    .sort((a, b) => a.box.x - b.box.x);
  if (!next) {
    // (the next label on the row, whoever read it, ends the search; text that is no value ends it in its own
    // reading only — another pass's garbled reading there, "9a50,994.83", hides nothing)
    const garbled = new Set<number>();
    for (const r of right) {
      if (garbled.has(r.line)) continue;
      const first = r.labels[0];
      if (first && first.start <= leadLength(r.s) + 1) break;
      const ex = extractValue(kind, r.s.slice(0, beforeFirstLabel(r)));
      if (ex) {
        out.push({ cell: r, ex, rel: 'right', dist: (r.box.x - (lb.x + lb.w)) / H });
        break;
      }
      if (r.s.replace(/\s/g, '').length > 2) {
        if (r.line === c.line || r.labels.length) break;
        garbled.add(r.line);
      }
    }
  }
  // Under it: the nearest cell below that overlaps its column (stacked cells; a row of values under a row of labels).
  const below = layout.cells
    .filter((b) => b !== c && b.box.y >= lb.y + 0.5 * lb.h && b.box.y - (lb.y + lb.h) <= 1.8 * H && b.box.x <= lb.x + lb.w + H && b.box.x + b.box.w >= lb.x - 0.5 * H)
    .sort((a, b) => a.box.y - b.box.y || Math.abs(a.box.x - lb.x) - Math.abs(b.box.x - lb.x));
  for (const b of below.slice(0, 3)) {
    const from = b.box.x < lb.x - 2 * H || b.box.x + b.box.w > lb.x + lb.w + 12 * H ? tokenUnder(b, lb, H) : 0;
    if (from === null) continue;
    const first = b.labels.find((l) => l.start >= from);
    if (first && first.start <= from + leadLength(b.s.slice(from)) + 1) continue;
    const end = beforeFirstLabel(b, from);
    const ex = extractValue(kind, b.s.slice(from, end));
    if (ex) {
      out.push({ cell: b, ex: { ...ex, start: from + ex.start, end: from + ex.end }, rel: 'below', dist: (b.box.y - (lb.y + lb.h)) / H });
      break;
    }
  }
  return out;
}

// ---------- the parser ----------

interface Claim {
  cell: number;
  start: number;
  end: number;
}

/**
 * Confidence of a well-formed amount the recogniser read at (almost) 0. Tesseract gives a whole word a
 * confidence of 0 when it drops a glyph it cannot place — the ¥ printed before "¥150,994.83" — while the digits
 * are right. Such an amount is kept, far below CHECK_BELOW: only a cross-check (the 大写, the items' sum, the
 * payments adding up) can confirm it.
 */
const UNBELIEVED_AMOUNT = 0.3;
const WELL_FORMED_AMOUNT = /^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)\.[0-9]{2}$/;
function amountConf(cell: Cell, start: number, end: number, conf: number): number {
  return conf < UNBELIEVED_AMOUNT && WELL_FORMED_AMOUNT.test(cell.s.slice(start, end)) ? Math.max(conf, UNBELIEVED_AMOUNT) : conf;
}

/** Parses text lines (any order; positions decide) into field readings. Never throws on any input. */
/** Gap (character heights) past which an amount right of its label is shown for checking. */
const FAR_RIGHT = 12;

/** Confidence at most of a 医保类型 found by its text alone (no label read): for checking. */
const UNLABELLED_INSURANCE = 0.6;

/** Word confidence under which a digit of a date is unsure. */
const WEAK_DIGIT = 0.6;

export function parseInvoiceText(lines: OcrLine[]): ParsedText {
  const out: ParsedText = { fields: {}, extra: {}, anchors: [] };
  const input = Array.isArray(lines) ? lines.filter((l) => l && typeof l.text === 'string') : [];
  const layout = buildLayout(input);
  const cells = layout.cells;
  const claims: Claim[] = [];
  const claimed = (cell: number, start: number, end: number) => claims.some((u) => u.cell === cell && start < u.end && u.start < end);
  const claim = (cell: number, start: number, end: number) => claims.push({ cell, start, end });
  const put = <K extends FieldName>(f: K, r: Reading<NonNullable<InvoiceFields[K]>>) => {
    r.conf = Math.max(0, Math.min(1, r.conf));
    // The recogniser itself did not believe it (noise in a blank or redacted field): no value rather than junk —
    // except a check code in its exact shape under its label (six hex characters are no noise): for checking.
    if (r.conf < 0.1 && !(f === 'checkCode' && r.labelled && /^[0-9a-f]{6}$/.test(String(r.value)))) return;
    const cur = out.fields[f];
    // (a hospital's name: a reading holding another whole — that one cut by a seal or a cell's edge — is kept)
    if (f === 'hospital' && cur) (out.fields as Record<string, Reading>)[f] = preferWholeName(cur as Reading<string>, r as Reading<string>);
    // (a check code: a reading cut short — its end read as an ideograph — gives way to one holding it whole)
    else if (f === 'checkCode' && cur) (out.fields as Record<string, Reading>)[f] = preferWholeCode(cur as Reading<string>, r as Reading<string>);
    else if (!cur || r.conf > cur.conf) (out.fields as Record<string, Reading>)[f] = r;
  };
  const readOf = (cell: Cell) => input[cell.line]?.read;
  const readingOf = <T>(cell: Cell, start: number, end: number, value: T, factor: number, labelled: boolean, via: Reading['via']): Reading<T> => {
    const { boxes, conf } = spanSource(cell, start, end);
    const r: Reading<T> = { value, conf: conf * factor, boxes, labelled, via };
    const read = readOf(cell);
    if (read !== undefined) r.read = read;
    return r;
  };

  /** An amount found by its shape (no label of its own), its confidence as `amountConf` says. */
  const amountReading = (cell: Cell, start: number, end: number, value: string, factor: number): Reading<string> => {
    const r = readingOf(cell, start, end, value, factor, false, 'shape');
    r.conf = amountConf(cell, start, end, spanSource(cell, start, end).conf) * factor;
    return r;
  };

  /**
   * True when the text of `cell` ends a CJK run at `end` (its next glyph is no CJK character, or there is none)
   * while another line read over the same last character goes on with a CJK character just right of it.
   */
  const goesOnElsewhere = (cell: Cell, end: number): boolean => {
    const g = cell.glyphs[end - 1];
    if (!g || (cell.glyphs[end] && isCjk(cell.glyphs[end]!.c))) return false;
    // (the same character within most of a character height: two recognitions box one glyph differently)
    const near = (h: { x: number; y: number; w: number; h: number }) => Math.abs(h.x + h.w / 2 - (g.x + g.w / 2)) < 0.8 * layout.charH && Math.abs(h.y + h.h / 2 - (g.y + g.h / 2)) < 0.8 * layout.charH;
    return cells.some((o) => {
      if (o.line === cell.line) return false;
      const i = o.glyphs.findIndex((h) => h.c === g.c && near(h));
      const next = i >= 0 ? o.glyphs[i + 1] : undefined;
      return !!next && isCjk(next.c) && next.x + next.w / 2 > g.x + g.w && next.x - (g.x + g.w) < layout.charH && !o.labels.some((l) => l.start <= i + 1 && i + 1 < l.end);
    });
  };

  /** True when another line read a table rule (|, 丨 …) over the glyph `i` of `cell`. */
  const ruleElsewhere = (cell: Cell, i: number): boolean => {
    const g = cell.glyphs[i];
    if (!g) return false;
    return layout.rules.some((h) => h.line !== cell.line && Math.abs(h.x + h.w / 2 - (g.x + g.w / 2)) < 0.6 * layout.charH && vOverlap(h, g) >= 0.3);
  };

  /**
   * A date one of whose digits the recogniser was unsure of (a month "11" read "1" at half confidence): shown
   * for checking, whatever other passes say (they read the same worn glyph).
   */
  const unsureDate = (r: Reading<string>, cell: Cell, start: number, end: number): Reading<string> =>
    cell.glyphs.slice(start, end).some((g) => /[0-9]/.test(g.c) && g.conf < WEAK_DIGIT) ? { ...r, conf: Math.min(r.conf, 0.8), cap: 0.8 } : r;

  /** The 小写 total printed after a 大写 run: later in the same cell, or at the start of the next cell on the row. */
  const amountAfter = (c: Cell, end: number, factor: number): void => {
    const am = firstAmount(c.s.slice(end, end + 40));
    if (am && !claimed(c.id, end + am.start, end + am.end)) {
      put('totalAmount', amountReading(c, end + am.start, end + am.end, am.value, factor));
      return;
    }
    if (c.s.slice(end).replace(/\s/g, '').length > 3) return;
    const lb = spanBox(c, Math.max(0, end - 1), end);
    // The next cell on the row; specks between (a rule or a seal's edge read as "上", "|") are passed over.
    // Each reading of the row is walked on its own: another pass's cut reading there ("757.2") hides nothing.
    const row = layout.cells.filter((o) => o !== c && vOverlap(lb, o.box) >= 0.5 && o.box.x >= lb.x).sort((a2, b2) => a2.box.x - b2.box.x);
    const done = new Set<number>();
    for (const r of row) {
      if (done.has(r.line)) continue;
      const am2 = firstAmount(r.s.slice(0, 20));
      if (am2 && am2.start <= 4 && !claimed(r.id, am2.start, am2.end)) put('totalAmount', amountReading(r, am2.start, am2.end, am2.value, factor));
      if (am2 || r.labels.length || /[0-9]/.test(r.s) || r.s.replace(/[\s|丨:;.,]/g, '').length > 2) {
        if (r.line === c.line || r.labels.length) return;
        done.add(r.line);
      }
    }
  };

  // Labels claim their own text.
  cells.forEach((c) =>
    c.labels.forEach((h) => {
      claim(c.id, h.start, h.end);
      const b = spanSource(c, h.start, h.end).boxes[0];
      if (b && h.def.key !== 'boundary') out.anchors.push({ key: h.def.key, box: b, charH: b.h });
    }),
  );

  // ---- 1. labels paired with values by position
  const pairings: Pairing[] = [];
  for (const c of cells) {
    c.labels.forEach((h, hi) => {
      // Labels of values we do not read take the first token next to them (an ID number, 门诊号, 预缴金额 …).
      const kind: ValueKind = h.def.kind === 'none' ? 'token' : h.def.kind;
      for (const cand of candidates(layout, c, hi, kind)) {
        // Names are wrong if one character is: they are judged by their least sure character.
        const src = spanSource(cand.cell, cand.ex.start, cand.ex.end);
        const conf = kind === 'name' || kind === 'text' ? (src.conf + src.min) / 2 : kind === 'amount' ? amountConf(cand.cell, cand.ex.start, cand.ex.end, src.conf) : src.conf;
        const rel = RELATION_SCORE[cand.rel] - Math.min(0.06, 0.0015 * Math.max(0, cand.dist - 2));
        const score = conf * (0.75 + 0.25 * h.score) * rel * (h.def.weight ?? 1) * (0.8 + 0.2 * cand.ex.shape);
        pairings.push({ key: h.def.key, kind: h.def.kind, hit: h, cell: cand.cell, ex: cand.ex, rel: cand.rel, dist: cand.dist, conf: score });
      }
    });
  }
  // The surest pairings first; a value belongs to one label. Boundary labels take their inline value away
  // from the others (预缴金额 140000.00 is not the total), then go.
  pairings.sort((a, b) => (a.key === 'boundary' || a.key === 'payerId' ? 1 : 0) - (b.key === 'boundary' || b.key === 'payerId' ? 1 : 0) || b.conf - a.conf);
  const boundaryHits = new Set<LabelHit>();
  for (const p of pairings) {
    if ((p.key !== 'boundary' && p.key !== 'payerId') || boundaryHits.has(p.hit)) continue;
    boundaryHits.add(p.hit);
    claim(p.cell.id, p.ex.start, p.ex.end);
  }
  let visitLabel: Reading<VisitType> | null = null;
  let admit: Reading<string> | null = null;
  let discharge: Reading<string> | null = null;
  const usedHits = new Set<LabelHit>();
  for (const p of pairings) {
    if (p.key === 'boundary' || p.key === 'payerId') continue;
    if (usedHits.has(p.hit)) continue;
    if (claimed(p.cell.id, p.ex.start, p.ex.end)) continue;
    const accepted = accept(p);
    if (accepted) {
      usedHits.add(p.hit);
      claim(p.cell.id, p.ex.start, p.ex.end);
    }
  }

  /** The text of the next cell on the row when it follows closely and is not a label (a value cut in two). */
  function continuation(cell: Cell, end: number): string | null {
    return continuationIn(cell, end)?.text ?? null;
  }
  /** The text continuing a value cut at the end of its cell, with the cell it was read in. */
  function continuationIn(cell: Cell, end: number): { text: string; cell: Cell } | null {
    if (end < cell.s.length) return null;
    const H = layout.charH;
    const right = cells.filter((o) => o !== cell && vOverlap(cell.box, o.box) >= 0.5 && o.box.x >= cell.box.x + cell.box.w - 0.3 * H && o.box.x - (cell.box.x + cell.box.w) < 3 * H).sort((a, b) => a.box.x - b.box.x)[0];
    if (!right || (right.labels[0] && right.labels[0].start <= 1)) return null;
    const text = /^[\u4e00-\u9fff()]+/.exec(right.s.slice(0, beforeFirstLabel(right)))?.[0];
    return text ? { text, cell: right } : null;
  }

  function accept(p: Pairing): boolean {
    const { cell, ex } = p;
    const labelled = true;
    const f = p.conf;
    const base = <T>(value: T, start = ex.start, end = ex.end, factor = 1): Reading<T> => {
      const r = readingOf(cell, start, end, value, 1, labelled, p.rel);
      r.conf = f * factor;
      return r;
    };
    const key = p.key;
    const v = ex.value;
    switch (key) {
      case 'otherPaid': {
        const r = base(v as string);
        if (ex.alts) r.alts = ex.alts;
        if (!out.extra.otherPaid || r.conf > out.extra.otherPaid.conf) out.extra.otherPaid = r;
        return true;
      }
      case 'visitLabel': {
        const vt = visitTypeFromText(v as string);
        if (!vt) return false;
        const r = base(vt);
        if (!visitLabel || r.conf > visitLabel.conf) visitLabel = r;
        return true;
      }
      case 'admitDate':
      case 'dischargeDate': {
        const r = base(v as string);
        if (key === 'admitDate') admit = r;
        else discharge = r;
        return true;
      }
      case 'invoiceCode':
        if ((v as string).length > 8) return false;
        put('invoiceCode', base(v as string));
        return true;
      case 'invoiceNumber':
        if ((v as string).length > 10) return false;
        put('invoiceNumber', base(v as string));
        return true;
      case 'payerName': {
        const name = v as string;
        if (/统一|社会|信用|代码|单位|日期|性别|类型|类别|号码/.test(name) || !Array.from(name).every((ch) => ch === '·' || isCjk(ch))) return false;
        const r = base(name, ex.start, ex.end, isLikelyPersonName(name) ? 1 : 0.85);
        // Another reading of the same place goes on past its end (a crop's edge cut "赵海国" to "赵海|"):
        // the name may be longer — shown for checking, whatever other passes say.
        put('payerName', goesOnElsewhere(cell, ex.end) ? { ...r, conf: Math.min(r.conf, 0.8), cap: 0.8 } : r);
        return true;
      }
      case 'hospital': {
        let h = hospitalName(v as string);
        // A name split across two cells ("中山大学附属" | "第一医院").
        const more = continuationIn(cell, ex.end);
        let joinedConf: number | null = null;
        if (more && (!h || h.shape < 1)) {
          const joined = hospitalName((v as string) + more.text);
          if (joined && joined.shape > (h?.shape ?? 0)) {
            h = joined;
            // (judged by its least sure characters wherever they were read: "附属语熙医院" read at 0)
            const taken = Math.max(0, h.name.length - (ex.end - ex.start));
            const src = spanSource(more.cell, 0, Math.min(more.text.length, taken));
            joinedConf = (src.conf + src.min) / 2;
          }
        }
        // A seal over the last character of 医院: "…医" and one character the recogniser did not believe
        // ("…人民医路", 路 at 0.33) is offered as "…医院" — a guess, marked for checking whatever agrees with it.
        let guessed = false;
        if (!h) {
          const m = /^([\u4e00-\u9fff]{2,}医)([\u4e00-\u9fff])(?![\u4e00-\u9fff])/.exec(v as string);
          const glyphs = m ? cell.glyphs.slice(ex.start, ex.end).filter((g) => !/\s/.test(g.c)) : [];
          const last = m ? glyphs[Array.from(m[1]!).length] : undefined;
          if (m && last && last.c === m[2] && last.conf < UNSURE_CHAR) {
            h = { name: `${m[1]}院`, shape: 0.55 };
            guessed = true;
          }
        }
        if (!h) return false;
        const hr = base(h.name, ex.start, ex.start + h.name.length, h.shape);
        if (joinedConf !== null) hr.conf = Math.min(hr.conf, joinedConf);
        put('hospital', guessed ? { ...hr, conf: Math.min(hr.conf, 0.6), cap: 0.6 } : hr);
        return true;
      }
      case 'insuranceTypeText': {
        let text = v as string;
        let guessed = false;
        // Wrapped onto the next line ("城乡居民" / "其他信息 基本医疗保险"): the first cell of the row below.
        if (ex.end >= cell.s.length && !/(保险|医保|卡|自费)$/.test(text)) {
          const H = layout.charH;
          const nextRow = cells.filter((c) => c !== cell && c.box.y > cell.box.y + 0.5 * H && c.box.y - (cell.box.y + cell.box.h) < 1.2 * H);
          const under = nextRow.filter((c) => c.box.x + c.box.w > cell.box.x - 2 * H && c.box.x < cell.box.x + cell.box.w).sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x)[0];
          // A value that reaches the right edge of the text wraps to the start of the next line.
          const right = Math.max(...cells.map((c) => c.box.x + c.box.w));
          const onlyLabel = (c: Cell) => c.labels.length > 0 && c.s.slice(c.labels[c.labels.length - 1]!.end).replace(/[\s:：]/g, '') === '';
          const lineStart = cell.box.x + cell.box.w >= right - 2 * H ? nextRow.filter((c) => c.box.x < cell.box.x && !onlyLabel(c)).sort((a, b) => a.box.x - b.box.x)[0] : undefined;
          const contOf = (c: Cell | undefined) => (c ? /^(?:其他信息)?\s*([\u4e00-\u9fff]{0,8}?(?:保险|医保))(?=[\s]|$|性别|[\u4e00-\u9fff]{2}[:：])/.exec(c.s.replace(/^[\s”“"']+/, '')) : null);
          const cont = contOf(under);
          const wrapped = cont ? null : contOf(lineStart);
          if (cont) text += cont[1]!;
          // (from the next line's start only when the joined text is a known 医保类型)
          else if (wrapped && INSURANCE_TEXTS.includes(snapInsuranceText(text + wrapped[1]!))) text += wrapped[1]!;
          else {
            // The continuation misread ("直本医疗保队"): its characters up to the next label, when the joined
            // text is within the snapping distance of a known 医保类型 — a guess, shown for checking.
            for (const c of [under, lineStart]) {
              const run = c ? /^(?:其他信息)?([\u4e00-\u9fff]{2,8})/.exec(c.s.slice(0, beforeFirstLabel(c)).replace(/^[\s”“"']+/, ''))?.[1] : undefined;
              const joined = run ? snapInsuranceText(text + run) : '';
              if (run && INSURANCE_TEXTS.includes(joined) && joined.length > text.length) {
                text = joined;
                guessed = true;
                break;
              }
            }
          }
        }
        // A known 医保类型 followed by more text (the next label, garbled): the known text.
        const known = [...INSURANCE_TEXTS].sort((a, b) => b.length - a.length).find((t) => text.startsWith(t) && text.length > t.length && t.length >= 4);
        if (known) text = known;
        if (!INSURANCE_TEXTS.includes(text)) {
          const more = continuation(cell, ex.end);
          if (more) {
            const joined = snapInsuranceText(text + more);
            if (INSURANCE_TEXTS.includes(joined)) text = joined;
          }
        }
        // Cut at the end of its line and the rest not read: the one known 医保类型 it begins (a guess, marked;
        // three characters are enough when only one text begins with them — "职工医" at a line's end).
        if (!INSURANCE_TEXTS.includes(text) && ex.end >= cell.s.length && Array.from(text).length >= 3) {
          const longer = INSURANCE_TEXTS.filter((t) => t.startsWith(text) && t.length > text.length);
          if (longer.length === 1) {
            text = longer[0]!;
            guessed = true;
          }
        }
        const snapped = snapInsuranceText(text);
        // A text that is none of the printed 医保类型 (cut, misread, or simply new) is shown for checking.
        const r = base(snapped, ex.start, ex.end, INSURANCE_TEXTS.includes(snapped) ? 1 : 0.8);
        if (guessed) r.conf = Math.min(r.conf, 0.8);
        put('insuranceTypeText', r);
        return true;
      }
      case 'totalAmountUpper': {
        let text = (v as string).replace(/(?<=[元圆分整角])[^元圆分整角]{1,3}$/, '');
        if (!text) return false;
        const end = ex.start + text.length;
        put('totalAmountUpper', base(text, ex.start, end));
        // The 小写 total usually follows on the same line, its own label often garbled.
        amountAfter(cell, end, 0.85 * (0.75 + 0.25 * p.hit.score));
        text = '';
        return true;
      }
      case 'hospitalizationPeriod':
        put('hospitalizationPeriod', base(v as [string, string]));
        return true;
      case 'issueDate':
        put('issueDate', unsureDate(base(v as string), cell, ex.start, ex.end));
        return true;
      case 'checkCode':
      case 'totalAmount':
      case 'fundPaid':
      case 'accountPaid':
      case 'cashPaid': {
        const r = base(v as string);
        if (ex.alts) r.alts = ex.alts;
        // (a value in a doubtful shape — a stray digit set apart before an amount — is shown for checking)
        if (p.kind === 'amount' && ex.shape < 1) r.conf = Math.min(r.conf, 0.8);
        // (a check code made whole from a reading one character too long is a guess: shown for checking)
        if (p.kind === 'hex' && ex.shape < 1) r.conf = Math.min(r.conf, WHOLE_CODE_CONF);
        // (an amount far to the right of its label, across an empty stretch where a value of its own may have
        // gone unread, may be the next label's value — 个人账户支付 … 个人支付金额 | 8357.26)
        if (p.kind === 'amount' && p.rel === 'right' && p.dist > FAR_RIGHT) r.conf = Math.min(r.conf, 0.8);
        // (a leading 1 where another reading of the same place saw a table rule: the rule, glued to the value —
        // "支付|0.00" read "支付10.00"; the rest is offered too, shown for checking whatever other passes say)
        if (p.kind === 'amount' && /^1\d*\.\d\d$/.test(v as string) && ruleElsewhere(cell, ex.start)) {
          const rest = (v as string).slice(1);
          r.alts = [...(r.alts ?? []), /^\d/.test(rest) ? rest : '0' + rest];
          r.conf = Math.min(r.conf, 0.8);
          r.cap = 0.8;
        }
        put(key, r as never);
        return true;
      }
      default:
        return false;
    }
  }

  // 入院日期 + 出院日期 printed apart make a stay.
  const a = admit as Reading<string> | null;
  const d = discharge as Reading<string> | null;
  if (a && d && a.value <= d.value) put('hospitalizationPeriod', { value: [a.value, d.value], conf: Math.min(a.conf, d.conf), boxes: [...a.boxes, ...d.boxes], labelled: true, via: a.via });
  else if (!out.fields.hospitalizationPeriod && (a ?? d) && !(a && d)) {
    // One end read, the other's label lost (a seal over it, a blurred row): a date no label claimed on the same
    // row as the end that was read, on the right side of it in time, is the other end — for checking.
    const known = (a ?? d)!;
    const row = known.boxes.length ? unionBox(known.boxes) : null;
    const other = row
      ? cells
          .filter((c) => vOverlap(c.box, row) >= 0.5)
          .flatMap((c) => findDates(c.s).filter((x) => !claimed(c.id, x.start, x.end)).map((x) => ({ c, ...x, dist: Math.abs(c.box.x - row.x) })))
          .filter((x) => (a ? x.value >= a.value : x.value <= known.value) && x.value !== known.value)
          .sort((p, q) => p.dist - q.dist)[0]
      : undefined;
    if (other) {
      const r = readingOf(other.c, other.start, other.end, other.value, 1, false, 'shape');
      const conf = Math.min(known.conf, r.conf, 0.8);
      claim(other.c.id, other.start, other.end);
      put('hospitalizationPeriod', { value: a ? [a.value, other.value] : [other.value, known.value], conf, cap: 0.8, boxes: [...known.boxes, ...r.boxes], labelled: false, via: 'shape' });
    }
  }

  // ---- 2. shape fallbacks on what no label claimed
  const H = layout.charH;
  const pageTop = Math.min(...cells.map((c) => c.box.y), 0);
  const pageBottom = Math.max(...cells.map((c) => c.box.y + c.box.h), 1);
  const itemsTop = cells.find((c) => c.labels.some((l) => l.label === '项目名称' || l.label === '金额(元)'))?.box.y;
  const inHeader = (c: Cell) => (itemsTop !== undefined ? c.box.y < itemsTop : c.box.y < pageTop + 0.4 * (pageBottom - pageTop));

  // Stays printed without a label (20210323-20210414).
  if (!out.fields.hospitalizationPeriod) {
    for (const c of cells) {
      const p = findPeriod(c.s);
      if (p && !claimed(c.id, p.start, p.end)) {
        put('hospitalizationPeriod', readingOf(c, p.start, p.end, p.value, 0.7, false, 'shape'));
        claim(c.id, p.start, p.end);
      }
    }
  }
  // Periods claim their dates; the others may be the issue date.
  const looseDates: Array<{ c: Cell; value: string; start: number; end: number }> = [];
  for (const c of cells) {
    const p = findPeriod(c.s);
    if (p) claim(c.id, p.start, p.end);
    for (const dd of findDates(c.s)) if (!claimed(c.id, dd.start, dd.end)) looseDates.push({ c, ...dd });
  }
  if (!out.fields.issueDate && looseDates.length) {
    // A date printed without a label (the foot of paper forms): one value → fairly sure; several → the latest
    // (an invoice is issued on or after the care it bills), marked for checking.
    const values = [...new Set(looseDates.map((x) => x.value))].sort();
    const pick = values[values.length - 1]!;
    const at = looseDates.filter((x) => x.value === pick).sort((x, y) => y.c.box.y - x.c.box.y)[0]!;
    const end = out.fields.hospitalizationPeriod?.value[1];
    const agreesWithStay = end === pick;
    put('issueDate', unsureDate(readingOf(at.c, at.start, at.end, pick, values.length === 1 ? 0.9 : agreesWithStay ? 0.85 : 0.7, false, 'shape'), at.c, at.start, at.end));
  }

  // Numbers and check codes by shape (header only). A whole 10-digit number anywhere in the header first: a
  // shorter run is taken for a partly hidden number only when none was found (it may be a 住院号 whose label was
  // lost), and a run that is a date (20230426) is never one.
  for (const whole of [true, false]) {
    for (const c of cells.filter(inHeader)) {
      const tokRe = /(^|[\s:;.])([0-9A-Za-z]{4,12})(?=$|[\s;,.])/g;
      let tm: RegExpExecArray | null;
      while ((tm = tokRe.exec(c.s))) {
        const tok = tm[2]!;
        const st = tm.index + tm[1]!.length;
        if (claimed(c.id, st, st + tok.length) || (whole && !/^[0-9]{10}$/.test(tok))) continue;
        if (/[*#]/.test(c.s.slice(st + tok.length, st + tok.length + 2))) continue; // masked ID
        if (/^[0-9]+$/.test(tok)) {
          if (tok.length === 10 && !out.fields.invoiceNumber) {
            put('invoiceNumber', readingOf(c, st, st + tok.length, tok, 0.6, false, 'shape'));
            claim(c.id, st, st + tok.length);
          } else if (tok.length === 8 && !out.fields.invoiceCode && /^[1-6]\d06(0[12])\d\d$/.test(tok)) {
            put('invoiceCode', readingOf(c, st, st + tok.length, tok, 0.55, false, 'shape'));
            claim(c.id, st, st + tok.length);
          } else if (tok.length >= 6 && tok.length <= 9 && out.fields.invoiceCode && out.fields.invoiceCode.value !== tok && !out.fields.invoiceNumber && !parseDate(tok)) {
            // A number partly hidden (redacted, under a seal) next to a code that was read.
            put('invoiceNumber', readingOf(c, st, st + tok.length, tok, 0.5, false, 'shape'));
            claim(c.id, st, st + tok.length);
          }
        } else if (/[0-9]/.test(tok) && /[a-fA-F]/.test(tok) && tok.length <= 8) {
          // (seven or eight characters: a glyph read as two — "785c1lC" —, made whole as under a label, less sure)
          const v = tok.length <= 6 ? hexFix(tok) : hexLabelled(tok)?.value;
          // (where a code was read cut short, a whole one holding it: "7d0a什" by its label, "7d0aff" in a crop
          // whose label came back garbled)
          const cur = out.fields.checkCode?.value;
          if (v && (!cur || holdsCode(v, cur))) {
            put('checkCode', readingOf(c, st, st + tok.length, v, tok.length <= 6 ? 0.55 : 0.5, false, 'shape'));
            claim(c.id, st, st + tok.length);
          }
        }
      }
    }
  }

  // 大写 totals by shape, and the 小写 total printed after it.
  for (const c of cells) {
    const upRe = new RegExp(`[${UPPER_CHARS}\\u4e00-\\u9fff]{5,30}`, 'g');
    let um: RegExpExecArray | null;
    while ((um = upRe.exec(c.s))) {
      const run = um[0].replace(/(?<=[元圆分整角])[^元圆分整角]{1,3}$/, '');
      if (upperShare(run) < 0.5 || !/[元圆分整角]$/.test(run) || claimed(c.id, um.index, um.index + run.length)) continue;
      put('totalAmountUpper', readingOf(c, um.index, um.index + run.length, run, 0.5 + 0.4 * upperShare(run), false, 'shape'));
      amountAfter(c, um.index + run.length, 0.85);
    }
    // "写)276,020.66" even without a readable 大写 run
    // (the last 写 of the cell: the 小写 one when both are printed)
    const wi = c.s.lastIndexOf('写');
    if (wi >= 0 && !/大$/.test(c.s.slice(Math.max(0, wi - 1), wi))) amountAfter(c, wi + 1 + (c.s[wi + 1] === ')' ? 1 : 0), 0.85);
  }

  // A payer whose 交款人 label went unread (a photo losing the left column): the form prints the payer's name
  // just before the payer's ID label (交款人统一社会信用代码, 身份证号 …) — on its row, or in the cell left of the
  // ID in the row under it. A lone person-shaped name there is taken as a guess, shown for checking.
  if (!out.fields.payerName) {
    const H = layout.charH;
    for (const a of out.anchors.filter((x) => x.key === 'payerId')) {
      const top = a.box.y - 0.4 * H, bottom = a.box.y + a.box.h + 3 * H;
      // (the cell just before the ID label — however wide the column, nothing read between them — or near it)
      const between = (c: Cell) => cells.some((o) => o !== c && vOverlap(o.box, c.box) >= 0.5 && o.box.x >= c.box.x + c.box.w - 0.3 * H && o.box.x + o.box.w <= a.box.x + 0.3 * H);
      const near = cells
        .filter((c) => !c.labels.length && c.box.x + c.box.w <= a.box.x + 0.3 * H && (c.box.x >= a.box.x - 16 * H || !between(c)))
        .filter((c) => c.box.y + c.box.h / 2 >= top && c.box.y + c.box.h / 2 <= bottom)
        .map((c) => ({ c, m: /^[|丨:;.,\s]*([\u4e00-\u9fff·]{2,4})[|丨:;.,\s]*$/.exec(c.s) }))
        // (not a piece of a printed label: 项目 of 项目名称 starts like a family name)
        .filter((x) => x.m && isLikelyPersonName(x.m[1]!) && !LABEL_TEXTS.some((t) => t.includes(x.m![1]!)) && !claimed(x.c.id, 0, x.c.s.length))
        .sort((p, q) => p.c.box.y - q.c.box.y || q.c.box.x - p.c.box.x);
      const best = near[0];
      if (!best) continue;
      const start = best.m!.index + best.m![0].indexOf(best.m![1]!);
      const r = readingOf(best.c, start, start + best.m![1]!.length, best.m![1]!, 0.8, false, 'shape');
      put('payerName', { ...r, conf: Math.min(r.conf, 0.7), cap: 0.7 });
      break;
    }
  }

  // A 医保类型 whose label went unread (a photo losing a column of labels, ":城乡居民基本医疗保险" left): a cell
  // holding nothing but one of the printed 医保类型 texts (4 characters or more) — found by its shape, marked.
  if (!out.fields.insuranceTypeText) {
    for (const c of cells) {
      if (c.labels.length) continue;
      const m = /^([\s:;.,“”"'‘’]*)([\u4e00-\u9fff]{4,12})$/.exec(c.s);
      if (!m) continue;
      const snapped = snapInsuranceText(m[2]!);
      if (!INSURANCE_TEXTS.includes(snapped) || Array.from(snapped).length < 4) continue;
      const start = m[1]!.length;
      if (claimed(c.id, start, c.s.length)) continue;
      const r = readingOf(c, start, c.s.length, snapped, snapped === m[2] ? 0.8 : 0.7, false, 'shape');
      put('insuranceTypeText', { ...r, conf: Math.min(r.conf, 0.8), cap: 0.8 });
      claim(c.id, start, c.s.length);
      break;
    }
  }
  // …or one of those texts inside a line whose label was read as junk ("仆人尖而居民医保 性别：女"): the longest
  // ending where the text does (a non-CJK character, the cell's end, the next label — not "…医疗保险参保人员须知"),
  // no label vouching for it: judged by its least sure character, and for checking.
  if (!out.fields.insuranceTypeText) {
    const known = INSURANCE_TEXTS.filter((t) => Array.from(t).length >= 4).sort((a, b) => b.length - a.length);
    let found: Reading<string> | null = null;
    for (const c of cells) {
      for (const t of known) {
        const at = c.s.indexOf(t);
        const end = at + t.length;
        if (at < 0 || claimed(c.id, at, end) || c.labels.some((l) => at < l.end && l.start < end)) continue;
        if (end < c.s.length && isCjk(c.s[end]!) && !c.labels.some((l) => l.start === end)) continue;
        const r = readingOf(c, at, end, t, 1, false, 'shape');
        const src = spanSource(c, at, end);
        r.conf = Math.min(UNLABELLED_INSURANCE, (src.conf + src.min) / 2);
        r.cap = UNLABELLED_INSURANCE;
        if (!found || r.conf > found.conf) found = r;
        break;
      }
    }
    if (found) put('insuranceTypeText', found);
  }

  // Organisation names anywhere (a 收款单位 line cut by the seal, other layouts' headers); titles excluded.
  if (!out.fields.hospital || out.fields.hospital.conf < 0.6) {
    for (const c of cells) {
      if (/类型|类别|票据|收费|监制/.test(c.s)) continue;
      const hm = HOSPITAL_ANY_RE.exec(c.s);
      if (!hm || /^(?:[\u4e00-\u9fff]{2,3}[省市])?医疗/.test(hm[0]) || claimed(c.id, hm.index, hm.index + hm[0].length)) continue;
      const name = hm[0].replace(/^\(?章\)?/, '');
      if (KIND_RE.test(name)) continue;
      put('hospital', readingOf(c, hm.index, hm.index + hm[0].length, name, 0.55, false, 'shape'));
    }
  }

  // The items' amounts between the table's header (项目 … 金额) and the 合计 row: their sum, which a total
  // read right equals (a second, independent reading of it — for the cross-checks).
  const sum = itemsSum(cells, H);
  if (sum) out.extra.itemsSum = sum;

  // ---- 3. derived: visit type and insurance scheme
  const titleCells = cells.filter((c) => /票据|收费|发票/.test(c.s) && c.box.y < pageTop + 0.3 * (pageBottom - pageTop));
  let vt: Reading<VisitType> | null = visitLabel as Reading<VisitType> | null;
  // 急诊 / 急诊留观 wherever printed (not 门急诊, the generic title) is an emergency.
  if (!vt || vt.value !== 'emergency') {
    for (const c of cells) {
      const m = /(^|[^门])(急诊留观|急诊)/.exec(c.s);
      if (!m) continue;
      const start = m.index + m[1]!.length;
      const inTitle = titleCells.includes(c);
      if (inTitle && !/\(急诊\)|急诊收费/.test(c.s)) continue;
      // A title's 急诊 (…急诊收费票据, where 门急诊 may have lost its 门 to the recogniser) against the type the
      // form prints under its label: the printed type, for checking.
      if (inTitle && vt && vt === (visitLabel as Reading<VisitType> | null)) {
        vt = { ...vt, conf: Math.min(vt.conf, 0.8), cap: 0.8 };
        break;
      }
      const r = readingOf(c, start, start + m[2]!.length, 'emergency' as VisitType, 0.9, false, 'shape');
      if (!vt || vt.value !== 'inpatient') vt = r;
      break;
    }
  }
  // A visit word printed on its own (a form's "（门诊）" under a title that names no type) is the printed type.
  if (!vt) {
    for (const c of cells) {
      const t = c.s.replace(/[\s()（）:：|]/g, '');
      if (!(VISIT_WORDS.outpatient as readonly string[]).includes(t) || t === '门急诊') continue;
      vt = readingOf(c, 0, c.s.length, 'outpatient' as VisitType, 0.95, false, 'shape');
      break;
    }
  }
  if (!vt) {
    for (const c of titleCells) {
      const m = /(门急诊|门诊|急诊|住院)/.exec(c.s);
      const v = m ? visitTypeFromText(m[1]!) : null;
      if (m && v) {
        // A 门急诊 title covers emergencies too: outpatient, but for checking.
        vt = readingOf(c, m.index, m.index + m[1]!.length, v, m[1] === '门急诊' ? 0.75 : 0.95, true, 'title');
        break;
      }
    }
  }
  // The page prints a visit type (门诊类别 …) whose value was not read: what the title or the code says is a
  // guess (an emergency is billed on a 门诊 form), shown for checking — also when another pass (a crop that
  // holds the title but not the label) says the same.
  if (vt && vt !== visitLabel && out.anchors.some((a) => a.key === 'visitLabel') && vt.value !== 'emergency') vt = { ...vt, conf: Math.min(vt.conf, 0.8), cap: 0.8 };
  const all = cells.map((c) => c.s.replace(/\s/g, '')).join('\n');
  if (!vt) {
    const fromCode = visitTypeFromCode(out.fields.invoiceCode?.value);
    // (where the page prints a visit type that was not read, a guess however many passes read the code: the
    // code tells 门诊 from 住院, not an emergency from either)
    const conf = 0.6 * (out.fields.invoiceCode?.conf ?? 0.5) + 0.2;
    const printed = out.anchors.some((a) => a.key === 'visitLabel');
    if (fromCode) vt = { value: fromCode, conf, boxes: out.fields.invoiceCode?.boxes ?? [], labelled: false, via: 'code', ...(printed ? { cap: Math.min(conf, 0.8) } : {}) };
  }
  // A 门诊 title or a 01 票据代码 tells 门诊 from 住院, never 门诊 from 急诊: an outpatient type from them alone is
  // the inference that no 急诊 is printed. No 急 read without its 诊 may be on the page; and the code, which says
  // nothing of the form's wording, is only believed where the header came back whole — no line the recogniser
  // could not read (a row of labels and values lost to blur or a shadow may have held 门诊类别 急诊).
  // (the header only, where forms print their type: above the items table when it was found)
  const tableTop = cells.filter((c) => /项\s*目/.test(c.s)).sort((a, b) => a.box.y - b.box.y)[0]?.box.y ?? itemsTop ?? pageTop + 0.4 * (pageBottom - pageTop);
  const header = input.filter((l) => l.bbox && l.bbox.y + l.bbox.h <= tableTop);
  if (vt && vt.value === 'outpatient' && ((vt.via === 'code' && header.some(unreadableLine)) || ((vt.via === 'title' || vt.via === 'code') && strayUrgent(all)))) {
    vt = { ...vt, conf: Math.min(vt.conf, 0.8), cap: Math.min(vt.cap ?? 1, 0.8) };
  }
  if (!vt || vt.conf < 0.6) {
    if (out.fields.hospitalizationPeriod || /住院(天数|号|科别|时间|日期)/.test(all)) {
      vt = { value: 'inpatient', conf: vt?.value === 'inpatient' ? 0.8 : 0.6, boxes: out.fields.hospitalizationPeriod?.boxes ?? vt?.boxes ?? [], labelled: false, via: 'derived' };
    } else if (!vt && /门诊号|就诊日期|门诊/.test(all)) {
      vt = { value: 'outpatient', conf: 0.5, boxes: [], labelled: false, via: 'derived' };
    }
  }
  if (vt) put('visitType', vt);

  const it = out.fields.insuranceTypeText;
  if (it) {
    const t = insuranceTypeFromText(it.value);
    put('insuranceType', { value: t, conf: t === 'unknown' ? it.conf * 0.8 : it.conf, boxes: it.boxes, labelled: it.labelled, via: 'derived' });
  } else {
    const t = insuranceTypeFromText(/职工|居民/.exec(all)?.[0]);
    if (t !== 'unknown') put('insuranceType', { value: t, conf: 0.4, boxes: [], labelled: false, via: 'derived' });
  }
  return out;
}

/** Share of a line's words the recogniser did not believe from which the line counts as unread. */
const UNREAD_SHARE = 0.6;

/** A line of three or more words, most of them not believed (text lost to blur, a shadow, a fold). */
export function unreadableLine(l: OcrLine): boolean {
  const ws = (Array.isArray(l.words) ? l.words : []).filter((w) => typeof w?.text === 'string' && /[\p{L}\p{N}]/u.test(w.text));
  if (ws.length < 3) return false;
  return ws.filter((w) => w.conf < UNSURE_CHAR).length >= UNREAD_SHARE * ws.length;
}

/** 急 read without the 诊 of 急诊 (nor as 门急诊, 急救): what is left of a visit type printed as 急诊. */
export function strayUrgent(text: string): boolean {
  return /急(?![诊救])/.test(text.replace(/门急/g, ''));
}

/** Sum of the amounts printed in the items table (header row with 项目 and 金额, down to the 合计 row), or null. */
export function itemsSum(cells: Cell[], H: number): string | null {
  const header = cells.find((c) => /项\s*目/.test(c.s) && cells.some((o) => vOverlap(o.box, c.box) >= 0.5 && /金\s*额/.test(o.s)));
  if (!header) return null;
  const top = header.box.y + header.box.h;
  const foot = cells.filter((c) => c.box.y > top && /合\s*计|[大小]\s*写/.test(c.s)).sort((a, b) => a.box.y - b.box.y)[0];
  if (!foot) return null;
  let cents = 0;
  let n = 0;
  for (const c of cells) {
    if (c.box.y < top - 0.3 * H || c.box.y + c.box.h > foot.box.y + 0.3 * H) continue;
    const re = /(?<![0-9A-Za-z.,])[0-9][0-9,]*\.[0-9]{2}(?![0-9])/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(c.s))) {
      const v = normalizeAmount(m[0]);
      if (!v) return null;
      cents += Math.round(Number(v) * 100);
      n++;
    }
  }
  return n >= 2 ? (cents / 100).toFixed(2) : null;
}

/** First well-formed amount in `text` ('Y' before the digits is a misread '¥'). */
function firstAmount(text: string): { value: string; start: number; end: number } | null {
  const re = /(?<![0-9A-XZa-z.,])[0-9][0-9 ,.]*[.,;:] ?[0-9]{2}(?![0-9])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const v = normalizeAmount(m[0]);
    if (v) return { value: v, start: m.index, end: m.index + m[0].length };
  }
  return null;
}
