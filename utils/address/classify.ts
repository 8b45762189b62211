/**
 * Is this address inside 上海市松江区? A pure, table-driven classifier (no DOM, runs in Node and the extension).
 *
 * 1. Normalise (NFKC, lower-case, no spaces).
 * 2. Scan leftmost-longest for every name of the gazetteer (districts, 街道/镇, colloquial names, provinces,
 *    cities, shared roads …). A bare name followed by 路/街/大道… is a road name, not a place (松江路, 北京东路,
 *    嘉兴路); followed by 村 it is a village, which proves nothing either.
 * 3. Decide by evidence strength:
 *    strong outside (another district, its 街道/镇, a province or city) → outside, whatever else matches;
 *    strong inside (松江区, a Songjiang 街道/镇, 松江大学城 …) → inside;
 *    weak evidence (names written without 镇, names shared with other provinces): used only when the other
 *    side has none; when both sides have only weak evidence → unknown.
 *    Nothing → unknown (soft), empty → empty.
 */
import { t } from '@/utils/i18n';
import { SHANGHAI_DISTRICTS, SHANGHAI_STREETS } from './gazetteer.generated';
import {
  CITIES,
  CITIES_FULL_ONLY,
  DISTRICT_ALIASES,
  FORMER_DISTRICTS,
  LOOKALIKES_ELSEWHERE,
  NEUTRAL_NAMES,
  OTHER_DISTRICT_PLACES,
  PROVINCES,
  SHARED_ROADS,
  SHARED_SONGJIANG_NAMES,
  SONGJIANG,
  SONGJIANG_PLACES,
  NAMED_AFTER_WORDS,
  TRADITIONAL_TO_SIMPLIFIED,
} from './tables';

export type Verdict = 'inside' | 'outside' | 'unknown' | 'empty';

export interface AddressVerdict {
  verdict: Verdict;
  /** '松江区', '闵行区', '闵行区或长宁区', '浙江省杭州市' … */
  district?: string;
  /** the matched name that decided, e.g. '九亭镇', '七宝', '杭州' */
  place?: string;
  /** machine reason code, e.g. 'address-outside-place' */
  code: AddressCode;
  params: string[];
  /** rendered message (i18n), plain Chinese telling why */
  message: string;
  /** every name found, in text order (for UIs that highlight, and for tests) */
  evidence: AddressEvidence[];
}

export type AddressCode =
  | 'address-empty'
  | 'address-inside-district'
  | 'address-inside-place'
  | 'address-inside-shared-name'
  | 'address-outside-district'
  | 'address-outside-place'
  | 'address-outside-province'
  | 'address-outside-shared-name'
  | 'address-conflict'
  | 'address-road-only'
  | 'address-shanghai-only'
  | 'address-unreadable'
  | 'address-unverified';

/** Message key for each code (locales/validate.json). */
export const ADDRESS_MESSAGE_KEYS: Record<AddressCode, string> = {
  'address-empty': 'addressEmpty',
  'address-inside-district': 'addressInsideDistrict',
  'address-inside-place': 'addressInsidePlace',
  'address-inside-shared-name': 'addressInsideSharedName',
  'address-outside-district': 'addressOutsideDistrict',
  'address-outside-place': 'addressOutsidePlace',
  'address-outside-province': 'addressOutsideProvince',
  'address-outside-shared-name': 'addressOutsideSharedName',
  'address-conflict': 'addressConflict',
  'address-road-only': 'addressRoadOnly',
  'address-shanghai-only': 'addressShanghaiOnly',
  'address-unreadable': 'addressUnreadable',
  'address-unverified': 'addressUnverified',
};

type Kind =
  | 'shanghai'
  | 'district'
  | 'district-short'
  | 'former-district'
  | 'street'
  | 'place'
  | 'province'
  | 'city'
  | 'lookalike'
  | 'neutral'
  | 'road';

