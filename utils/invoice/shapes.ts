// Value shapes of invoice fields: amounts, dates, codes, Chinese upper-case money numerals.
import Nzh from 'nzh';

/** Digit-like OCR confusions inside numbers. */
const DIGIT_FIX: Record<string, string> = { O: '0', o: '0', D: '0', Q: '0', l: '1', I: '1', '|': '1', i: '1', S: '5', s: '5', B: '8', Z: '2', z: '2', g: '9' };

/** Replaces letter look-alikes by digits in a token that is mostly digits; returns null when it is not. */
export function fixDigits(token: string): string | null {
  const t = token.replace(/\s+/g, '');
  if (!t) return null;
  let digits = 0;
  let out = '';
  for (const c of t) {
    if (c >= '0' && c <= '9') {
      digits++;
      out += c;
    } else if (DIGIT_FIX[c]) out += DIGIT_FIX[c];
    else return null;
  }
  return digits / t.length >= 0.6 ? out : null;
}

/**
 * Normalises an amount as printed/OCR'd ("276,020.66", "276.020.66", "8, 353.00", "0 ,00") to
 * "276020.66". The last separator followed by 2 digits is the decimal point; earlier separators are
 * thousands separators (groups of 3). Returns null for anything else.
 */
export function normalizeAmount(raw: string): string | null {
  let t = raw.replace(/[\s]/g, '').replace(/[，。．]/g, (c) => (c === '，' ? ',' : '.'));
  t = t.replace(/^[^0-9]+/, '').replace(/[^0-9]+$/, '');
  if (!t) return null;
  // ';' / ':' read for a small decimal point ("162;95"); doubled separators ("291,.268.32").
  t = t.replace(/[;:](?=[0-9]{2}$)/, '.').replace(/[.,]{2,}/g, (m) => m[m.length - 1]!);
  if (!/^[0-9][0-9.,]*$/.test(t)) return null;
  // Invoices always print two decimals; anything else is a truncated or different number.
  const m = /^(.*?)[.,]([0-9]{2})$/.exec(t);
  if (!m || m[1] === '') return null;
  const intPart = m[1]!;
  const dec = m[2]!;
  const groups = intPart.split(/[.,]/);
  if (groups.length > 1 && (groups.slice(1).some((g) => g.length !== 3) || groups[0]!.length > 3 || groups[0]!.length === 0)) return null;
  const int = groups.join('');
  if (!/^[0-9]+$/.test(int) || int.length > 9) return null;
  return `${String(Number(int))}.${dec}`;
}

/** Amount → cents (integer) or null. */
export function amountCents(a: string | null | undefined): number | null {
  if (!a || !/^[0-9]+\.[0-9]{2}$/.test(a)) return null;
  const [i, d] = a.split('.');
  return Number(i) * 100 + Number(d);
}

