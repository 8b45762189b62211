/**
 * Date ranges (Element `el-date-picker type=daterange`: two inputs): type start and end (the pair is
 * committed on change), close the panel, read back — while focused the inputs show whatever was typed.
 * Enter only if the picker took no way of writing them — and then kept inside the widget.
 */
import { DATE_PANEL_SELECTOR } from '../libraries';
import { microtask } from '../dom';
import { readField } from '../value';
import { fire, fireInput, focus, pressEnterWithin, setNativeValue } from './events';
import { visiblePopups } from './popup';
import { closePanels, focusPicker, formatsOf } from './date';
import { dateDigits, fail, type Driver } from './types';
import { nativeTextDriver } from './native';

export const daterangeDriver: Driver = {
  kinds: ['daterange'],
  async fill(field, value, env) {
    if (value.type !== 'daterange') return fail(readField(field), 'not a date range');
    const [a, b] = field.inputs as HTMLInputElement[];
    if (!a || !b) {
      // one input showing a range: type "start 至 end"
      return nativeTextDriver.fill(field, { type: 'text', text: `${value.start} 至 ${value.end}` }, env);
    }
    const before = new Set(visiblePopups(a.ownerDocument, DATE_PANEL_SELECTOR));
    const fa = formatsOf(value.start);
    const fb = formatsOf(value.end);
    for (const enter of [false, true]) {
      for (let k = 0; k < fa.length; k++) {
        await focusPicker(a);
        setNativeValue(a, fa[k]!);
        fireInput(a, fa[k]!);
        fire(a, 'change');
        focus(b);
        setNativeValue(b, fb[k] ?? value.end);
        fireInput(b, fb[k] ?? value.end);
        fire(b, 'change');
        if (enter) pressEnterWithin(b, field.element);
        await microtask();
        closePanels(b, before);
        await microtask();
        await microtask();
        if (dateDigits(a.value) === dateDigits(value.start) && dateDigits(b.value) === dateDigits(value.end)) {
          return { ok: true, value: readField(field) };
        }
      }
    }
    return fail(readField(field), 'the date range picker did not take the dates');
  },
};