export interface AddressEvidence {
  name: string;
  kind: Kind;
  side: 'inside' | 'outside' | 'none';
  strong: boolean;
  /** Songjiang name that also exists outside Shanghai */
  shared?: boolean;
  /** Shanghai district(s) for Shanghai names; province/city label for the others; where-else for roads */
  label: string;
  districts: string[];
  /** offset in the normalised text */
  at: number;
}

interface Entry {
  name: string;
  kind: Kind;
  side: 'inside' | 'outside' | 'none';
  strong: boolean;
  shared?: boolean;
  label: string;
  districts: string[];
  /** a bare name: ignore it when a road or village suffix follows */
  bare: boolean;
  /** a bare province/city name: also ignore it when a shop/estate word follows (兰州拉面, 北京华联) */
  brand?: boolean;
}

const TRAD_RE = new RegExp(`[${Object.keys(TRADITIONAL_TO_SIMPLIFIED).filter((k) => k.length === 1).join('')}]`, 'gu');

/** NFKC, lower-case, simplified characters, no whitespace or zero-width characters. */
export function normalizeAddress(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u200b-\u200d\u2060\ufeff]+/gu, '')
    .replace(TRAD_RE, (c) => TRADITIONAL_TO_SIMPLIFIED[c] ?? c);
}

/** After a bare name: a road (北京东路, 松江二路, 九亭大街) or a village (金汇村) — not the place itself. */
const ROAD_OR_VILLAGE_AFTER = /^[东西南北中]?(?:[一二三四五六七八九十]{1,3}|\d{1,3})?(?:路|公路|大道|大街|街(?!道)|巷|胡同|隧道|大桥|高架|新村|村)/u;
const NAMED_AFTER = new RegExp(`^(?:${[...NAMED_AFTER_WORDS].sort((a, b) => b.length - a.length).join('|')})`, 'u');

/** A character trie over all names: leftmost-longest matching costs a few steps per position. */
interface TrieNode {
  next: Map<number, TrieNode>;
  entry?: Entry;
}

