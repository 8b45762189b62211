// Reading a value of a given shape at the start of a piece of text (what follows a label, or a cell next to or
// under it): codes, check codes, dates, amounts, names, organisation names, visit types, stays, 大写 amounts.
import { findDates, findPeriod } from './dates';
import { COLUMN_WORDS, type ValueKind } from './labels';
import { fixDigits, normalizeAmount, upperShare } from './shapes';

export interface Extracted {
  value: string | [string, string];
  /** Less likely readings (a colon read as a digit: "支付2217609.89" → "217609.89"). */
  alts?: string[];
  /** Span in the searched text. */
  start: number;
  end: number;
  /** 0..1: how well the value has the shape its label promises (exact lengths, real dates …). */
  shape: number;
}

/** What may stand between a label and its value: colons, brackets, the seal's "章", quotes, a ¥. */
const LEAD = String.raw`^[\s:;.,()章|丨“”"'‘’¥Y]{0,4}`;

/** Check code: hex, lower-case, O→0, l/I→1; 4..6 characters (4–5 only when partly redacted). */
export function hexFix(raw: string): string | null {
  const v = raw.toLowerCase().replace(/o/g, '0').replace(/[li]/g, '1');
  if (!/^[0-9a-f]{4,6}$/.test(v)) return null;
  return v;
}

/**
 * A check code read where its label promises one (a hex value is certain there): besides `hexFix`'s O/0 and
 * l/I/1, the letters no hex code holds read as the digits they look like (S→5, Z→2, g/q→9, G→6, T→7) — and a
 * code read one or two characters too long because a glyph was cut in two (a stem read twice: "1b" → "1lb", "1"
 * → "l1") made whole again: after the look-alikes are mapped, doubled neighbours counted once, when that gives
 * one value only. `shape` 1 for six characters as read, less for a partial, a look-alike taken or a repaired reading.
 */
export function hexLabelled(raw: string): { value: string; shape: number } | null {
  const v = raw
    .replace(/[Ss]/g, '5')
    .replace(/[Zz]/g, '2')
    .replace(/[gq]/g, '9')
    .replace(/G/g, '6')
    .replace(/T/g, '7');
  const fixed = hexFix(v);
  // (a letter taken for the digit it looks like is a guess: a doubtful shape, shown for checking)
  if (fixed) return { value: fixed, shape: fixed.length < 6 ? 0.7 : v !== raw ? 0.9 : 1 };
  const u = v.toLowerCase().replace(/o/g, '0').replace(/[li]/g, '1');
  if (!/^[0-9a-f]{7,8}$/.test(u)) return null;
  // (every way of counting doubled neighbours once until six characters are left: "d11a11a2" → "d1a1a2")
  let forms = new Set([u]);
  while ([...forms][0]!.length > 6) {
    const next = new Set<string>();
    for (const f of forms) for (let i = 1; i < f.length; i++) if (f[i] === f[i - 1]) next.add(f.slice(0, i) + f.slice(i + 1));
    forms = next;
    if (!forms.size) return null;
  }
  return forms.size === 1 ? { value: [...forms][0]!, shape: 0.5 } : null;
}

/** Most a check code made whole from another reading (a cut one's rest, a repaired one) is believed: for checking. */
export const WHOLE_CODE_CONF = 0.8;

/**
 * `whole` is a six-character check code that holds `cut`, a shorter reading of the same code — its end read as an
 * ideograph ("7d0aff" read "7d0a什") or lost at a crop's edge, its start under a rule.
 */
export function holdsCode(whole: string, cut: string): boolean {
  return /^[0-9a-f]{6}$/.test(whole) && /^[0-9a-f]{4,5}$/.test(cut) && (whole.startsWith(cut) || whole.endsWith(cut));
}

/**
 * Of two readings of a check code, the whole one where the other is cut (believed as much as the surer of the two,
 * and never more than `WHOLE_CODE_CONF`: the two disagree), else the more confident one.
 */
export function preferWholeCode<T extends { value: string; conf: number }>(a: T, b: T): T {
  if (holdsCode(b.value, a.value)) return { ...b, conf: Math.min(WHOLE_CODE_CONF, Math.max(a.conf, b.conf)) };
  if (holdsCode(a.value, b.value)) return { ...a, conf: Math.min(WHOLE_CODE_CONF, Math.max(a.conf, b.conf)) };
  return b.conf > a.conf ? b : a;
}

const COLUMN_HEADINGS = new RegExp(`^(?:${COLUMN_WORDS.join('|')})+$`);

/** A text made only of the items table's column headings ("金额", "项目金额"). */
export function onlyColumnWords(v: string): boolean {
  return COLUMN_HEADINGS.test(v.replace(/[()（）\s]/g, ''));
}

