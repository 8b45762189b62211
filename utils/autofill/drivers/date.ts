/**
 * Date pickers (Element `el-date-picker`, Ant, iView, native): type the date into its input as a user can,
 * press Enter (the picker parses and emits), close the panel, read back. Tries the common display formats
 * when the picker refuses ISO.
 */
import { DATE_PANEL_SELECTOR } from '../libraries';
import { microtask } from '@/utils/page/dom';
import { readField } from '@/utils/page/value';
import { fire, fireInput, fireKey, focus, blur, setNativeValue } from './events';
import { visiblePopups } from './popup';
import { dateDigits, fail, valueText, type Driver } from './types';
import { nativeDateDriver } from './native';

export function formatsOf(iso: string): string[] {
  const m = iso.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return [iso];
  const [, y, mo, d] = m;
  return [iso, `${y}/${mo}/${d}`, `${y}年${mo}月${d}日`, `${y}${mo}${d}`, `${y}.${mo}.${d}`];
}

export function typeDate(input: HTMLInputElement, text: string): void {
  focus(input);
  setNativeValue(input, text);
  fireInput(input, text);
  fire(input, 'change');
  fireKey(input, 'keydown', 'Enter');
  fireKey(input, 'keyup', 'Enter');
}

/** Close any date panel left open (Escape on the input, as a user would). */
export function closePanels(input: HTMLInputElement, before: Set<Element>): void {
  const open = visiblePopups(input.ownerDocument, DATE_PANEL_SELECTOR).filter((p) => !before.has(p));
  if (open.length || input.ownerDocument.activeElement === input) fireKey(input, 'keydown', 'Escape');
  blur(input);
}

export const dateDriver: Driver = {
  async fill(field, value, env) {
    if (field.library === 'native') return nativeDateDriver.fill(field, value, env);
    const input = field.inputs[0] as HTMLInputElement | undefined;
    if (!input) return fail('', 'no input');
    const iso = value.type === 'date' ? value.iso : valueText(value);
    const before = new Set(visiblePopups(input.ownerDocument, DATE_PANEL_SELECTOR));
    // While focused the input shows whatever was typed; only after the panel closes does it show the
    // picker's own value — so judge each format after closing.
    for (const text of formatsOf(iso)) {
      typeDate(input, text);
      await microtask();
      closePanels(input, before);
      await microtask();
      await microtask();
      const back = readField(field);
      if (dateDigits(back) === dateDigits(iso)) return { ok: true, value: back };
    }
    return fail(readField(field), 'the date picker did not take the date');
  },
};