function buildIndex(): TrieNode {
  const byName = new Map<string, Entry>();
  const add = (e: Omit<Entry, 'name'> & { name: string }) => {
    const name = normalizeAddress(e.name);
    if (name.length < 2 || byName.has(name)) return; // first definition wins (official list first)
    byName.set(name, { ...e, name });
  };
  const sharedNames = new Set(SHARED_SONGJIANG_NAMES.map((s) => s.name));

  // neutral names and lookalikes first: they must shadow the places inside them
  for (const n of NEUTRAL_NAMES) add({ name: n, kind: 'neutral', side: 'none', strong: false, label: '', districts: [], bare: false });
  for (const [n, label] of LOOKALIKES_ELSEWHERE)
    add({ name: n, kind: 'lookalike', side: 'outside', strong: true, label, districts: [], bare: false });
  add({ name: '上海市', kind: 'shanghai', side: 'none', strong: false, label: '上海市', districts: [], bare: false });
  add({ name: '上海', kind: 'shanghai', side: 'none', strong: false, label: '上海市', districts: [], bare: false });

  for (const [, name] of SHANGHAI_DISTRICTS)
    add({ name, kind: 'district', side: name === SONGJIANG ? 'inside' : 'outside', strong: true, label: name, districts: [name], bare: false });
  for (const [, name, district] of SHANGHAI_STREETS) {
    const inside = district === SONGJIANG;
    add({ name, kind: 'street', side: inside ? 'inside' : 'outside', strong: true, shared: inside && sharedNames.has(name), label: district, districts: [district], bare: false });
  }
  for (const s of SHARED_SONGJIANG_NAMES)
    add({ name: s.name, kind: 'street', side: 'inside', strong: true, shared: true, label: SONGJIANG, districts: [SONGJIANG], bare: false });
  for (const [name, district] of FORMER_DISTRICTS)
    add({ name, kind: 'former-district', side: district === SONGJIANG ? 'inside' : 'outside', strong: true, label: district, districts: [district], bare: !/[区县]$/u.test(name) });
  for (const p of SONGJIANG_PLACES)
    add({ name: p.name, kind: 'place', side: 'inside', strong: !!p.strong, shared: !!p.shared, label: SONGJIANG, districts: [SONGJIANG], bare: !/[镇区城]$/u.test(p.name) });
  for (const [name, districts] of OTHER_DISTRICT_PLACES)
    add({ name, kind: 'place', side: 'outside', strong: false, label: districts.join('或'), districts, bare: true });

  // shared roads: consumed as roads so that 松江路 / 中山路 are never read as places
  for (const r of SHARED_ROADS) {
    const names = r.directions
      ? ['', '东', '西', '南', '北', '中'].flatMap((d) => [`${r.name}${d}路`, `${r.name}${d}公路`])
      : [r.name];
    for (const name of names) add({ name, kind: 'road', side: 'none', strong: false, label: r.where, districts: [], bare: false });
  }
  // short district names after roads (松江路 is a road) and before provinces
  for (const a of DISTRICT_ALIASES)
    for (const s of a.short)
      add({ name: s, kind: 'district-short', side: a.district === SONGJIANG ? 'inside' : 'outside', strong: true, label: a.district, districts: [a.district], bare: !/[区县]$/u.test(s) });

  for (const [full, label, shorts] of PROVINCES) {
    add({ name: full, kind: 'province', side: 'outside', strong: true, label, districts: [], bare: false });
    for (const s of shorts) add({ name: s, kind: 'province', side: 'outside', strong: true, label, districts: [], bare: true, brand: true });
  }
  const provinceLabel = (p: string, c: string) => (['北京市', '天津市', '重庆市'].includes(p) ? p : `${p}${c}`);
  for (const [city, province] of CITIES) {
    const label = provinceLabel(province, `${city}市`);
    add({ name: `${city}市`, kind: 'city', side: 'outside', strong: true, label, districts: [], bare: false });
    add({ name: city, kind: 'city', side: 'outside', strong: true, label, districts: [], bare: true, brand: true });
  }
  for (const [full, province] of CITIES_FULL_ONLY)
    add({ name: full, kind: 'city', side: 'outside', strong: true, label: `${province}${full}`, districts: [], bare: false });

  const root: TrieNode = { next: new Map() };
  for (const e of byName.values()) {
    let node = root;
    for (let i = 0; i < e.name.length; i++) {
      const c = e.name.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map() }));
      node = child;
    }
    node.entry = e;
  }
  return root;
}

const INDEX = buildIndex();

