/**
 * One person as people's files really spell it — written by hand, saved from a spreadsheet, exported by
 * the prototype (v0) — turned into the input of `profileSchema`. Knowledge as data: the key aliases and
 * value words are tables; the code only looks them up.
 *
 * - Bookkeeping (`id`, `createdAt`, `updatedAt`) is the helper's: missing or unusable values are filled in,
 *   never a reason to refuse a file.
 * - Keys that mean nothing to the helper are collected (to be named to the user) and ignored.
 * - A number a spreadsheet has rounded (a long ID or card number saved as a number) is reported in plain
 *   words instead of being stored wrong.
 */
import { z } from 'zod';
import { PROFILE_KEYS, type ProfileField } from './schema';

/** Other names of each field: Chinese column titles (as the editor shows them and as people write them) and the prototype's keys. */
export const FIELD_ALIASES: Readonly<Record<ProfileField, readonly string[]>> = {
  id: ['编号'],
  displayName: ['称呼', '昵称', 'nickname'],
  name: ['姓名', '名字', '报销人姓名'],
  idNumber: ['身份证号码', '身份证号', '身份证', '公民身份号码', '证件号码', 'idCard', 'idCardNumber'],
  phone: ['联系电话', '手机号码', '手机号', '手机', '电话', '电话号码', 'phoneNumber', 'mobile', 'tel'],
  mailingAddress: ['邮寄地址', '地址', '通讯地址', '联系地址', '收件地址', 'address'],
  insuranceType: ['医保类型', '参保类型', '医保类别', '险种', 'insurance'],
  bankName: ['开户银行', '开户行', '银行', '银行名称', 'bank'],
  bankAccount: ['银行卡号', '银行账号', '卡号', '账号', 'bankCard', 'bankCardNumber'],
  bankAccountName: ['银行户名', '户名', '开户名', '开户人', '账户名', 'accountName'],
  deceased: ['已故', '已去世'],
  relation: ['与我的关系', '关系'],
  postcode: ['邮政编码', '邮编', 'zip'],
  notes: ['备注', '说明', 'remark', 'remarks', 'note'],
  isSelf: ['我自己', '本人', 'self'],
  temporary: ['临时资料'],
  createdAt: ['创建时间'],
  updatedAt: ['修改时间', '更新时间'],
};

/** Words for the two insurance types (after `normalizeWord`). */
export const INSURANCE_WORDS: Readonly<Record<'employee' | 'resident', readonly string[]>> = {
  employee: ['employee', '职保', '职工', '职工医保', '职工医疗保险', '城镇职工', '城镇职工医保', '城镇职工基本医疗保险', '职保人员'],
  resident: ['resident', '居保', '居民', '居民医保', '居民医疗保险', '城乡居民', '城乡居民医保', '城乡居民基本医疗保险', '居保人员'],
};

const YES = ['true', 'yes', 'y', '是', '对', '√', '✓', '1'];
const NO = ['false', 'no', 'n', '否', '不是', '×', '0'];

const BOOLEAN_FIELDS: ReadonlySet<ProfileField> = new Set(['deceased', 'isSelf', 'temporary']);
/** Fields made of digits that a spreadsheet may have turned into (rounded) numbers. */
const DIGIT_FIELDS: ReadonlySet<ProfileField> = new Set(['idNumber', 'phone', 'bankAccount', 'postcode']);

/** Header as people write it → comparable: no spaces, no required-star, no remark in brackets, lower case. */
export function normalizeKey(key: string): string {
  return key
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[*]/g, '')
    .replace(/\([^)]*\)$/, '')
    .toLowerCase();
}

const normalizeWord = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

const FIELD_BY_KEY: ReadonlyMap<string, ProfileField> = new Map(
  PROFILE_KEYS.flatMap((field) => [field, ...FIELD_ALIASES[field]].map((k) => [normalizeKey(k), field] as const)),
);

/** The field a key of a person's record means, or null for a key the helper does not know. */
export function fieldOfKey(key: string): ProfileField | null {
  return FIELD_BY_KEY.get(normalizeKey(key)) ?? null;
}

/** Why a value was refused before validation (the schema checks the rest). */
export type ValueProblem = 'rounded';

