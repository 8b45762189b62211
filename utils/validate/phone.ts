/** 联系电话: mainland mobile numbers and Shanghai landlines; other landlines are accepted with a warning. */
import { issue, normalizeInput, firstBad, type FieldResult, type Issue } from './issue';

export type PhoneKind = 'mobile' | 'landline-shanghai' | 'landline-other';
export interface PhoneResult extends FieldResult {
  kind?: PhoneKind;
  /** extension of a landline (021-57812345 转 801) */
  extension?: string;
}

/** A landline followed by an extension: 021-57812345-801, 57812345转801, 021 5781 2345 ext. 801. */
const EXTENSION = /^(.*\d)\s*(?:转|分机|ext\.?|x|#|-)\s*(\d{1,5})$/iu;

/** Area codes with 3 digits (010, 02x); all others have 4. */
const areaCodeLength = (digits: string) => (/^0(?:10|2\d)/u.test(digits) ? 3 : 4);

export function validatePhone(input: unknown): PhoneResult {
  let raw = normalizeInput(input);
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const notes: Issue[] = [];
  let extension: string | undefined;
  const out = (value: string, kind?: PhoneKind): PhoneResult => {
    if (extension && kind && kind !== 'mobile' && errors.length === 0) {
      notes.push(issue('phone-extension', extension));
      return { ok: true, value: `${value} 转${extension}`, errors, warnings, notes, kind, extension };
    }
    return { ok: errors.length === 0, value, errors, warnings, notes, kind };
  };
  if (!raw) {
    errors.push(issue('phone-empty'));
    return out('');
  }
  const ext = EXTENSION.exec(raw);
  if (ext) {
    const base = ext[1]!.replace(/[\s\-–—()（）.]+/gu, '');
    // only after a complete landline (never after a mobile number: 138-1234-5678 keeps its last group)
    if (/^(?:0\d{2,3}|(?:\+|00)?86\d{2,3})?[2-9]\d{6,7}$/u.test(base)) [raw, extension] = [ext[1]!, ext[2]!];
  }
  let s = raw.replace(/[\s\-–—()（）.]+/gu, '');
  let international = false;
  if (s.startsWith('+86')) [s, international] = [s.slice(3), true];
  else if (s.startsWith('0086')) [s, international] = [s.slice(4), true];
  else if (/^86(?:1[3-9]\d{9}|21\d{8})$/u.test(s)) [s, international] = [s.slice(2), true];
  const bad = firstBad(s, /\d/u);
  if (bad !== undefined) {
    errors.push(issue('phone-chars', bad));
    return out(raw);
  }
  if (international && !s.startsWith('1') && !s.startsWith('0')) s = `0${s}`;

  if (s.startsWith('1')) {
    if (s.length !== 11) errors.push(issue('phone-mobile-length', s.length));
    else if (!/^1[3-9]/u.test(s)) errors.push(issue('phone-mobile-prefix', s.slice(0, 2)));
    return out(s, 'mobile');
  }
  if (s.startsWith('021')) {
    const local = s.slice(3);
    if (!/^[2-9]\d{7}$/u.test(local)) errors.push(issue('phone-shanghai-length', local.length));
    return out(`021-${local}`, 'landline-shanghai');
  }
  if (/^[2-9]\d{7}$/u.test(s)) return out(`021-${s}`, 'landline-shanghai');
  if (/^0[1-9]\d{9,10}$/u.test(s)) {
    const n = areaCodeLength(s);
    const area = s.slice(0, n);
    warnings.push(issue('phone-other-landline', area));
    return out(`${area}-${s.slice(n)}`, 'landline-other');
  }
  if (/^[2-9]\d{6}$/u.test(s)) errors.push(issue('phone-short-landline'));
  else errors.push(issue('phone-invalid', s.length));
  return out(s);
}
