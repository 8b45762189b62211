/** Native <select>: choose the option a person would by its text, then input + change. */
import { chooseOption } from '@/utils/page/text';
import { textOf } from '@/utils/page/dom';
import { selectedOptionText } from '@/utils/page/value';
import { setNativeValue, fire, focus, blur } from './events';
import { fail, valueText, type Driver } from './types';
import type { CollectedField, DriverResult, FillValue } from '../types';

function fillSelect(field: CollectedField, value: FillValue): DriverResult {
  const sel = field.inputs[0] as HTMLSelectElement | undefined;
  if (!sel) return fail('', 'no select');
  const opts = Array.from(sel.options);
  const candidates = value.type === 'choice' ? value.candidates : value.type === 'path' ? value.levels.flatMap((l) => l.candidates) : [valueText(value)];
  const i = chooseOption(
    opts.map((o) => (o.value === '' ? '' : textOf(o))),
    candidates,
  );
  if (i < 0) return fail(selectedOptionText(sel), `no option for ${candidates[0] ?? ''}`);
  focus(sel);
  setNativeValue(sel, opts[i]!.value);
  sel.selectedIndex = i;
  fire(sel, 'input');
  fire(sel, 'change');
  blur(sel);
  const back = selectedOptionText(sel);
  return back === textOf(opts[i]!) ? { ok: true, value: back } : fail(back, 'the page did not keep the choice');
}

export const nativeSelectDriver: Driver = {
  fillSync: fillSelect,
  async fill(field, value) {
    return fillSelect(field, value);
  },
};
