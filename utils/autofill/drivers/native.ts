/** Native <input> / <textarea> (and el-input / ant-input, which wrap one): native setter + a user's events. */
import { readField } from '@/utils/page/value';
import { setNativeValue, fire, fireInput, focus, blur, typeInto } from './events';
import { fail, sameText, valueText, dateDigits, type Driver } from './types';
import type { CollectedField, DriverResult, FillValue } from '../types';

function fillText(field: CollectedField, value: FillValue): DriverResult {
  const input = field.inputs[0] as HTMLInputElement | HTMLTextAreaElement | undefined;
  if (!input) return fail('', 'no input');
  let text = valueText(value);
  if (value.type === 'date' && input.getAttribute('type') === 'date') text = value.iso;
  const max = input.maxLength;
  if (max > 0 && text.length > max) return fail(input.value, `too long for the field (${max})`);
  // No await between fields: each await lets the page's framework re-render the whole form (Vue's
  // nextTick flush) — batching them is several times faster. The verify pass reads back after one settle.
  typeInto(input, text);
  // a key handler or formatter may have rewritten it: put ours back once, as a user would retype
  if (!sameText(input.value, text)) typeInto(input, text);
  const back = readField(field);
  if (value.type === 'date' && dateDigits(back) === dateDigits(text)) return { ok: true, value: back };
  return sameText(back, text) ? { ok: true, value: back } : fail(back, 'the page changed the value');
}

export const nativeTextDriver: Driver = {
  fillSync: fillText,
  async fill(field, value) {
    return fillText(field, value);
  },
};

/** Native date-ish inputs (type=date, or a readonly text input run by a jQuery date plugin). */
function fillNativeDate(field: CollectedField, value: FillValue): DriverResult {
  const input = field.inputs[0] as HTMLInputElement | undefined;
  if (!input) return fail('', 'no input');
  const iso = value.type === 'date' ? value.iso : valueText(value);
  focus(input);
  setNativeValue(input, iso);
  fireInput(input, iso);
  fire(input, 'change');
  blur(input);
  const back = input.value;
  return dateDigits(back) === dateDigits(iso) ? { ok: true, value: back } : fail(back, 'the page did not take the date');
}

export const nativeDateDriver: Driver = {
  fillSync: fillNativeDate,
  async fill(field, value) {
    return fillNativeDate(field, value);
  },
};
