/**
 * The structure report's anonymiser: EVERY string of a report (labels, option texts, section headings, class
 * names, the page title, the URL path …) passes through it before the report leaves the page. Pure, no DOM.
 *
 * A matched piece of text is replaced by its SHAPE — «18 chars, ID-like» — never kept, never hashed. The rules,
 * in the order they run (earlier rules see the text first):
 *
 *  1. secrets — the exact values the page holds now (what was typed or filled into text fields, the names and
 *     ID the panel chose, invoice cells, file names) wherever they appear, and the street part of an address
 *     value (what follows its district / town). Values that are the page's own fixed words (an option of a
 *     list, a bank, a district, a word the helper knows) are not secrets: they name a choice, not a person.
 *  2. e-mail addresses → «email».
 *  3. file names (身份证正面.jpg, scan.pdf …) → «file name».
 *  4. masked values the portal itself shows (王*英, 3101**********0026) → «N chars, masked».
 *  5. dates (1948-03-15, 1948年3月15日, 1948/3/15) → «date»: a birth date is personal.
 *  6. addresses: a run of characters holding a house number (3号, 225弄, 101室, 5栋, 2单元 …) or a road with a
 *     number (泗通路225) → «N chars, address-like». District, town and road names WITHOUT a number stay: they
 *     are the portal's lists (区 / 街道 selects), not somebody's address.
 *  7. digit runs of 6 or more (spaces or hyphens inside allowed, letters attached make it a code):
 *     18 chars ending in a digit or X, or 15 digits → ID-like; 11 digits 1[3-9]… → phone-like; a 0-led area
 *     code with 7–8 digits → phone-like; 12–19 digits → bank-number-like; 7–8 digits → phone-like (a local
 *     number); anything else → «N digits»; with letters → «N chars, code-like». Shorter runs stay (金额(元),
 *     第1张, 12家银行: counts and sizes, not identities).
 *  8. names: a run of 2–4 Han characters standing alone (between punctuation, spaces, digits) that starts with a
 *     common surname, is not a word the helper knows (the label vocabulary and its trap words, documents, banks,
 *     districts, towns, option words, a few form words) and has no character that given names do not have
 *     (区 县 路 院 行 号 期 额 类 型 岁 …) → «N chars, name-like». Inside a longer run, the same shape right after
 *     姓名 / 报销人 / 委托人 / 申请人 / 联系人 / 您好 / 欢迎 (with or without ：) or right before 的 / 先生 / 女士.
 *     Bank names (中国工商银行), districts (黄浦区), hospitals (…医院) and option words (门诊, 本人办理) are
 *     kept: they are fixed lists, not personal. A word mistaken for a name only loses information; a name
 *     is never kept on purpose.
 *
 * The result never contains a « » shape that could be read back as data; applying the anonymiser twice gives
 * the same text (shapes are left alone).
 */
import { BANK_ALIASES, DOCUMENTS, MODE_WORDS, NOISE, OPTION_ALIASES, ROLE_QUALIFIERS, SYNONYMS, TRAPS, VISIT_WORDS, INSURANCE_WORDS } from '@/utils/page/vocabulary';
import { SHANGHAI_DISTRICTS, SHANGHAI_STREETS } from '@/utils/address';
import { STEP_NAMES } from '@/utils/detect/items';

// ------------------------------------------------------------------------------------------------ shapes

export const shape = {
  id: (n: number) => `«${n} chars, ID-like»`,
  phone: (n: number) => `«${n} digits, phone-like»`,
  bank: (n: number) => `«${n} digits, bank-number-like»`,
  digits: (n: number) => `«${n} digits»`,
  code: (n: number) => `«${n} chars, code-like»`,
  name: (n: number) => `«${n} chars, name-like»`,
  address: (n: number) => `«${n} chars, address-like»`,
  masked: (n: number) => `«${n} chars, masked»`,
  value: (n: number) => `«${n} chars, value»`,
  date: () => '«date»',
  email: () => '«email»',
  file: () => '«file name»',
};

/** A piece already replaced by a shape: later rules leave it alone. */
const SHAPE = /«[^«»]*»/g;

// ------------------------------------------------------------------------------------------------ words the helper knows

/** Form words that are not in the vocabulary but are never names (checked as substrings of a candidate). */
const FORM_WORDS = ['方式', '周期', '高级', '金额', '江苏', '浙江', '安徽', '上海', '北京', '石化', '万元', '毛重', '钱款', '龙华', '黄浦', '金山', '徐汇', '单位', '安全', '温馨', '申请', '包括', '全部', '周岁', '齐全', '关于', '宁波', '武汉', '江西', '吉林'];

