// Finds printed labels (LABELS) in a line of OCR text: a weighted edit distance where the usual OCR confusions
// of label characters cost less, best matches first, no overlaps.
import { CONFUSABLE, LABELS, NOTICE_WORDS, type LabelDef } from './labels';

const CONFUSE_MAP = new Map<string, Set<string>>();
for (const g of CONFUSABLE) for (const a of g) CONFUSE_MAP.set(a, new Set(g));

function subCost(a: string, b: string): number {
  if (a === b) return 0;
  if (a.toLowerCase() === b.toLowerCase()) return 0.2;
  if (CONFUSE_MAP.get(a)?.has(b)) return 0.3;
  return 1;
}

/** Weighted edit distance between `a` and `b`. */
export function editDistance(a: string[], b: string[]): number {
  const n = a.length;
  const m = b.length;
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + subCost(a[i - 1]!, b[j - 1]!));
    [prev, cur] = [cur, prev];
  }
  return prev[m]!;
}

function threshold(n: number): number {
  if (n <= 2) return 1;
  if (n === 3) return 0.66;
  return 0.6;
}

export interface LabelHit {
  def: LabelDef;
  label: string;
  /** Start/end in the searched string. */
  start: number;
  end: number;
  /** 0..1 match quality (1 = printed exactly). */
  score: number;
}

interface PreparedLabel {
  def: LabelDef;
  label: string;
  chars: string[];
  set: Set<string>;
  thr: number;
  need: number;
}

const PREPARED: PreparedLabel[] = LABELS.flatMap((def) =>
  def.texts.map((label) => {
    const chars = Array.from(label);
    const set = new Set(chars.flatMap((c) => [c, c.toLowerCase(), c.toUpperCase(), ...(CONFUSE_MAP.get(c) ?? [])]));
    const thr = threshold(chars.length);
    const maxDist = chars.length * (1 - thr);
    return { def, label, chars, set, thr, need: Math.max(1, Math.ceil(chars.length - maxDist)) };
  }),
);

/** Marks that never stand for a label's character. */
const PUNCT = /^[:;.,!?'"“”‘’()（）〈〉<>|丨\-—_~·、，。：；]$/;

const LABEL_CHARS = new Set(PREPARED.flatMap((p) => [...p.set]));

const IDEOGRAPH = /[\u3400-\u9fff]/;

/** `c` read for the label character `l` (itself, or one the recogniser confuses with it). */
const sameChar = (c: string, l: string) => c === l || !!CONFUSE_MAP.get(l)?.has(c);

/**
 * A label read with wrong characters that runs on into more ideographs is a word of its own, not a label before
 * its value: its last character read must be one of the label's last two (a value starts after the label's
 * end, which the reading reached), and the run of ideographs it stands in must not end as a notice's heading
 * ("医疗保险政策问答" is no 医疗保险类型, "参保人员须知" no 参保类别).
 */
function fuzzyInsideWord(chars: string[], i: number, k: number, label: string[]): boolean {
  if (!IDEOGRAPH.test(chars[i + k] ?? '')) return false;
  const last = chars[i + k - 1]!;
  const n = label.length;
  if (!sameChar(last, label[n - 1]!) && !(n > 2 && sameChar(last, label[n - 2]!))) return true;
  let j = i + k;
  while (j < chars.length && IDEOGRAPH.test(chars[j]!)) j++;
  const run = chars.slice(i, j).join('');
  return NOTICE_WORDS.some((w) => run.endsWith(w) || run.slice(k).startsWith(w));
}

/** Labels in `s` (spaces and tabs are skipped when matching; positions refer to `s`). */
export function findLabels(s: string): LabelHit[] {
  const chars: string[] = [];
  const pos: number[] = [];
  Array.from(s).forEach((c, i) => {
    if (c !== ' ' && c !== '\t') {
      chars.push(c);
      pos.push(i);
    }
  });
  const hits: LabelHit[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c0 = chars[i]!;
    // At the start of a cell a long label may begin with a misread character ("尼保类型" | 居民医保).
    const cellStart = i === 0 && chars.length > 1;
    if (!LABEL_CHARS.has(c0) && !cellStart) continue;
    for (const pl of PREPARED) {
      if (!pl.set.has(c0) && !(cellStart && pl.chars.length >= 4 && pl.set.has(chars[1]!))) continue;
      const n = pl.chars.length;
      let inSet = 0;
      for (let j = i; j < Math.min(chars.length, i + n + 1); j++) if (pl.set.has(chars[j]!)) inSet++;
      if (inSet < pl.need) continue;
      let best: { k: number; score: number } | null = null;
      // Short labels are matched whole (a 3-character label missing one is too often part of a value: 门诊类别:门诊).
      for (let k = n <= 3 ? n : Math.max(2, n - 1); k <= n + 1; k++) {
        if (i + k > chars.length) break;
        // A label ending in a character does not end on a mark read in its place ("医疗保险”" is not 医疗保险类型).
        if (k > 1 && PUNCT.test(chars[i + k - 1]!) && !PUNCT.test(pl.chars[n - 1]!)) continue;
        const score = 1 - editDistance(chars.slice(i, i + k), pl.chars) / n;
        if (score >= pl.thr && (!best || score > best.score)) best = { k, score };
      }
      // Latin labels ("No") must stand alone: not the middle of a word.
      if (best && /^[A-Za-z]/.test(pl.label) && /[A-Za-z]/.test(chars[i - 1] ?? '')) best = null;
      if (best && /^[A-Za-z]+$/.test(pl.label) && /[A-Za-z]/.test(chars[i + best.k] ?? '')) best = null;
      // A short label read with a wrong character must end where its value starts (a colon, a space, digits):
      // "住院社保卡" is not 住院号 + "保卡", "交球人：田舒明" is 交款人.
      if (best && n <= 3 && best.score < 1 && /[\u3400-\u9fff]/.test(chars[i + best.k] ?? '')) best = null;
      // Right after other characters (spaces between CJK characters are gone by now), a label must be read
      // nearly right: "城乡居民医保性别" holds 性别, not 医保类别.
      if (best && n <= 4 && best.score < 0.85 && /[\u3400-\u9fff]/.test(chars[i - 1] ?? '')) best = null;
      if (best && best.score < 1 && fuzzyInsideWord(chars, i, best.k, pl.chars)) best = null;
      if (best) hits.push({ def: pl.def, label: pl.label, start: pos[i]!, end: pos[i + best.k - 1]! + 1, score: best.score });
    }
  }
  // A misread label that runs into a label printed exactly after it is a value followed by that label
  // ("医疗保险性别" is 医疗保险 + 性别, not 医疗保险类型).
  const exact = hits.filter((h) => h.score === 1);
  const plausible = hits.filter((h) => h.score === 1 || !exact.some((e) => e.start > h.start && e.start < h.end));
  // Non-maximum suppression, ranked by matched label characters: longer labels win over their parts.
  const rank = (h: LabelHit) => h.score * Array.from(h.label).length + 0.01 * h.score;
  plausible.sort((a, b) => rank(b) - rank(a));
  const kept: LabelHit[] = [];
  for (const h of plausible) if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  return kept.sort((a, b) => a.start - b.start);
}
