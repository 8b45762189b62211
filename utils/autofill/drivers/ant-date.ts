/**
 * Ant Design Vue 4 `a-date-picker` (single date): open the calendar as a person does, step the header's
 * arrows to the wanted month, click the day cell (`td[title=YYYY-MM-DD]`). A day click commits and closes —
 * no typing, no key presses. Read back: the input a person sees and the cell the calendar marks as
 * selected (rendered from Vue's model).
 */
import { ANT } from '../libraries';
import { isVisible, microtask } from '@/utils/page/dom';
import { blur, userClick } from './events';
import { waitFor } from './popup';
import { judge, type Views } from './both-views';
import { dateDigits, fail, valueText, type Driver } from './types';

function dropdownOf(root: Element, before: Set<Element>): HTMLElement | null {
  const all = Array.from(root.ownerDocument.querySelectorAll(ANT.date.dropdown)) as HTMLElement[];
  const open = all.filter((d) => isVisible(d) && !d.classList.contains(ANT.date.hiddenDropdownClass));
  return open.find((d) => !before.has(d)) ?? (open.length === 1 ? open[0]! : null);
}

/** The month shown, as year*12+month, from the first in-view day cell's title. */
function shownMonth(dd: Element): number | null {
  const cell = dd.querySelector(`${ANT.date.cell}.${ANT.date.inView}[title]`);
  const m = cell?.getAttribute('title')?.match(/^(\d{4})-(\d{2})/);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : null;
}

/** Every dropdown this picker opened once stays in the DOM (hidden): remember which is ours. */
const dropdowns = new WeakMap<Element, HTMLElement>();

export function antDateViews(root: Element): Views {
  const input = root.querySelector(ANT.date.input) as HTMLInputElement | null;
  const seen = (input?.value ?? '').trim();
  const dd = dropdowns.get(root);
  if (!dd || !dd.isConnected) return { seen, kept: null };
  const cell = dd.querySelector(ANT.date.selectedCell);
  return { seen, kept: cell?.getAttribute('title') ?? '' };
}

export const antDateDriver: Driver = {
  async fill(field, value, env) {
    const root = field.element;
    const input = root.querySelector(ANT.date.input) as HTMLInputElement | null;
    if (!input) return fail('', 'no input');
    const iso = value.type === 'date' ? value.iso : valueText(value);
    const want = dateDigits(iso);
    if (!want) return fail(input.value, 'not a date');
    const sameDay = (a: string, b: string) => !!a && dateDigits(a) === dateDigits(b);
    const before = new Set(Array.from(root.ownerDocument.querySelectorAll(ANT.date.dropdown)).filter((d) => isVisible(d)));
    userClick(input, ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']);
    const dd = await waitFor(() => {
      const d = dropdownOf(root, before);
      return d && d.querySelector(ANT.date.cell) ? d : null;
    }, env);
    if (!dd) return fail(input.value, 'the date panel did not open');
    dropdowns.set(root, dd);
    const target = Number(want.slice(0, 4)) * 12 + Number(want.slice(4, 6)) - 1;
    for (let guard = 0; guard < 250; guard++) {
      const shown = shownMonth(dd);
      if (shown === null || shown === target) break;
      const diff = target - shown;
      const arrow = Math.abs(diff) >= 12 ? (diff > 0 ? ANT.date.nextYear : ANT.date.prevYear) : diff > 0 ? ANT.date.nextMonth : ANT.date.prevMonth;
      const btn = dd.querySelector(arrow);
      if (!btn) break;
      userClick(btn, ['mousedown', 'mouseup', 'click']);
      await waitFor(() => (shownMonth(dd) !== shown ? true : null), env, 300);
    }
    const cell = Array.from(dd.querySelectorAll(`${ANT.date.cell}.${ANT.date.inView}`)).find((td) => dateDigits(td.getAttribute('title') ?? '') === want);
    if (!cell) return fail(input.value, 'the date panel has no such day');
    if (cell.classList.contains(ANT.date.disabledCell)) return fail(input.value, 'the date picker does not allow this date');
    userClick(cell.querySelector(ANT.date.cellInner) ?? cell, ['mousedown', 'mouseup', 'click']);
    await microtask();
    await waitFor(() => (sameDay(antDateViews(root).seen, iso) ? true : null), env, 400);
    blur(input);
    return judge(antDateViews(root), iso, sameDay);
  },
};