const KNOWN_WORDS: ReadonlySet<string> = new Set(
  [
    ...SYNONYMS.map((s) => s.term),
    ...TRAPS.flatMap((t) => [t.term, t.why]),
    ...ROLE_QUALIFIERS.map((q) => q.term),
    ...NOISE,
    ...DOCUMENTS.flatMap((d) => d.terms),
    ...BANK_ALIASES.flat(),
    ...Object.values(OPTION_ALIASES).flat(),
    ...MODE_WORDS.flatMap((m) => m.words),
    ...VISIT_WORDS.flatMap((v) => v.words),
    ...INSURANCE_WORDS.flatMap((i) => [...i.words, i.shown]),
    ...SHANGHAI_DISTRICTS.map(([, name]) => name),
    ...SHANGHAI_STREETS.map(([, name]) => name),
    ...Object.values(STEP_NAMES),
    ...FORM_WORDS,
  ].filter((w) => w.length >= 2),
);

/** A word the helper knows, or a text made of them (a bank, a district, a label synonym …). */
export function isKnownWord(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  if (KNOWN_WORDS.has(t)) return true;
  for (const w of KNOWN_WORDS) if (t.includes(w)) return true;
  return false;
}

// ------------------------------------------------------------------------------------------------ names

/** Common surnames (the most frequent ~110, which cover ~90% of people) and compound ones. */
const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫严段雷侯龙史陶黎贺顾毛郝龚邵万钱覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'.split(''),
);
const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '夏侯', '司徒', '令狐', '端木'];

/** Characters that a given name practically never has but form words, places and organisations do. */
const NOT_IN_NAMES = new Set(
  '的了是在有与及或请选填写输入传期额号码证件类型式区县市省镇乡村路街道弄室院行局所站馆司厂园项目数量次个份费用医疗险单据票务信息地址电话手机时间状态备注说名称姓籍贯别表格页步骤操作提交返回确认取消删除编辑新增查看级部门科处组队会办理人员本委托代报销就诊急住开户银账卡社细出结死亡户口簿注销火居职工城合计总额岁位系括屋况规则须知意示例'.split(''),
);

const HAN = /\p{Script=Han}/u;

function startsWithSurname(run: string): number {
  if (COMPOUND_SURNAMES.some((c) => run.startsWith(c))) return 2;
  return SURNAMES.has(run[0] ?? '') ? 1 : 0;
}

/** A run of Han characters shaped like a person's name (see rule 8). */
export function looksLikeName(run: string): boolean {
  if (run.length < 2 || run.length > 4 || ![...run].every((c) => HAN.test(c))) return false;
  const s = startsWithSurname(run);
  if (s === 0 || run.length - s < 1 || run.length - s > 2) return false;
  if (isKnownWord(run)) return false;
  return ![...run.slice(s)].some((c) => NOT_IN_NAMES.has(c));
}

