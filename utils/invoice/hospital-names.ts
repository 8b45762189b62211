// Repairs of a hospital name read by OCR, from what hospital names are made of (`HOSPITAL_NAME_PARTS`,
// `PROVINCES` in labels.ts): one misread character in a common part ("人民匹院" → 人民医院), a stray mark read
// before a province ("产湖北省中医院" → 湖北省中医院). Every repair is a guess: the caller marks it for checking.
import { HOSPITAL_NAME_FORMS, HOSPITAL_NAME_PARTS, PROVINCES } from './labels';
import { AFTER_PLACE, PLACES_BY_PROVINCE } from './places';

/** Numerals tell numbered hospitals apart: never repaired into another. */
const NUMERALS = /[一二三四五六七八九十〇零]/;

export interface HospitalRepair {
  name: string;
  /** True when the name was changed. */
  repaired: boolean;
}

/** One substitution away (same length, one character differs, not a numeral). */
function oneOff(read: string[], part: string[]): number {
  let at = -1;
  for (let i = 0; i < part.length; i++) {
    if (read[i] === part[i]) continue;
    if (at >= 0) return -1;
    at = i;
  }
  return at >= 0 && !NUMERALS.test(read[at]!) && !NUMERALS.test(part[at]!) ? at : -1;
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
    const fits = [places.province, ...places.cities].filter((p) => {
      const pc = Array.from(p);
      const head = chars.slice(0, pc.length);
      const rest = chars.slice(pc.length).join('');
      // (a province is not followed by 市)
      const after = AFTER_PLACE.filter((a) => p !== places.province || a !== '市');
      return head.length === pc.length && !ALL_PLACES.has(head.join('')) && oneOff(head, pc) >= 0 && after.some((a) => rest.startsWith(a));
    });
    if (fits.length === 1) {
      const pc = Array.from(fits[0]!);
      chars = [...pc, ...chars.slice(pc.length)];
      repaired = true;
    }
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
  // One misread character in a common part, when the part is not also read right elsewhere.
  const text = () => chars.join('');
  for (const part of HOSPITAL_NAME_PARTS) {
    const pc = Array.from(part);
    if (pc.length < 4 || text().includes(part)) continue;
    for (let i = 0; i + pc.length <= chars.length; i++) {
      const window = chars.slice(i, i + pc.length);
      const at = oneOff(window, pc);
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