/** Extracts a value of `kind` at the start of `text`. */
export function extractValue(kind: ValueKind, text: string): Extracted | null {
  let m: RegExpExecArray | null;
  const groupAt = (full: RegExpExecArray, g: string): [number, number] => {
    const idx = full.index + full[0].lastIndexOf(g);
    return [idx, idx + g.length];
  };
  switch (kind) {
    case 'digits': {
      m = new RegExp(`${LEAD}(?:N[oO0º]\\.?\\s?|№\\s?)?([0-9OoDlI|SB][0-9OoDlI|SB ]{3,14})`).exec(text);
      if (!m) return null;
      const raw = m[1]!.trim().split(/ {2,}|\t/)[0]!;
      const v = fixDigits(raw.replace(/ /g, ''));
      if (!v || v.length < 4 || v.length > 12) return null;
      const [s] = groupAt(m, m[1]!);
      return { value: v, start: s, end: s + raw.length, shape: v.length === 8 || v.length === 10 ? 1 : 0.7 };
    }
    case 'hex': {
      m = new RegExp(`${LEAD}([0-9A-Za-z]{4,8})(?![0-9A-Za-z])`).exec(text);
      if (!m) return null;
      const v = hexLabelled(m[1]!);
      if (!v) return null;
      const [s, e] = groupAt(m, m[1]!);
      return { value: v.value, start: s, end: e, shape: v.shape };
    }
    case 'date': {
      const lead = new RegExp(LEAD).exec(text)?.[0].length ?? 0;
      const d = findDates(text).find((x) => x.start <= lead + 1);
      return d ? { value: d.value, start: d.start, end: d.end, shape: 1 } : null;
    }
    case 'amount': {
      // ':' or ';' as the decimal point: OCR reads a small '.' as ':' ("1280:41").
      m = new RegExp(`${LEAD}([0-9][0-9 ,.]*[.,:;] ?[0-9]{2})(?![0-9])`).exec(text);
      if (!m) {
        // The ¥ before the digits read as a letter ("E150,994.83"): the well-formed amount after it, for checking.
        const y = new RegExp(`${LEAD}[A-Za-z]((?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)\\.[0-9]{2})(?![0-9])`).exec(text);
        const yv = y ? normalizeAmount(y[1]!) : null;
        if (!y || !yv) return null;
        const [s, e] = groupAt(y, y[1]!);
        return { value: yv, start: s, end: e, shape: 0.8 };
      }
      const v = normalizeAmount(m[1]!);
      if (!v) return null;
      const [s, e] = groupAt(m, m[1]!);
      // Digits right after a thousands separator (",743.74"): the digits before it were lost ("1,743.74" with the
      // 1 merged into a rule or the ¥) — not a reading of this amount.
      if (/[,，]\s?$/.test(text.slice(0, s))) return null;
      // A lone digit set apart before the amount ("| 708.15" read "1 708.15"): a table rule or a speck read as a
      // digit — amounts are printed without spaces. The rest is taken, the whole kept as an alternative; unsure.
      const lone = /^[0-9] +([0-9].*)$/.exec(m[1]!);
      const rest = lone ? normalizeAmount(lone[1]!) : null;
      if (rest) return { value: rest, start: s, end: e, alts: [v], shape: 0.5 };
      // No separator between label and digits: the colon may have been read as a digit ("支付2217609.89").
      const alt = m[0].startsWith(m[1]!) && /^[1278]\d/.test(v) ? normalizeAmount(m[1]!.slice(1)) : null;
      return alt ? { value: v, start: s, end: e, alts: [alt], shape: 1 } : { value: v, start: s, end: e, shape: 1 };
    }
    case 'name': {
      m = new RegExp(`${LEAD}([\\u4e00-\\u9fff·]{2,5})`).exec(text);
      if (!m) return null;
      const [s, e] = groupAt(m, m[1]!);
      return { value: m[1]!, start: s, end: e, shape: m[1]!.length <= 4 ? 1 : 0.6 };
    }
    case 'text': {
      m = new RegExp(`${LEAD}([\\u4e00-\\u9fff][\\u4e00-\\u9fff()]{1,40})`).exec(text);
      if (!m) return null;
      const v = m[1]!.replace(/\($/, '');
      if (onlyColumnWords(v)) return null;
      const [s] = groupAt(m, m[1]!);
      return { value: v, start: s, end: s + v.length, shape: 1 };
    }
    case 'period': {
      const p = findPeriod(text);
      return p && p.start <= 6 ? { value: p.value, start: p.start, end: p.end, shape: 1 } : null;
    }
    case 'upper': {
      m = new RegExp(`${LEAD}(?:人民币)?([\\u4e00-\\u9fff]{2,30})`).exec(text);
      if (!m || upperShare(m[1]!) < 0.5) return null;
      const [s, e] = groupAt(m, m[1]!);
      return { value: m[1]!, start: s, end: e, shape: upperShare(m[1]!) };
    }
    case 'token': {
      // The first run of non-space characters (what a label of a value we do not read owns).
      m = new RegExp(`${LEAD}([^\\s]{1,40})`).exec(text);
      if (!m) return null;
      const [s, e] = groupAt(m, m[1]!);
      return { value: m[1]!, start: s, end: e, shape: 1 };
    }
    default:
      return null;
  }
}
