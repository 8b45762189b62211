/** Date ranges (Element `el-date-picker type=daterange`: two inputs): type start and end, Enter, read back. */
import { DATE_PANEL_SELECTOR } from '../libraries';
import { microtask } from '@/utils/page/dom';
import { readField } from '@/utils/page/value';
import { fire, fireInput, fireKey, focus, setNativeValue } from './events';
import { visiblePopups } from './popup';
import { closePanels, formatsOf } from './date';
import { dateDigits, fail, type Driver } from './types';
import { nativeTextDriver } from './native';

export const daterangeDriver: Driver = {
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
    for (let k = 0; k < fa.length; k++) {
      focus(a);
      setNativeValue(a, fa[k]!);
      fireInput(a, fa[k]!);
      fire(a, 'change');
      focus(b);
      setNativeValue(b, fb[k] ?? value.end);
      fireInput(b, fb[k] ?? value.end);
      fire(b, 'change');
      fireKey(b, 'keydown', 'Enter');
      fireKey(b, 'keyup', 'Enter');
      await microtask();
      await microtask();
      if (dateDigits(a.value) === dateDigits(value.start) && dateDigits(b.value) === dateDigits(value.end)) {
        closePanels(b, before);
        await microtask();
        return { ok: true, value: readField(field) };
      }
    }
    closePanels(b, before);
    return fail(readField(field), 'the date range picker did not take the dates');
  },
};
