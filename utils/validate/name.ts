/** 姓名: Chinese names, including minority and transliterated names with the middle dot (·). */
import { issue, normalizeInput, type FieldResult, type Issue } from './issue';

const HAN = /\p{Script=Han}/u;
/** Dots people type between the parts of a name: all become U+00B7 "·". */
const DOTS = /[·•・‧∙⋅.．・。]/gu;

export function validateName(input: unknown): FieldResult {
  const raw = normalizeInput(input);
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  if (!raw) return { ok: false, value: '', errors: [issue('name-empty')], warnings, notes: [] };

  let value = raw.replace(/\s*[·•・‧∙⋅.．・。]\s*/gu, '·').replace(DOTS, '·');
  const hasHan = HAN.test(value);
  const hasLatin = /[a-z]/iu.test(value);
  if (hasHan && !hasLatin && /\s/u.test(value)) {
    value = value.replace(/\s+/gu, '');
    warnings.push(issue('name-spaces-removed'));
  } else value = value.replace(/\s+/gu, ' ');

  const allowed = hasLatin ? /[\p{Script=Han}a-z ·'-]/iu : /[\p{Script=Han}·]/u;
  for (const ch of value) {
    if (!allowed.test(ch)) {
      errors.push(issue('name-chars', ch));
      break;
    }
  }
  const len = [...value].length;
  if (len < 2) errors.push(issue('name-too-short'));
  else if (len > 30) errors.push(issue('name-too-long', len));
  if (/^·|·$|··/u.test(value)) errors.push(issue('name-dot-position'));
  if (hasLatin && errors.length === 0) warnings.push(issue('name-latin'));
  return { ok: errors.length === 0, value, errors, warnings, notes: [] };
}
