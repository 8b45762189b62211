/**
 * layui laydate inputs (often readonly: the calendar is the only way in): open the calendar as a person
 * does, step the header's year / month arrows to the wanted month, click the day (`td[lay-ymd]`). A day
 * click commits and closes a single-date laydate; otherwise its 确定 button commits — no key presses.
 * laydate writes into the input itself, which is both what a person sees and what the form submits.
 */
import { LAYUI } from '../libraries';
import { isVisible, microtask } from '@/utils/page/dom';
import { blur, focus, userClick } from './events';
import { waitFor } from './popup';
import { judge } from './both-views';
import { dateDigits, fail, valueText, type Driver } from './types';

function popupOf(input: HTMLInputElement): HTMLElement | null {
  const doc = input.ownerDocument;
  const key = input.getAttribute('lay-key');
  const byKey = key ? doc.getElementById(`layui-laydate${key}`) : null;
  if (byKey && isVisible(byKey)) return byKey;
  const open = Array.from(doc.querySelectorAll(LAYUI.laydate.popup)).filter((p) => isVisible(p)) as HTMLElement[];
  return open[open.length - 1] ?? null;
}

const ymdDigits = (s: string) => {
  const m = s.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  return m ? `${m[1]}${m[2]!.padStart(2, '0')}${m[3]!.padStart(2, '0')}` : '';
};

/** The month the calendar shows, as year*12+month (from the header's `lay-ym="2026-12"`). */
function shownMonth(popup: Element): number | null {
  const ym = popup.querySelector('[lay-ym]')?.getAttribute('lay-ym') ?? '';
  const m = ym.match(/^(\d{4})-(\d{1,2})/);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : null;
}

export const laydateDriver: Driver = {
  async fill(field, value, env) {
    const input = field.inputs[0] as HTMLInputElement | undefined;
    if (!input) return fail('', 'no input');
    const iso = value.type === 'date' ? value.iso : valueText(value);
    const want = dateDigits(iso);
    if (!want) return fail(input.value, 'not a date');
    const sameDay = (a: string, b: string) => !!a && dateDigits(a) === dateDigits(b);
    if (sameDay(input.value, iso)) return { ok: true, value: input.value };
    focus(input);
    userClick(input, ['mousedown', 'mouseup', 'click']);
    const popup = await waitFor(() => popupOf(input), env);
    if (!popup) return fail(input.value, 'the date panel did not open');
    const target = Number(want.slice(0, 4)) * 12 + Number(want.slice(4, 6)) - 1;
    // at most a year arrow per year and 11 month arrows: bounded, each re-renders synchronously
    for (let guard = 0; guard < 250; guard++) {
      const shown = shownMonth(popup);
      if (shown === null || shown === target) break;
      const diff = target - shown;
      const arrow = Math.abs(diff) >= 12 ? (diff > 0 ? LAYUI.laydate.nextYear : LAYUI.laydate.prevYear) : diff > 0 ? LAYUI.laydate.nextMonth : LAYUI.laydate.prevMonth;
      const btn = popup.querySelector(arrow);
      if (!btn) break;
      userClick(btn, ['mousedown', 'mouseup', 'click']);
      await microtask();
    }
    const day = Array.from(popup.querySelectorAll(LAYUI.laydate.day)).find((td) => ymdDigits(td.getAttribute('lay-ymd') ?? '') === want);
    if (!day) return fail(input.value, 'the date panel has no such day');
    if (day.classList.contains(LAYUI.laydate.disabledDay)) return fail(input.value, 'the date picker does not allow this date');
    userClick(day, ['mousedown', 'mouseup', 'click']);
    await microtask();
    // a laydate with a 确定 button that stays open: commit with it
    if (isVisible(popup) && !sameDay(input.value, iso)) {
      const ok = popup.querySelector(LAYUI.laydate.confirm);
      if (ok) userClick(ok, ['mousedown', 'mouseup', 'click']);
      await microtask();
    }
    blur(input);
    return judge({ seen: input.value.trim(), kept: input.value.trim() }, iso, sameDay);
  },
};
