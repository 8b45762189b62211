// Repairs of a hospital name read by OCR, from what hospital names are made of (`HOSPITAL_NAME_PARTS`,
// `PROVINCES` in labels.ts): one misread character in a common part ("人民匹院" → 人民医院), a stray mark read
// before a province ("产湖北省中医院" → 湖北省中医院). Every repair is a guess: the caller marks it for checking.
import { HOSPITAL_NAME_FORMS, HOSPITAL_NAME_PARTS, MEDICAL_UNIVERSITIES, PROVINCES } from './labels';
import { AFTER_PLACE, MUNICIPAL_DISTRICTS, PLACES_BY_PROVINCE } from './places';

/** Numerals tell numbered hospitals apart: never repaired into another. */
const NUMERALS = /[一二三四五六七八九十〇零]/;

export interface HospitalRepair {
  name: string;
  /** True when the name was changed. */
  repaired: boolean;
}

/**
 * One substitution away (same length, one character differs, not into a numeral). `numeralRead`: a numeral read
 * where the part has none may be repaired (inside a common part, "社区五生" → 社区卫生); elsewhere a numeral is
 * never repaired (a place such as 十堰 / 六安 holds one).
 */
function oneOff(read: string[], part: string[], numeralRead = false): number {
  let at = -1;
  for (let i = 0; i < part.length; i++) {
    if (read[i] === part[i]) continue;
    if (at >= 0) return -1;
    at = i;
  }
  return at >= 0 && (numeralRead || !NUMERALS.test(read[at]!)) && !NUMERALS.test(part[at]!) ? at : -1;
}

/**
 * The one place of `places` (each with what may follow it) that the characters at `from` are one character
 * away from, when they are no place themselves (`isPlace`); null when none or several are.
 */
function onePlaceAway(chars: string[], from: number, places: ReadonlyArray<readonly [string, readonly string[]]>, isPlace: (s: string) => boolean): string | null {
  const fits = places.filter(([p, after]) => {
    const pc = Array.from(p);
    const head = chars.slice(from, from + pc.length);
    const rest = chars.slice(from + pc.length).join('');
    return head.length === pc.length && !isPlace(head.join('')) && oneOff(head, pc) >= 0 && after.some((a) => rest.startsWith(a));
  });
  return fits.length === 1 ? fits[0]![0] : null;
}

/** Every place name of every province (a reading that is one is never "repaired" into another). */
const ALL_PLACES = new Set(Object.values(PLACES_BY_PROVINCE).flatMap((p) => [p.province, ...p.cities]));
const ALL_CITIES = Object.values(PLACES_BY_PROVINCE).flatMap((p) => p.cities);

/**
 * `provinceCode`: the first two digits of the 票据代码 (the province that issued the invoice), when read.
 */