export function centsToAmount(c: number): string {
  return `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
}

/** True when y-m-d is a real calendar date between 2000 and 2099. */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 2000 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= dim;
}

export function ymd(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "20210414" / "2021-04-14" / "2021年4月14日" / "2021.04.14" / "2021/4/14" → "2021-04-14" (only real dates). */
export function normalizeDate(raw: string): string | null {
  const t = raw.replace(/\s+/g, '');
  let m = /^(20\d{2})(\d{2})(\d{2})$/.exec(t);
  if (!m) m = /^(20\d{2})[-年./](\d{1,2})[-月./](\d{1,2})日?$/.exec(t);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isRealDate(y, mo, d) ? ymd(y, mo, d) : null;
}

export function isIsoDate(s: string | null | undefined): boolean {
  if (!s) return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

// ---------- Chinese upper-case money numerals ----------

const UPPER_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UPPER_UNITS = '拾佰仟万亿';
export const UPPER_CHARS = `${UPPER_DIGITS}${UPPER_UNITS}元圆角分整正`;

/** Characters the recogniser reads for a 大写 numeral or unit (and that never appear in a 大写 amount themselves). */
export const UPPER_LOOKALIKES: Record<string, string> = { 什: '仟', 任: '仟', 参: '叁', 抬: '拾', 恰: '拾', 伯: '佰', 陌: '佰', 式: '贰', 武: '贰', 陸: '陆', 染: '柒' };

/**
 * Decodes "贰拾柒万陆仟零贰拾元零陆角陆分" → "276020.66"; "人民币"/"整"/spaces ignored.
 * Returns null when the text is not a well-formed upper-case money amount (e.g. OCR garbage).
 */
export function upperToAmount(raw: string): string | null {
  let t = raw.replace(/[\s(（)）:：]/g, '').replace(/^人民币/, '').replace(/[整正]$/, '');
  t = t.replace(/圆/g, '元');
  if (!t) return null;
  if (!new RegExp(`^[${UPPER_DIGITS}${UPPER_UNITS}元角分]+$`).test(t)) return null;
  const m = new RegExp(`^(?:([${UPPER_DIGITS}${UPPER_UNITS}]+)元)?(?:零?([${UPPER_DIGITS}])角)?(?:零?([${UPPER_DIGITS}])分)?$`).exec(t);
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  let yuan = 0;
  if (m[1]) {
    const intText = m[1];
    // Must be structurally sound: no two units in a row except 万/亿 after another unit.
    if (/^[拾佰仟万亿]/.test(intText) && !/^拾/.test(intText)) return null;
    yuan = Number(Nzh.cn.decodeB(intText));
    if (!Number.isFinite(yuan) || (yuan === 0 && !/^零+$/.test(intText))) return null;
    // Round-trip: the canonical encoding must use the same digits (guards against nzh's lenient decoding).
    const canon = Nzh.cn.encodeB(yuan);
    if (canon.replace(/零/g, '') !== intText.replace(/零/g, '') && canon.replace(/^壹拾/, '拾').replace(/零/g, '') !== intText.replace(/零/g, '')) return null;
  }
  const jiao = m[2] ? UPPER_DIGITS.indexOf(m[2]) : 0;
  const fen = m[3] ? UPPER_DIGITS.indexOf(m[3]) : 0;
  return `${yuan}.${jiao}${fen}`;
}

/** Canonical upper-case form of an amount ("276020.66" → "贰拾柒万陆仟零贰拾元陆角陆分"). */
export function amountToUpper(amount: string): string {
  return Nzh.cn.toMoney(amount, { outSymbol: false });
}

/**
 * Whether a 大写 text too damaged to decode ("贰万肆什伍佰抽拾肆元肆角陆分") still agrees with `amount`: same
 * length as the amount's own 大写 (零 and 整 aside), every readable numeral and unit where the amount puts
 * it, only a few characters unreadable (not numerals: a misread numeral that is another numeral disagrees).
 */
export function upperAgrees(raw: string, amount: string): boolean {
  const norm = (x: string) => Array.from(x.replace(/[\s(（)）:：]/g, '').replace(/^人民币/, '').replace(/[整正]$/, '').replace(/圆/g, '元').replace(/零/g, ''));
  const read = norm(raw);
  const want = norm(amountToUpper(amount));
  if (read.length !== want.length || want.length < 4) return false;
  let unread = 0;
  for (let i = 0; i < read.length; i++) {
    // (a look-alike of the numeral the amount puts there counts as read; of another numeral, disagrees)
    if (read[i] === want[i] || UPPER_LOOKALIKES[read[i]!] === want[i]) continue;
    if (UPPER_LOOKALIKES[read[i]!]) return false;
    if (UPPER_CHARS.includes(read[i]!)) return false;
    unread++;
  }
  return unread <= Math.max(1, Math.floor(want.length / 3));
}

/** Share of characters in `s` that belong to the upper-case money character set. */
export function upperShare(s: string): number {
  const chars = Array.from(s.replace(/\s/g, ''));
  if (!chars.length) return 0;
  return chars.filter((c) => UPPER_CHARS.includes(c)).length / chars.length;
}