export interface FilePerson {
  /** Input for `profileSchema` (bookkeeping filled in). */
  input: Record<string, unknown>;
  /** Keys that were not used (unknown, or a second spelling of a field already given). */
  ignoredKeys: string[];
  /** Fields refused before validation. */
  problems: Array<{ field: ProfileField; problem: ValueProblem }>;
}

export interface FilePersonContext {
  now: () => string;
  newId: () => string;
}

const isoDateTime = z.iso.datetime();

function bookkeepingTime(v: unknown, fallback: string): string {
  if (typeof v === 'string' && isoDateTime.safeParse(v).success) return v;
  if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) {
    const ms = typeof v === 'number' ? v : Date.parse(v.trim().replace(/^(\d{4})[/.](\d{1,2})[/.](\d{1,2})/, (_, y, m, d) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`));
    if (Number.isFinite(ms) && ms > 0) {
      const d = new Date(ms);
      if (!Number.isNaN(d.getTime())) return d.toISOString();
    }
  }
  return fallback;
}

function bookkeepingId(v: unknown, newId: () => string): string {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  if (typeof v === 'string' && v.trim() && v.trim().length <= 64) return v.trim();
  return newId();
}

/** A cell's value as the field expects it; `undefined` = absent; a `ValueProblem` = refused. */
function coerce(field: ProfileField, v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' && v.trim() === '') return undefined;
  if (BOOLEAN_FIELDS.has(field)) {
    if (typeof v === 'boolean') return v;
    const w = normalizeWord(String(v));
    if (YES.includes(w)) return true;
    if (NO.includes(w)) return false;
    return v;
  }
  if (field === 'insuranceType' && typeof v === 'string') {
    const w = normalizeWord(v);
    for (const [type, words] of Object.entries(INSURANCE_WORDS)) if (words.includes(w)) return type;
    return v;
  }
  if (DIGIT_FIELDS.has(field)) {
    if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? String(v) : ('rounded' satisfies ValueProblem);
    if (typeof v === 'string' && /^\s*\d(?:\.\d+)?e\+?\d+\s*$/i.test(v)) return 'rounded' satisfies ValueProblem;
    return v;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return v;
}

/**
 * Read one person of a file (a plain object). Canonical keys win over aliases; every other key is
 * returned in `ignoredKeys` in file order.
 */
export function readFilePerson(raw: Record<string, unknown>, ctx: FilePersonContext): FilePerson {
  const chosen = new Map<ProfileField, { key: string; value: unknown }>();
  const ignoredKeys: string[] = [];
  const keys = Object.keys(raw);
  // Canonical spellings first, so `phone` beats `手机` whatever the order in the file.
  const ordered = [...keys.filter((k) => (PROFILE_KEYS as readonly string[]).includes(k)), ...keys.filter((k) => !(PROFILE_KEYS as readonly string[]).includes(k))];
  for (const key of ordered) {
    const field = fieldOfKey(key);
    if (!field || chosen.has(field)) {
      // An empty second spelling is no loss; a filled one is named.
      if (!field || (raw[key] !== '' && raw[key] !== null && raw[key] !== undefined)) ignoredKeys.push(key);
      continue;
    }
    chosen.set(field, { key, value: raw[key] });
  }
  ignoredKeys.sort((a, b) => keys.indexOf(a) - keys.indexOf(b));

  const input: Record<string, unknown> = {};
  const problems: FilePerson['problems'] = [];
  for (const [field, { value }] of chosen) {
    if (field === 'id' || field === 'createdAt' || field === 'updatedAt') continue;
    const v = coerce(field, value);
    if (v === 'rounded') problems.push({ field, problem: 'rounded' });
    else if (v !== undefined) input[field] = v;
  }
  const now = ctx.now();
  input.id = bookkeepingId(chosen.get('id')?.value, ctx.newId);
  input.createdAt = bookkeepingTime(chosen.get('createdAt')?.value, now);
  // No 修改时间: as old as its creation; an unreadable one: now.
  input.updatedAt = chosen.has('updatedAt') ? bookkeepingTime(chosen.get('updatedAt')!.value, now) : input.createdAt;
  if (input.isSelf === false) delete input.isSelf;
  if (input.deceased === false) delete input.deceased;
  if (input.temporary === false) delete input.temporary;
  return { input, ignoredKeys, problems };
}
