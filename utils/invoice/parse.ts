// OCR / PDF text lines → invoice fields. Label-anchored (fuzzy, OCR-noise tolerant) with shape-based fallbacks.
import { fixDigits, normalizeAmount, normalizeDate, upperShare, UPPER_CHARS } from './shapes';
import { isCjk, normLine, spanInfo, type NormLine } from './text';
import type { Box, FieldName, InsuranceType, InvoiceFields, OcrLine, VisitType } from './types';

/** One value read for a field, with its confidence (0..1) and the boxes it came from. */
export interface Reading<T = unknown> {
  value: T;
  conf: number;
  boxes: Box[];
  /** True when anchored on a printed label (false: found by shape or position only). */
  labelled: boolean;
  /** Less likely readings (e.g. a colon misread as a digit: "支付2217609.89" → "217609.89"); cross-checks may pick one. */
  alts?: T[];
}

export type Readings = { [K in FieldName]?: Reading<NonNullable<InvoiceFields[K]>> };

export interface ParsedText {
  fields: Readings;
  /** Extra values used by cross-checks only. */
  extra: { otherPaid?: Reading<string> };
}

type Kind = 'digits' | 'hex' | 'date' | 'amount' | 'name' | 'text' | 'period' | 'upper' | 'none';

type LabelKey = FieldName | 'otherPaid' | 'payerId' | 'boundary' | 'visitLabel';

interface LabelDef {
  key: LabelKey;
  kind: Kind;
  texts: string[];
}

const LABELS: LabelDef[] = [
  { key: 'invoiceCode', kind: 'digits', texts: ['票据代码', '发票代码'] },
  { key: 'invoiceNumber', kind: 'digits', texts: ['票据号码', '发票号码'] },
  { key: 'checkCode', kind: 'hex', texts: ['校验码'] },
  { key: 'issueDate', kind: 'date', texts: ['开票日期', '开具日期', '填制日期'] },
  { key: 'payerId', kind: 'none', texts: ['交款人统一社会信用代码', '统一社会信用代码', '社会信用代码', '身份证号码'] },
  { key: 'payerName', kind: 'name', texts: ['交款人', '患者姓名', '姓名'] },
  { key: 'hospital', kind: 'text', texts: ['收款单位(盖章)', '收款单位(章)', '收款单位', '医疗机构名称', '开票单位'] },
  { key: 'totalAmountUpper', kind: 'upper', texts: ['金额合计(大写)', '合计(大写)', '(大写)'] },
  { key: 'totalAmount', kind: 'amount', texts: ['(小写)', '合计金额', '金额合计'] },
  { key: 'insuranceTypeText', kind: 'text', texts: ['医保类型', '医疗保险类型', '医保类别', '参保类型', '人员类别'] },
  { key: 'fundPaid', kind: 'amount', texts: ['医保统筹基金支付', '统筹基金支付', '医保统筹支付', '统筹支付'] },
  { key: 'otherPaid', kind: 'amount', texts: ['其他支付'] },
  { key: 'accountPaid', kind: 'amount', texts: ['个人账户支付', '个人帐户支付', '账户支付'] },
  { key: 'cashPaid', kind: 'amount', texts: ['个人现金支付', '现金支付'] },
  { key: 'hospitalizationPeriod', kind: 'period', texts: ['住院时间', '住院日期', '住院期间'] },
  { key: 'visitLabel', kind: 'text', texts: ['就诊类型', '就诊类别', '门诊类型'] },
  {
    key: 'boundary',
    kind: 'none',
    texts: [
      '医疗机构类型', '医保编号', '性别', '住院号', '病历号', '业务流水号', '住院科别', '预缴金额', '补缴金额', '退费金额',
      '个人自付', '个人自费', '分类自负', '附加基金支付', '住院天数', '医保当年账户余额', '医保历年账户余额', '备注',
      '复核人', '收款人', '开票人', '项目名称', '门诊号', '就诊日期', '医保流水号', '医疗机构', '金额(元)',
    ],
  },
];

