/**
 * View UI (iView 4) `date-picker` (single date): a person can type the date into its input; iView parses it
 * on the input's `change` (as after typing and leaving the box) — no Enter. The display formats are tried
 * in turn (the picker's `format` decides which it accepts), then the panel is closed with Escape. Read
 * back: the input a person sees and the day the calendar marks selected under its 年 / 月 header
 * (rendered from Vue's model).
 */
import { IVIEW } from '../libraries';
import { microtask, textOf } from '../dom';
import { blur, fireKey, typeInto } from './events';
import { formatsOf } from './date';
import { waitFor } from './popup';
import { judge, type Views } from './both-views';
import { dateDigits, fail, valueText, type Driver } from './types';

export function iviewDateViews(root: Element): Views {
  const input = root.querySelector(IVIEW.date.input) as HTMLInputElement | null;
  const seen = (input?.value ?? '').trim();
  const panel = root.querySelector(IVIEW.date.panel);
  if (!panel) return { seen, kept: null };
  const cell = panel.querySelector(IVIEW.date.selectedCell);
  if (!cell) return { seen, kept: '' };
  const [y, m] = Array.from(panel.querySelectorAll(IVIEW.date.headerLabel)).map((l) => textOf(l).replace(/\D/g, ''));
  return { seen, kept: y && m ? `${y}-${m.padStart(2, '0')}-${textOf(cell).replace(/\D/g, '').padStart(2, '0')}` : '' };
}

export const iviewDateDriver: Driver = {
  kinds: ['date'],
  async fill(field, value, env) {
    const root = field.element;
    const input = root.querySelector(IVIEW.date.input) as HTMLInputElement | null;
    if (!input) return fail('', 'no input');
    const iso = value.type === 'date' ? value.iso : valueText(value);
    if (!dateDigits(iso)) return fail(input.value, 'not a date');
    const sameDay = (a: string, b: string) => !!a && dateDigits(a) === dateDigits(b);
    for (const text of formatsOf(iso)) {
      typeInto(input, text, { blur: false });
      await microtask();
      const took = await waitFor(() => (sameDay(iviewDateViews(root).kept ?? iviewDateViews(root).seen, iso) ? true : null), env, 200);
      if (took) break;
    }
    fireKey(input, 'keydown', 'Escape');
    blur(input);
    await waitFor(() => (judge(iviewDateViews(root), iso, sameDay).ok ? true : null), env, 300);
    return judge(iviewDateViews(root), iso, sameDay);
  },
};