// ------------------------------------------------------------------------------------------------ the rules

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const FILE_NAME = /[^\s\\/:*?"<>|「」（）()，,；;：:«»]+\.(?:jpe?g|png|gif|bmp|webp|heic|pdf|ofd|tiff?|docx?|xlsx?|zip|rar)(?![A-Za-z0-9])/gi;
const MASKED = /[\p{Script=Han}A-Za-z0-9]+[*＊]+[\p{Script=Han}A-Za-z0-9][\p{Script=Han}A-Za-z0-9*＊]*/gu;
const DATE = /(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?/g;
const ADDRESS_CHARS = '[\\p{Script=Han}A-Za-z0-9#\\-－]';
const ADDRESS = new RegExp(
  `${ADDRESS_CHARS}*?(?:\\d+[A-Za-z]?\\s*(?:号楼|号|弄|室|栋|幢|单元|楼|层|组)|(?:路|街|巷|道)\\s*\\d+)${ADDRESS_CHARS}*`,
  'gu',
);
const DIGIT_RUN = /[A-Za-z]*\d+(?:[ \-－]\d+)*[A-Za-z]*/g;
const HAN_RUN = /\p{Script=Han}+/gu;
/** 2–3 characters after a word that introduces a person, or before one that follows a name. */
const NAME_AFTER = /(姓名|报销人|委托人|申请人|参保人|联系人|经办人|您好|欢迎|尊敬的)([:：]?\s*)(\p{Script=Han}{2,3})/gu;
const NAME_BEFORE = /(\p{Script=Han}{2,3})(?=的|先生|女士|同志|老师|您好)/gu;

function classifyDigits(token: string): string | null {
  const digits = token.replace(/\D/g, '');
  const letters = token.replace(/[\d\s\-－]/g, '');
  const d = digits.length;
  if (d < 6) return null;
  if (letters.length === 0 || (letters.length === 1 && /^[Xx]$/.test(letters) && /[Xx]$/.test(token))) {
    if ((d === 17 && letters.length === 1) || (d === 18 && letters.length === 0)) return shape.id(18);
    if (d === 15 && letters.length === 0) return shape.id(15);
    if (letters.length === 0) {
      if (d === 11 && /^1[3-9]/.test(digits)) return shape.phone(11);
      if (digits.startsWith('0') && d >= 10 && d <= 12) return shape.phone(d); // 021-57801234
      if (d >= 12 && d <= 19) return shape.bank(d);
      if (d === 7 || d === 8) return shape.phone(d);
      return shape.digits(d);
    }
  }
  return shape.code(token.replace(/[\s\-－]/g, '').length);
}

/** Apply `fn` to the parts of `text` that are not shapes yet. */
function outsideShapes(text: string, fn: (part: string) => string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(SHAPE)) {
    out += fn(text.slice(last, m.index)) + m[0];
    last = m.index! + m[0].length;
  }
  return out + fn(text.slice(last));
}

const RULES: Array<(part: string) => string> = [
  (p) => p.replace(EMAIL, () => shape.email()),
  (p) => p.replace(FILE_NAME, () => shape.file()),
  (p) => p.replace(MASKED, (m) => shape.masked(m.length)),
  (p) => p.replace(DATE, () => shape.date()),
  (p) => p.replace(ADDRESS, (m) => shape.address(m.length)),
  (p) => p.replace(DIGIT_RUN, (m) => classifyDigits(m) ?? m),
  (p) =>
    p
      .replace(NAME_AFTER, (all, lead: string, sep: string, run: string) => (looksLikeName(run) ? `${lead}${sep}${shape.name(run.length)}` : all))
      .replace(NAME_BEFORE, (run: string) => (looksLikeName(run) ? shape.name(run.length) : run))
      .replace(HAN_RUN, (run) => (looksLikeName(run) ? shape.name(run.length) : run)),
];

/** The shape of a whole value (what a secret is replaced by). */
export function shapeOfValue(value: string): string {
  const v = value.trim();
  const whole = anonymise(v);
  // the value IS one shape (an ID, a phone, a name …): say that
  if (/^«[^«»]*»$/.test(whole)) return whole;
  return shape.value([...v].length);
}

/** Street part of an address value: what follows its district / town (泗泾镇长春园3号101室 → 长春园3号101室). */
function streetPart(value: string): string | null {
  const m = /^(?:.*?(?:省|市|区|县|镇|乡|街道))+(.{4,})$/u.exec(value);
  return m?.[1] && m[1] !== value ? m[1] : null;
}

export interface Anonymiser {
  (text: string): string;
  /** The secrets it scrubs (longest first), for tests. */
  secrets: readonly string[];
}

/**
 * An anonymiser that also scrubs these exact values (rule 1). Values that are fixed words of the page (known
 * words, `keep`: the option texts of the page's lists) are not secrets; neither are values of one character or
 * of digits only shorter than 6 (rule 7 covers longer ones).
 */
export function createAnonymiser(values: readonly string[] = [], keep: readonly string[] = []): Anonymiser {
  const kept = new Set(keep.map((k) => k.trim()));
  const secrets = new Set<string>();
  for (const raw of values) {
    const v = raw.replace(/\s+/g, ' ').trim();
    if ([...v].length < 2 || /^[A-Za-z]{1,3}$/.test(v) || kept.has(v) || KNOWN_WORDS.has(v.replace(/\s+/g, '')) || /^\d{1,5}$/.test(v)) continue;
    secrets.add(v);
    const street = streetPart(v.replace(/\s+/g, ''));
    if (street && !isKnownWord(street)) secrets.add(street);
  }
  const ordered = [...secrets].sort((a, b) => b.length - a.length);
  const shapes = new Map(ordered.map((s) => [s, shapeOfValue(s)]));
  const fn = ((text: string) => {
    if (typeof text !== 'string' || text === '') return text;
    let s = text;
    for (const secret of ordered) if (s.includes(secret)) s = s.split(secret).join(shapes.get(secret)!);
    for (const rule of RULES) s = outsideShapes(s, rule);
    return s;
  }) as Anonymiser;
  fn.secrets = ordered;
  return fn;
}

const plain = createAnonymiser();

/** Rules 2–8 (no page values known). */
export function anonymise(text: string): string {
  return plain(text);
}