/** Characters OCR typically confuses in these labels (cheap substitution in the fuzzy match). */
const CONFUSE: string[] = ['码玛吗妈', '据禄拆', '号导吕呈', '验骀险', '期朋翰', '款效敦', '额领颖预', '计汁许', '写驾', '统绕', '筹寿', '账帐胀', '户尸', '类荚', '型形', '付什', '支吉', '现观', '金全会', '院阮', '费贺', '票栗要', '代伐'];
const CONFUSE_MAP = new Map<string, Set<string>>();
for (const g of CONFUSE) for (const a of g) CONFUSE_MAP.set(a, new Set(g));

function subCost(a: string, b: string): number {
  if (a === b) return 0;
  if (CONFUSE_MAP.get(a)?.has(b)) return 0.3;
  return 1;
}

/** Weighted edit distance between `a` and label `b`. */
function editDistance(a: string[], b: string[]): number {
  const n = a.length;
  const m = b.length;
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + subCost(a[i - 1]!, b[j - 1]!));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[m]!;
}

function threshold(n: number): number {
  if (n <= 2) return 1;
  if (n === 3) return 0.7;
  return 0.6;
}

interface Hit {
  def: LabelDef;
  label: string;
  /** Start/end in the normalised line string `s`. */
  start: number;
  end: number;
  score: number;
}

interface Compact {
  chars: string[];
  /** Index in `s` of each compact char. */
  pos: number[];
}

function compact(s: string): Compact {
  const chars: string[] = [];
  const pos: number[] = [];
  Array.from(s).forEach((c, i) => {
    if (c !== ' ' && c !== '\t') {
      chars.push(c);
      pos.push(i);
    }
  });
  return { chars, pos };
}

interface PreparedLabel {
  def: LabelDef;
  label: string;
  chars: string[];
  /** The label's characters and their OCR confusions. */
  set: Set<string>;
  thr: number;
  /** Minimum number of window characters that must belong to `set`. */
  need: number;
}

const PREPARED: PreparedLabel[] = LABELS.flatMap((def) =>
  def.texts.map((label) => {
    const chars = Array.from(label);
    const set = new Set(chars.flatMap((c) => [c, ...(CONFUSE_MAP.get(c) ?? [])]));
    const thr = threshold(chars.length);
    const maxDist = chars.length * (1 - thr);
    return { def, label, chars, set, thr, need: Math.max(1, Math.ceil(chars.length - maxDist)) };
  }),
);

const LABEL_CHARS = new Set(PREPARED.flatMap((p) => [...p.set]));

export function findLabels(nl: NormLine): Hit[] {
  const { chars, pos } = compact(nl.s);
  const hits: Hit[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c0 = chars[i]!;
    if (!LABEL_CHARS.has(c0)) continue;
    for (const pl of PREPARED) {
      // A best alignment starts on a label character (a leading substitution costs the same as a deletion).
      if (!pl.set.has(c0)) continue;
      const n = pl.chars.length;
      let inSet = 0;
      for (let j = i; j < Math.min(chars.length, i + n + 1); j++) if (pl.set.has(chars[j]!)) inSet++;
      if (inSet < pl.need) continue;
      let best: { k: number; score: number } | null = null;
      for (let k = Math.max(2, n - 1); k <= n + 1; k++) {
        if (i + k > chars.length) break;
        const score = 1 - editDistance(chars.slice(i, i + k), pl.chars) / n;
        if (score >= pl.thr && (!best || score > best.score)) best = { k, score };
      }
      if (best) hits.push({ def: pl.def, label: pl.label, start: pos[i]!, end: pos[i + best.k - 1]! + 1, score: best.score });
    }
  }
  // Non-maximum suppression: best (score, then length) first; no overlaps.
  // Ranked by matched label characters (score × label length): longer labels win over their parts.
  const rank = (h: Hit) => h.score * Array.from(h.label).length + 0.01 * h.score;
  hits.sort((a, b) => rank(b) - rank(a));
  const kept: Hit[] = [];
  for (const h of hits) if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  return kept.sort((a, b) => a.start - b.start);
}

