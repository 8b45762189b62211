/**
 * View UI (iView 4) `date-picker` (single date): open the calendar as a person does, step the header's
 * arrows to the wanted month (the header reads "2026年 12月"), click the day. A day click commits, closes
 * and lets the form item validate the new value — typing into the input instead leaves iView's "required"
 * message on screen until the user clicks elsewhere. No key presses. Read back: the input a person sees
 * and the day the calendar marks selected under its 年 / 月 header (rendered from Vue's model).
 */
import { IVIEW } from '../libraries';
import { isVisible, microtask, textOf } from '@/utils/page/dom';
import { blur, userClick } from './events';
import { waitFor } from './popup';
import { judge, type Views } from './both-views';
import { dateDigits, fail, valueText, type Driver } from './types';

const CELL = '.ivu-date-picker-cells-cell';
const OTHER_MONTH = /-cell-(prev|next)-month/;
const DISABLED = 'ivu-date-picker-cells-cell-disabled';

/** The month a panel shows, as year*12+month, from its header labels ("2026年", "12月"). */
function shownMonth(panel: Element): number | null {
  const [y, m] = Array.from(panel.querySelectorAll(IVIEW.date.headerLabel)).map((l) => Number(textOf(l).replace(/\D/g, '')));
  return y && m ? y * 12 + m - 1 : null;
}

export function iviewDateViews(root: Element): Views {
  const input = root.querySelector(IVIEW.date.input) as HTMLInputElement | null;
  const seen = (input?.value ?? '').trim();
  const panel = root.querySelector(IVIEW.date.panel);
  if (!panel) return { seen, kept: null };
  const cell = panel.querySelector(IVIEW.date.selectedCell);
  const shown = shownMonth(panel);
  if (!cell || shown === null) return { seen, kept: '' };
  const y = Math.floor(shown / 12);
  const m = (shown % 12) + 1;
  return { seen, kept: `${y}-${String(m).padStart(2, '0')}-${textOf(cell).replace(/\D/g, '').padStart(2, '0')}` };
}

export const iviewDateDriver: Driver = {
  async fill(field, value, env) {
    const root = field.element;
    const input = root.querySelector(IVIEW.date.input) as HTMLInputElement | null;
    if (!input) return fail('', 'no input');
    const iso = value.type === 'date' ? value.iso : valueText(value);
    const want = dateDigits(iso);
    if (!want) return fail(input.value, 'not a date');
    const sameDay = (a: string, b: string) => !!a && dateDigits(a) === dateDigits(b);
    userClick(input, ['mousedown', 'mouseup', 'click']);
    const panel = await waitFor(() => {
      const p = root.querySelector(IVIEW.date.panel);
      return p && isVisible(p) && p.querySelector(CELL) ? p : null;
    }, env);
    if (!panel) return fail(input.value, 'the date panel did not open');
    const target = Number(want.slice(0, 4)) * 12 + Number(want.slice(4, 6)) - 1;
    for (let guard = 0; guard < 250; guard++) {
      const shown = shownMonth(panel);
      if (shown === null || shown === target) break;
      const diff = target - shown;
      const dir = diff > 0 ? 'next' : 'prev';
      const arrow = panel.querySelector(Math.abs(diff) >= 12 ? `.ivu-date-picker-${dir}-btn-arrow-double` : `.ivu-date-picker-${dir}-btn-arrow`);
      if (!arrow) break;
      userClick(arrow, ['mousedown', 'mouseup', 'click']);
      await waitFor(() => (shownMonth(panel) !== shown ? true : null), env, 300);
    }
    if (shownMonth(panel) !== target) return fail(input.value, 'the date panel has no such month');
    const day = String(Number(want.slice(6, 8)));
    const cell = Array.from(panel.querySelectorAll(CELL)).find((c) => !OTHER_MONTH.test(c.className) && textOf(c) === day);
    if (!cell) return fail(input.value, 'the date panel has no such day');
    if (cell.classList.contains(DISABLED)) return fail(input.value, 'the date picker does not allow this date');
    userClick(cell, ['mousedown', 'mouseup', 'click']);
    await microtask();
    await waitFor(() => (judge(iviewDateViews(root), iso, sameDay).ok ? true : null), env, 400);
    blur(input);
    return judge(iviewDateViews(root), iso, sameDay);
  },
};
