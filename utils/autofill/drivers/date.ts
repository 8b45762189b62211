/**
 * Date pickers (Element `el-date-picker`, Ant, iView, native): type the date into its input as a user can
 * (input + change: the picker parses and emits), close the panel, read back. Tries the common display
 * formats when the picker refuses ISO. Enter only for a picker that took none of them that way — and
 * then kept inside the widget (`pressEnterWithin`): a page that submits on Enter never sees it.
 */
import { DATE_PANEL_SELECTOR } from '../libraries';
import { microtask } from '../dom';
import { readField } from '../value';
import { fire, fireInput, fireKey, focus, blur, pressEnterWithin, setNativeValue } from './events';
import { visiblePopups } from './popup';
import { dateDigits, fail, valueText, type Driver } from './types';
import { nativeDateDriver } from './native';

export function formatsOf(iso: string): string[] {
  const m = iso.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return [iso];
  const [, y, mo, d] = m;
  return [iso, `${y}/${mo}/${d}`, `${y}年${mo}月${d}日`, `${y}${mo}${d}`, `${y}.${mo}.${d}`];
}

/**
 * Focuses the input the way a person's click does, and lets the picker react first: Element mounts its
 * panel (and the state its change handler writes to) only after the focus, on the next tick.
 */
export async function focusPicker(input: HTMLInputElement): Promise<void> {
  focus(input);
  await microtask();
}

/** Types `text` as a person does and leaves it to the picker's change handling; `enterWithin`: then Enter, kept inside that element. */
export function typeDate(input: HTMLInputElement, text: string, enterWithin?: Element): void {
  focus(input);
  setNativeValue(input, text);
  fireInput(input, text);
  fire(input, 'change');
  if (enterWithin) pressEnterWithin(input, enterWithin);
}

/** Close any date panel left open (Escape on the input, as a user would). */
export function closePanels(input: HTMLInputElement, before: Set<Element>): void {
  const open = visiblePopups(input.ownerDocument, DATE_PANEL_SELECTOR).filter((p) => !before.has(p));
  if (open.length || input.ownerDocument.activeElement === input) fireKey(input, 'keydown', 'Escape');
  blur(input);
}

export const dateDriver: Driver = {
  kinds: ['date'],
  async fill(field, value, env) {
    if (field.library === 'native') return nativeDateDriver.fill(field, value, env);
    const input = field.inputs[0] as HTMLInputElement | undefined;
    if (!input) return fail('', 'no input');
    const iso = value.type === 'date' ? value.iso : valueText(value);
    const before = new Set(visiblePopups(input.ownerDocument, DATE_PANEL_SELECTOR));
    // While focused the input shows whatever was typed; only after the panel closes does it show the
    // picker's own value — so judge each format after closing. First without Enter (most pickers
    // commit on change); Enter only if none took.
    for (const enter of [false, true]) {
      for (const text of formatsOf(iso)) {
        await focusPicker(input);
        typeDate(input, text, enter ? field.element : undefined);
        await microtask();
        closePanels(input, before);
        await microtask();
        await microtask();
        const back = readField(field);
        if (dateDigits(back) === dateDigits(iso)) return { ok: true, value: back };
      }
    }
    return fail(readField(field), 'the date picker did not take the date');
  },
};