interface Extracted {
  value: string | [string, string];
  alts?: string[];
  start: number;
  end: number;
}

const LEAD = String.raw`^[\s:;.,()章|丨“”"'‘’]{0,4}`;

/** Extracts a value of `kind` at the start of `region` (a slice of the line starting at `offset`). */
function extractValue(kind: Kind, region: string, offset: number): Extracted | null {
  let m: RegExpExecArray | null;
  const at = (full: RegExpExecArray, group: number): [number, number] => {
    const g = full[group]!;
    const idx = full.index + full[0].lastIndexOf(g);
    return [offset + idx, offset + idx + g.length];
  };
  switch (kind) {
    case 'digits': {
      m = new RegExp(`${LEAD}(?:N[oO0º]\\.?\\s?|№\\s?)?([0-9OoDlI|SB][0-9OoDlI|SB ]{3,14})`).exec(region);
      if (!m) return null;
      const raw = m[1]!.trim().split(/ {2,}|\t/)[0]!;
      const v = fixDigits(raw.replace(/ /g, ''));
      if (!v || v.length < 4 || v.length > 12) return null;
      const [s] = at(m, 1);
      return { value: v, start: s, end: s + raw.length };
    }
    case 'hex': {
      m = new RegExp(`${LEAD}([0-9A-Za-z]{4,7})(?![0-9A-Za-z])`).exec(region);
      if (!m) return null;
      const v = hexFix(m[1]!);
      if (!v) return null;
      const [s, e] = at(m, 1);
      return { value: v, start: s, end: e };
    }
    case 'date': {
      m = new RegExp(`${LEAD}(20\\d{2}\\s*[-年./]\\s*\\d{1,2}\\s*[-月./]\\s*\\d{1,2}\\s*日?|20\\d{6})`).exec(region);
      if (!m) return null;
      const v = normalizeDate(m[1]!);
      if (!v) return null;
      const [s, e] = at(m, 1);
      return { value: v, start: s, end: e };
    }
    case 'amount': {
      // ':' as the decimal point: OCR reads a small '.' as ':' ("1280:41").
      m = new RegExp(`${LEAD}([0-9][0-9 ,.]*[.,:;] ?[0-9]{2})(?![0-9])`).exec(region);
      if (!m) return null;
      const v = normalizeAmount(m[1]!);
      if (!v) return null;
      const [s, e] = at(m, 1);
      // No separator between label and digits: the colon may have been read as a digit ("支付2217609.89").
      const alt = m[0].startsWith(m[1]!) && /^[1278]\d/.test(v) ? normalizeAmount(m[1]!.slice(1)) : null;
      return alt ? { value: v, start: s, end: e, alts: [alt] } : { value: v, start: s, end: e };
    }
    case 'name': {
      m = new RegExp(`${LEAD}([\\u4e00-\\u9fff·]{2,6})`).exec(region);
      if (!m) return null;
      const v = m[1]!;
      const [s, e] = at(m, 1);
      return { value: v, start: s, end: e };
    }
    case 'text': {
      m = new RegExp(`${LEAD}([\\u4e00-\\u9fff][\\u4e00-\\u9fff()]{1,40})`).exec(region);
      if (!m) return null;
      const v = m[1]!.replace(/\($/, '');
      const [s] = at(m, 1);
      return { value: v, start: s, end: s + v.length };
    }
    case 'period':
      return findPeriod(region, offset);
    case 'upper': {
      m = new RegExp(`${LEAD}([\\u4e00-\\u9fff]{2,30})`).exec(region);
      if (!m || upperShare(m[1]!) < 0.5) return null;
      const [s, e] = at(m, 1);
      return { value: m[1]!, start: s, end: e };
    }
    default:
      return null;
  }
}

/** Check code: hex, lower-case, O→0, l/I→1; 4..6 characters (4–5 only when partly redacted). */
export function hexFix(raw: string): string | null {
  const v = raw.toLowerCase().replace(/o/g, '0').replace(/[li]/g, '1');
  if (!/^[0-9a-f]{4,6}$/.test(v)) return null;
  return v;
}

function findPeriod(region: string, offset: number): Extracted | null {
  const re = /(20\d{6}|20\d{2}\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2}\s*日?)\s*(?:-|至|到)\s*(20\d{6}|20\d{2}\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2}\s*日?)/;
  const m = re.exec(region);
  if (!m) return null;
  const a = normalizeDate(m[1]!);
  const b = normalizeDate(m[2]!);
  if (!a || !b || a > b) return null;
  return { value: [a, b], start: offset + m.index, end: offset + m.index + m[0].length };
}