export function repairHospitalName(raw: string, provinceCode?: string): HospitalRepair {
  let chars = Array.from(raw);
  let repaired = false;
  // A place of the invoice's province one character away at the start of the name, followed by 市 / 省 / 大学 …
  // ("广型市第一人民医院" in 广东 → 广州市…): the one such place, when the reading is no place itself.
  const places = provinceCode ? PLACES_BY_PROVINCE[provinceCode] : undefined;
  if (places) {
    // (a province is not followed by 市)
    const candidates = [[places.province, AFTER_PLACE.filter((a) => a !== '市')] as const, ...places.cities.map((c) => [c, AFTER_PLACE] as const)];
    const fit = onePlaceAway(chars, 0, candidates, (s) => ALL_PLACES.has(s));
    if (fit) {
      const pc = Array.from(fit);
      chars = [...pc, ...chars.slice(pc.length)];
      repaired = true;
    }
  }
  // A district of a municipality one character away, after the municipality that starts the name and before
  // 区 / 县 ("上海市枞江区" → 上海市松江区).
  for (const [code, districts] of Object.entries(MUNICIPAL_DISTRICTS)) {
    const city = PLACES_BY_PROVINCE[code]!.province;
    const at = raw.startsWith(`${city}市`) ? city.length + 1 : raw.startsWith(city) ? city.length : -1;
    if (at < 0) continue;
    const fit = onePlaceAway(chars, at, districts.map((d) => [d, ['区', '县']] as const), (s) => districts.includes(s));
    if (fit) {
      chars = [...chars.slice(0, at), ...Array.from(fit), ...chars.slice(at + Array.from(fit).length)];
      repaired = true;
    }
    break;
  }
  // A stray character or two (a rule, a seal's edge) before a province that starts the name, or before a city
  // followed by what follows a place ("二无锡市人民医院" → 无锡市…) — when the reading starts with no place itself.
  if (!repaired && ![...ALL_PLACES, ...PROVINCES].some((q) => raw.startsWith(q))) {
    for (const p of [...PROVINCES, ...ALL_CITIES]) {
      const at = raw.indexOf(p);
      if (at <= 0 || at > 2) continue;
      if (!PROVINCES.includes(p) && !AFTER_PLACE.some((a) => raw.startsWith(a, at + p.length))) continue;
      chars = Array.from(raw.slice(at));
      repaired = true;
      break;
    }
  }
  // A university one character away where the name starts ("复日大学附属华山医院" → 复旦大学…), or after a
  // place ("上海交通大学"), when exactly one fits and the reading is no university itself.
  if (!MEDICAL_UNIVERSITIES.some((u) => chars.join('').includes(u))) {
    const isUniversity = (s: string) => MEDICAL_UNIVERSITIES.includes(s);
    for (let from = 0; from <= Math.min(2, chars.length - 4); from++) {
      const fit = onePlaceAway(chars, from, MEDICAL_UNIVERSITIES.map((u) => [u, ['']] as const), isUniversity);
      if (!fit) continue;
      chars = [...chars.slice(0, from), ...Array.from(fit), ...chars.slice(from + Array.from(fit).length)];
      repaired = true;
      break;
    }
  }
  // A character of a common part read twice ("第一人人民医院" → 第一人民医院).
  const text = () => chars.join('');
  for (const part of HOSPITAL_NAME_PARTS) {
    const pc = Array.from(part);
    if (pc.length < 4) continue;
    const twice = findDoubled(chars, pc);
    if (twice >= 0) {
      chars.splice(twice, 1);
      repaired = true;
      break;
    }
  }
  // One misread character in a common part, when the part is not also read right elsewhere.
  for (const part of HOSPITAL_NAME_PARTS) {
    const pc = Array.from(part);
    if (pc.length < 4 || text().includes(part)) continue;
    for (let i = 0; i + pc.length <= chars.length; i++) {
      const window = chars.slice(i, i + pc.length);
      const at = oneOff(window, pc, true);
      // (a window that is itself (part of) another known form is a different name, not a misreading)
      const w = window.join('');
      if (at < 0 || HOSPITAL_NAME_FORMS.some((f) => f.includes(w) || w.includes(f))) continue;
      chars[i + at] = pc[at]!;
      repaired = true;
      break;
    }
  }
  return { name: text(), repaired };
}

/** Index of a character to drop so that `part` appears: a character of it read twice in a row (-1: none). */
function findDoubled(chars: string[], part: string[]): number {
  for (let i = 0; i + part.length < chars.length; i++) {
    for (let j = 1; j <= part.length; j++) {
      if (chars[i + j] !== chars[i + j - 1]) continue;
      const without = [...chars.slice(i, i + j), ...chars.slice(i + j + 1, i + part.length + 1)];
      if (without.join('') === part.join('')) return i + j;
    }
  }
  return -1;
}

/**
 * Share of a reading's confidence a longer reading of the same hospital name holding it whole needs to be
 * kept instead: a name is read cut where a seal covers its first characters, a crop or a cell ends inside it
 * ("学人民医院" beside "武汉大学人民医院"), and the cut reading is often the surer one (its hard characters gone).
 */
export const WHOLE_NAME_SHARE = 0.85;

/** True when `longer` holds all of `cut` and more (a reading of a name that `cut` is a cut reading of). */
export function holdsName(longer: string, cut: string): boolean {
  return longer.length > cut.length && cut.length >= 2 && longer.includes(cut);
}

/**
 * Of two readings of a hospital's name, the one to keep: a reading holding the other whole when it is believed
 * nearly as much (`WHOLE_NAME_SHARE`), else the more confident one.
 */
export function preferWholeName<T extends { value: string; conf: number }>(a: T, b: T): T {
  if (holdsName(b.value, a.value) && b.conf >= WHOLE_NAME_SHARE * a.conf) return b;
  if (holdsName(a.value, b.value) && a.conf >= WHOLE_NAME_SHARE * b.conf) return a;
  return b.conf > a.conf ? b : a;
}
