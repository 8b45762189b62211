/**
 * View UI (iView 4) `i-select`, `filterable` or not: press the selection box as a person does, click the
 * `li.ivu-select-item` whose text is wanted. A filterable select's input is its own search box — part of
 * the select, not a field. Read back: the label a person sees (the filter input's value or the selected
 * value's text) and what iView keeps — its hidden value input (non-empty) and the option it marks selected.
 */
import { IVIEW } from '../libraries';
import { chooseOption } from '@/utils/page/text';
import { isVisible, textOf, microtask } from '@/utils/page/dom';
import { fireKey, userClick } from './events';
import { waitFor } from './popup';
import { choiceCandidates } from './layui-select';
import { judge, type Views } from './both-views';
import { fail, type Driver } from './types';

/** The select's dropdown: inside it, or moved to <body> (`transfer`) — then the visible one showing its items. */
function dropdownOf(root: Element, before: Set<Element>): Element | null {
  const inner = root.querySelector(`:scope > ${IVIEW.select.dropdown}`);
  if (inner) return inner;
  const shown = Array.from(root.ownerDocument.querySelectorAll(IVIEW.select.dropdown)).filter((d) => isVisible(d) && !root.contains(d));
  return shown.find((d) => !before.has(d)) ?? null;
}

const remembered = new WeakMap<Element, Element>();

export function iviewSelectViews(root: Element): Views {
  const filter = root.querySelector(IVIEW.select.filterInput) as HTMLInputElement | null;
  const shown = root.querySelector(IVIEW.select.shown);
  const seen = filter ? filter.value.trim() : shown && isVisible(shown) ? textOf(shown) : '';
  const hidden = root.querySelector(IVIEW.select.hidden) as HTMLInputElement | null;
  const dd = root.querySelector(`:scope > ${IVIEW.select.dropdown}`) ?? remembered.get(root);
  const chosen = dd?.querySelector(IVIEW.select.selectedOption);
  if (!hidden) return { seen, kept: chosen ? textOf(chosen) : null };
  return { seen, kept: hidden.value && chosen ? textOf(chosen) : '' };
}

export const iviewSelectDriver: Driver = {
  async fill(field, value, env) {
    const root = field.element;
    if (root.classList.contains('ivu-select-disabled')) return fail(iviewSelectViews(root).seen, 'disabled');
    const candidates = choiceCandidates(value);
    const box = root.querySelector('.ivu-select-selection');
    if (!box) return fail('', 'no iView selection box');
    const before = new Set(Array.from(root.ownerDocument.querySelectorAll(IVIEW.select.dropdown)).filter((d) => isVisible(d)));
    userClick(box, ['mousedown', 'mouseup', 'click']);
    const dd = await waitFor(() => {
      const d = dropdownOf(root, before);
      return d && isVisible(d) && d.querySelector(IVIEW.select.option) ? d : null;
    }, env);
    if (!dd) return fail(iviewSelectViews(root).seen, 'the list did not open');
    remembered.set(root, dd);
    const items = Array.from(dd.querySelectorAll(IVIEW.select.option)).filter((li) => !li.matches(IVIEW.select.disabledOption) && isVisible(li));
    const i = chooseOption(
      items.map((li) => textOf(li)),
      candidates,
    );
    if (i < 0) {
      const input = root.querySelector('input:not([type="hidden"])');
      if (input) fireKey(input, 'keydown', 'Escape');
      return fail(iviewSelectViews(root).seen, `no option for ${candidates[0] ?? ''}`);
    }
    const item = items[i]!;
    const wanted = textOf(item);
    userClick(item, ['mousedown', 'mouseup', 'click']);
    await microtask();
    const views = await waitFor(() => {
      const v = iviewSelectViews(root);
      return judge(v, wanted).ok ? v : null;
    }, env, 400);
    return judge(views ?? iviewSelectViews(root), wanted);
  },
};