/** First well-formed amount in `text` (a slice of the line starting at `offset`). */
function firstAmount(text: string, offset: number): { value: string; start: number; end: number } | null {
  // 'Y' before the digits is a misread '¥'.
  const re = /(?<![0-9A-XZa-z.,])[0-9][0-9 ,.]*[.,;:] ?[0-9]{2}(?![0-9])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const v = normalizeAmount(m[0]);
    if (v) return { value: v, start: offset + m.index, end: offset + m.index + m[0].length };
  }
  return null;
}

function reading<T>(nl: NormLine, start: number, end: number, value: T, factor: number, labelled: boolean): Reading<T> {
  const { boxes, conf } = spanInfo(nl, start, end);
  return { value, conf: Math.max(0, Math.min(1, conf * factor)), boxes, labelled };
}

/** Region boundaries of a header block: lines above the line-item table. */
function headerEnd(lines: NormLine[]): number {
  const i = lines.findIndex((l) => /项目|名称|金额\(元/.test(l.s.replace(/\s/g, '')));
  if (i >= 0) return i;
  return Math.max(3, Math.ceil(lines.length * 0.35));
}

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

/** 医保类型 texts printed on invoices; an OCR reading within a small edit distance is snapped to one of them. */
const INSURANCE_TEXTS = [
  '职工基本医疗保险', '城镇职工基本医疗保险', '城乡居民基本医疗保险', '城镇居民基本医疗保险', '居民基本医疗保险',
  '职工医保', '居民医保', '城乡居民医保', '新型农村合作医疗', '住院社保卡', '门诊社保卡', '自费', '医保',
];

export function snapInsuranceText(v: string): string {
  const chars = Array.from(v);
  if (chars.length < 4) return v;
  let best: { t: string; d: number } | null = null;
  for (const t of INSURANCE_TEXTS) {
    const d = editDistance(chars, Array.from(t));
    if (!best || d < best.d) best = { t, d };
  }
  return best && best.d > 0 && best.d <= Math.max(1, Math.floor(chars.length * 0.25)) ? best.t : v;
}

export function insuranceTypeFromText(text: string | null | undefined): InsuranceType {
  if (!text) return 'unknown';
  const t = text.replace(/\s/g, '');
  if (/职工|在职|退休|职保/.test(t)) return 'employee';
  if (/居民|城乡|居保|少儿|学生|儿童|大学生|老年|新农合|农村/.test(t)) return 'resident';
  return 'unknown';
}

/** What a 收款单位 value must look like (rejects neighbouring labels such as 收款人 read through the gap). */
const HOSPITAL_SUFFIX = '(?:医院|卫生院|中心|门诊部|诊所|保健院|医学院|分院|研究所|卫生室|医务室|卫生站|防治院|防治所|急救站)';
/** Longest prefix ending in an organisation suffix (greedy: "…医院…分院" keeps the branch). */
const HOSPITAL_CUT_RE = new RegExp(`^[\\u4e00-\\u9fff()]*${HOSPITAL_SUFFIX}`);

/** Parses text lines (reading order) into field readings. Never throws on any input. */
export function parseInvoiceText(lines: OcrLine[]): ParsedText {
  const out: ParsedText = { fields: {}, extra: {} };
  const nls = lines.map((l, i) => normLine(l, i)).filter((l) => l.s.length > 0);
  const hdrEnd = headerEnd(nls);
  const put = <K extends FieldName>(f: K, r: Reading<NonNullable<InvoiceFields[K]>>) => {
    const cur = out.fields[f];
    if (!cur || r.conf > cur.conf) (out.fields as Record<string, Reading>)[f] = r;
  };
  const used: Array<{ line: number; start: number; end: number }> = [];
  let visitLabel: Reading<VisitType> | null = null;
  const isUsed = (line: number, start: number, end: number) => used.some((u) => u.line === line && start < u.end && u.start < end);

  // ---- 1. label-anchored values
  for (const nl of nls) {
    const hits = findLabels(nl);
    hits.forEach((h, hi) => {
      if (h.def.kind === 'none') return;
      const next = hits[hi + 1];
      let regionEnd = next ? next.start : nl.s.length;
      const tab = nl.s.indexOf('\t', h.end + 1);
      if (h.def.kind !== 'period' && tab >= 0 && tab < regionEnd && nl.s.slice(h.end, tab).trim().length > 0) regionEnd = tab;
      const region = nl.s.slice(h.end, regionEnd);
      const ex = extractValue(h.def.kind, region, h.end);
      if (!ex) return;
      const factor = 0.75 + 0.25 * h.score;
      used.push({ line: nl.index, start: ex.start, end: ex.end });
      const key = h.def.key;
      if (key === 'otherPaid') {
        out.extra.otherPaid = reading(nl, ex.start, ex.end, ex.value as string, factor, true);
        if (ex.alts) out.extra.otherPaid.alts = ex.alts;
        return;
      }
      if (key === 'payerId' || key === 'boundary') return;
      if (key === 'visitLabel') {
        const v = visitTypeFromText(ex.value as string);
        if (v) visitLabel = reading(nl, ex.start, ex.end, v, factor, true);
        return;
      }
      if (key === 'insuranceTypeText' && ex.end >= nl.s.length) {
        // Wrapped onto the next line ("城乡居民" / "其他信息 基本医疗保险").
        const next = nls[nls.indexOf(nl) + 1];
        const cont = next && !/(保险|医保|卡)$/.test(ex.value as string) ? /^(?:其他信息|[其他信息])?[\s]*([\u4e00-\u9fff]{0,8}?(?:保险|医保))(?=[\s\t]|$|性别)/.exec(next.s) : null;
        if (cont) ex.value = (ex.value as string) + cont[1]!;
      }
      if (key === 'invoiceCode' && (ex.value as string).length > 8) return;
      if (key === 'invoiceNumber' && (ex.value as string).length > 10) return;
      if (key === 'totalAmountUpper') {
        if (typeof ex.value !== 'string') return;
        ex.value = ex.value.replace(/(?<=[元圆分整角])[^元圆分整角]{1,3}$/, '');
        ex.end = ex.start + ex.value.length;
        // The 小写 total usually follows on the same line, its own label often garbled.
        const am = firstAmount(nl.s.slice(ex.end, ex.end + 40), ex.end);
        if (am) put('totalAmount', reading(nl, am.start, am.end, am.value, 0.85 * factor, false));
      }
      if (key === 'hospital') {
        // Cut at the last organisation suffix ("苏州大学附属第一医院收款人…" → "…医院"); a bare "…院" is weaker.
        const hv = ex.value as string;
        const m = HOSPITAL_CUT_RE.exec(hv);
        // Text after the suffix (a seal over "医院" read as "中心权") hints at a truncated name: less sure.
        const truncated = !!m && hv.length > m[0].length;
        if (m) ex.value = m[0];
        else if (/^[\u4e00-\u9fff]{3,}院/.test(hv)) ex.value = /^[\u4e00-\u9fff]{3,}?院/.exec(hv)![0];
        else return;
        if (!m) {
          put('hospital', reading(nl, ex.start, ex.start + (ex.value as string).length, ex.value as string, factor * 0.6, true));
          return;
        }
        ex.end = ex.start + (ex.value as string).length;
        if (truncated) {
          put('hospital', reading(nl, ex.start, ex.end, ex.value as string, factor * 0.7, true));
          return;
        }
      }
      const r = reading(nl, ex.start, ex.end, ex.value as never, factor, true);
      if (ex.alts) r.alts = ex.alts as never[];
      put(key, r);
    });
  }

  // ---- 2. shape fallbacks
  for (const nl of nls) {
    const s = nl.s;
    // 住院时间 20210323-20210414 (also unlabelled)
    if (!out.fields.hospitalizationPeriod) {
      const p = findPeriod(s, 0);
      if (p && /^\d{8}\s*-\s*\d{8}$|住院/.test(s.slice(p.start, p.end) + s)) {
        put('hospitalizationPeriod', reading(nl, p.start, p.end, p.value as [string, string], 0.7, false));
        used.push({ line: nl.index, start: p.start, end: p.end });
      }
    }
    // 大写 total: a run mostly made of upper-case money characters.
    const upRe = new RegExp(`[${UPPER_CHARS}\\u4e00-\\u9fff]{5,30}`, 'g');
    let um: RegExpExecArray | null;
    while ((um = upRe.exec(s))) {
      // Trailing junk after the last 元/分/整/角 (a misread '¥': "…玖分王 399.49").
      const run = um[0].replace(/(?<=[元圆分整角])[^元圆分整角]{1,3}$/, '');
      if (upperShare(run) < 0.5 || !/[元圆分整角]$/.test(run) || isUsed(nl.index, um.index, um.index + run.length)) continue;
      put('totalAmountUpper', reading(nl, um.index, um.index + run.length, run, 0.5 + 0.4 * upperShare(run), false));
      // 小写 total printed after the 大写 on the same line, its label possibly garbled ("写)276,020.66").
      const after = um.index + run.length;
      const am = firstAmount(s.slice(after, after + 40), after);
      if (am) put('totalAmount', reading(nl, am.start, am.end, am.value, 0.85, false));
    }
    // "写)276,020.66" even without a readable 大写 run
    const wi = s.indexOf('写');
    if (wi >= 0) {
      const am = firstAmount(s.slice(wi + 1, wi + 16), wi + 1);
      if (am) put('totalAmount', reading(nl, am.start, am.end, am.value, 0.85, false));
    }
    // Hospital names anywhere (bottom line under the seal, or the title of other provinces' receipts).
    if (!/类型|类别/.test(s)) {
      const hm = /[\u4e00-\u9fff()]{2,24}?(医院|卫生院|卫生服务中心|门诊部|诊所|保健院|医疗中心)(?:[\u4e00-\u9fff]{0,6}分院)?/.exec(s);
      if (hm && !/^(上海市)?医疗/.test(hm[0])) put('hospital', reading(nl, hm.index, hm.index + hm[0].length, hm[0].replace(/^\(?章\)?/, ''), 0.6, false));
    }
  }

  // Header-only fallbacks: unlabelled dates, numbers and check codes.
  for (const nl of nls.slice(0, Math.max(hdrEnd, 1))) {
    const s = nl.s;
    if (!out.fields.issueDate) {
      const dm = /(20\d{2}\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2}\s*日?)/.exec(s);
      const v = dm ? normalizeDate(dm[1]!) : null;
      if (dm && v && !isUsed(nl.index, dm.index, dm.index + dm[1]!.length)) put('issueDate', reading(nl, dm.index, dm.index + dm[1]!.length, v, 0.6, false));
    }
    const tokRe = /(^|[\s:;])([0-9A-Za-z]{4,12})(?=$|[\s;,])/g;
    let tm: RegExpExecArray | null;
    while ((tm = tokRe.exec(s))) {
      const tok = tm[2]!;
      const st = tm.index + tm[1]!.length;
      if (isUsed(nl.index, st, st + tok.length)) continue;
      if (/[*#]/.test(s.slice(st + tok.length, st + tok.length + 2))) continue; // masked ID
      const digits = /^[0-9]+$/.test(tok) ? tok : null;
      if (digits) {
        if (digits.length === 10 && !out.fields.invoiceNumber) {
          put('invoiceNumber', reading(nl, st, st + tok.length, digits, 0.6, false));
          used.push({ line: nl.index, start: st, end: st + tok.length });
        } else if (digits.length >= 6 && digits.length <= 9) {
          const code = out.fields.invoiceCode;
          if (code && code.value !== digits && !out.fields.invoiceNumber) {
            put('invoiceNumber', reading(nl, st, st + tok.length, digits, 0.55, false));
            used.push({ line: nl.index, start: st, end: st + tok.length });
          } else if (!code && digits.length === 8 && /^[1-6]\d0[6-9]/.test(digits)) {
            put('invoiceCode', reading(nl, st, st + tok.length, digits, 0.5, false));
            used.push({ line: nl.index, start: st, end: st + tok.length });
          }
        }
      } else if (!out.fields.checkCode && /[0-9]/.test(tok) && /[a-fA-F]/.test(tok) && tok.length <= 6) {
        const v = hexFix(tok);
        if (v) {
          put('checkCode', reading(nl, st, st + tok.length, v, 0.6, false));
          used.push({ line: nl.index, start: st, end: st + tok.length });
        }
      }
    }
  }

  // ---- 3. derived: visit type and insurance type
  const titleLines = nls.slice(0, Math.max(2, Math.min(hdrEnd, 4)));
  let vt: Reading<VisitType> | null = visitLabel;
  for (const nl of vt ? [] : titleLines) {
    const m = /(门急诊|门诊|急诊|住院)/.exec(nl.s.replace(/\s/g, '')) && /(门急诊|门诊|急诊|住院)/.exec(nl.s);
    if (m && /票据|收费|发票|医疗/.test(nl.s)) {
      const v = visitTypeFromText(m[1]!);
      if (v) {
        vt = reading(nl, m.index, m.index + m[1]!.length, v, 0.9, true);
        break;
      }
    }
  }
  if (!vt) {
    const fromCode = visitTypeFromCode(out.fields.invoiceCode?.value);
    if (fromCode) vt = { value: fromCode, conf: 0.6 * (out.fields.invoiceCode?.conf ?? 0.5) + 0.2, boxes: out.fields.invoiceCode?.boxes ?? [], labelled: false };
  }
  const all = nls.map((l) => l.s.replace(/\s/g, '')).join('\n');
  if (!vt || vt.conf < 0.6) {
    if (out.fields.hospitalizationPeriod || /住院(天数|号|科别|时间)/.test(all)) {
      vt = { value: 'inpatient', conf: vt?.value === 'inpatient' ? 0.8 : 0.6, boxes: out.fields.hospitalizationPeriod?.boxes ?? vt?.boxes ?? [], labelled: false };
    } else if (!vt && /门诊号|就诊日期|门诊/.test(all)) {
      vt = { value: 'outpatient', conf: 0.5, boxes: [], labelled: false };
    }
  }
  if (vt) put('visitType', vt);

  const it = out.fields.insuranceTypeText;
  if (it) {
    const snapped = snapInsuranceText(it.value);
    if (snapped !== it.value) it.value = snapped;
    const t = insuranceTypeFromText(it.value);
    put('insuranceType', { value: t, conf: t === 'unknown' ? it.conf * 0.8 : it.conf, boxes: it.boxes, labelled: it.labelled });
  } else {
    const t = insuranceTypeFromText(/职工|居民/.exec(all)?.[0]);
    if (t !== 'unknown') put('insuranceType', { value: t, conf: 0.4, boxes: [], labelled: false });
  }

  // Payer names must not be a label word.
  const pn = out.fields.payerName;
  if (pn && (/统一|社会|信用|代码|单位|日期/.test(pn.value) || !Array.from(pn.value).every(isCjkOrDot))) delete out.fields.payerName;
  return out;
}

function isCjkOrDot(c: string): boolean {
  return c === '·' || isCjk(c);
}