/** Pinyin district names (Latin text is lower-cased by the normaliser). */
const PINYIN = new Map<string, string>(DISTRICT_ALIASES.map((a) => [a.pinyin.replace(/'/gu, ''), a.district]));
const PINYIN_RE = new RegExp(`(?<![a-z])(${[...PINYIN.keys()].join('|')})(?:qu|district)?(?![a-z])`, 'gu');

/** Every gazetteer name found in the address, leftmost-longest, in text order. */
export function findPlaces(text: string): AddressEvidence[] {
  return scan(normalizeAddress(text), text);
}

/** `s` is the normalised text; `raw` is only used for Latin (pinyin) words, whose spaces matter. */
function scan(s: string, raw: string): AddressEvidence[] {
  const found: AddressEvidence[] = [];
  const seen = new Set<string>(); // one evidence per name: a 2,000-character repetition stays cheap
  let i = 0;
  while (i < s.length - 1) {
    // longest name starting at i
    let node: TrieNode | undefined = INDEX;
    let e: Entry | undefined;
    for (let j = i; j < s.length; j++) {
      node = node.next.get(s.charCodeAt(j));
      if (!node) break;
      if (node.entry) e = node.entry;
    }
    if (!e) {
      i += 1;
      continue;
    }
    const end = i + e.name.length;
    const after = e.bare ? s.slice(end, end + 6) : '';
    if (!seen.has(e.name) && !(e.bare && (ROAD_OR_VILLAGE_AFTER.test(after) || (e.brand && NAMED_AFTER.test(after))))) {
      seen.add(e.name);
      found.push({ name: e.name, kind: e.kind, side: e.side, strong: e.strong, shared: e.shared, label: e.label, districts: e.districts, at: i });
    }
    i = end;
  }
  if (/[a-z]/u.test(s)) {
    const latin = raw.normalize('NFKC').toLowerCase().replace(/['’]/gu, '');
    for (const m of latin.matchAll(PINYIN_RE)) {
      const district = PINYIN.get(m[1] as string) as string;
      found.push({ name: m[0], kind: 'district-short', side: district === SONGJIANG ? 'inside' : 'outside', strong: true, label: district, districts: [district], at: m.index ?? 0 });
    }
  }
  return found;
}

const HAN = /\p{Script=Han}/u;

function verdictOf(
  verdict: Verdict,
  code: AddressCode,
  params: string[],
  evidence: AddressEvidence[],
  extra: { district?: string; place?: string } = {},
): AddressVerdict {
  return { verdict, code, params, message: t(ADDRESS_MESSAGE_KEYS[code], ...params), evidence, ...extra };
}

/** Outside Shanghai: the most specific label among the provinces/cities named (浙江省嘉兴市 rather than 浙江省). */
function outsideLabel(ev: AddressEvidence[]): string {
  const city = ev.find((e) => e.kind === 'city' || e.kind === 'lookalike');
  return (city ?? ev[0])?.label ?? '';
}

const SPECIFICITY: Record<Kind, number> = {
  street: 5, place: 4, lookalike: 4, 'former-district': 3, district: 2, 'district-short': 2, city: 3, province: 1,
  shanghai: 0, neutral: 0, road: 0,
};
const mostSpecific = (ev: AddressEvidence[]) => [...ev].sort((a, b) => SPECIFICITY[b.kind] - SPECIFICITY[a.kind] || a.at - b.at)[0];

/** A name written without its level (安庆, 七宝, 闵行): inside a street or community name it names no place. */
const LEVELLED = /(省|市|自治区|特别行政区|县|区|镇|街道|乡)$/u;

/**
 * An explicit Shanghai district at the head of the address (after 上海市 at most) outranks place names found
 * later inside street or community names: 「上海市松江区泗泾镇安庆居委会」 is in 松江区, whatever 安庆 is elsewhere.
 * The administrative level right after the district (its 镇 / 街道) is kept: it is not a street name.
 */
function explicitDistrictFirst(ev: AddressEvidence[]): AddressEvidence[] {
  const i = ev.findIndex((e) => e.kind === 'district');
  if (i < 0 || ev.slice(0, i).some((e) => e.kind !== 'shanghai')) return ev;
  const district = ev[i] as AddressEvidence;
  let from = district.at + district.name.length;
  const town = ev[i + 1];
  if (town && town.at === from && (town.kind === 'street' || town.kind === 'place')) from = town.at + town.name.length;
  return ev.filter((e) => e.at < from || e.kind === 'district' || e.kind === 'shanghai' || LEVELLED.test(e.name));
}

export function classifyAddress(text: string): AddressVerdict {
  const raw = typeof text === 'string' ? text : '';
  const s = normalizeAddress(raw);
  if (s.length === 0) return verdictOf('empty', 'address-empty', [], []);
  const ev = explicitDistrictFirst(scan(s, raw));
  const inShanghai = ev.some((e) => e.kind === 'shanghai');
  const strongOut = ev.filter((e) => e.side === 'outside' && e.strong);
  // a Songjiang name shared with other provinces is strong only with 上海 context (or 松江 named)
  const songjiangNamed = ev.some((e) => e.side === 'inside' && (e.kind === 'district' || e.kind === 'district-short' || e.kind === 'former-district'));
  const isStrongIn = (e: AddressEvidence) => e.side === 'inside' && e.strong && (!e.shared || inShanghai || songjiangNamed);
  const strongIn = ev.filter(isStrongIn);
  const weakIn = ev.filter((e) => e.side === 'inside' && !isStrongIn(e));
  const weakOut = ev.filter((e) => e.side === 'outside' && !e.strong);

  if (strongOut.length > 0) {
    const notShanghai = strongOut.filter((e) => e.kind === 'province' || e.kind === 'city' || e.kind === 'lookalike');
    if (notShanghai.length > 0) {
      const label = outsideLabel(notShanghai);
      const shared = ev.find((e) => e.side === 'inside' && e.shared);
      if (shared) return verdictOf('outside', 'address-outside-shared-name', [shared.name, label], ev, { district: label, place: shared.name });
      const place = (notShanghai.find((e) => e.kind === 'lookalike') ?? notShanghai[0]) as AddressEvidence;
      return verdictOf('outside', 'address-outside-province', [place.name, label], ev, { district: label, place: place.name });
    }
    const best = mostSpecific(strongOut) as AddressEvidence;
    const district = best.label;
    if (best.kind === 'district' || best.kind === 'district-short') {
      return verdictOf('outside', 'address-outside-district', [best.label], ev, { district, place: best.name });
    }
    return verdictOf('outside', 'address-outside-place', [best.name, district], ev, { district, place: best.name });
  }
  if (strongIn.length > 0) {
    const best = mostSpecific(strongIn) as AddressEvidence;
    if (best.kind === 'district' || best.kind === 'district-short')
      return verdictOf('inside', 'address-inside-district', [SONGJIANG], ev, { district: SONGJIANG, place: best.name });
    return verdictOf('inside', 'address-inside-place', [best.name], ev, { district: SONGJIANG, place: best.name });
  }
  if (weakIn.length > 0 && weakOut.length > 0) {
    const a = weakIn[0] as AddressEvidence;
    const b = weakOut[0] as AddressEvidence;
    return verdictOf('unknown', 'address-conflict', [a.name, b.name, b.label], ev);
  }
  if (weakOut.length > 0) {
    const best = weakOut[0] as AddressEvidence;
    return verdictOf('outside', 'address-outside-place', [best.name, best.label], ev, { district: best.label, place: best.name });
  }
  if (weakIn.length > 0) {
    const best = mostSpecific(weakIn) as AddressEvidence;
    if (best.shared) return verdictOf('inside', 'address-inside-shared-name', [best.name], ev, { district: SONGJIANG, place: best.name });
    return verdictOf('inside', 'address-inside-place', [best.name], ev, { district: SONGJIANG, place: best.name });
  }
  const road = ev.find((e) => e.kind === 'road');
  if (road) return verdictOf('unknown', 'address-road-only', [road.name, road.label], ev);
  if (inShanghai) return verdictOf('unknown', 'address-shanghai-only', [], ev);
  if (!HAN.test(raw)) return verdictOf('unknown', 'address-unreadable', [], ev);
  return verdictOf('unknown', 'address-unverified', [], ev);
}

const SHANGHAI_DISTRICT_NAMES = new Set(SHANGHAI_DISTRICTS.map(([, n]) => n));

/** The Shanghai district an address lies in (for split 所在区 fields), or null when not known / not Shanghai. */
export function districtOfAddress(text: string): string | null {
  const v = classifyAddress(text);
  if (v.verdict === 'inside') return SONGJIANG;
  if (v.verdict === 'outside' && v.district && SHANGHAI_DISTRICT_NAMES.has(v.district)) return v.district;
  return null;
}

export function isInsideSongjiang(text: string): boolean {
  return classifyAddress(text).verdict === 'inside';
}
