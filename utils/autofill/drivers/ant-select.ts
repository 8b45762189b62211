/**
 * Ant Design Vue 4 `a-select` (single). The list is VIRTUAL: only the rows near its scroll position exist
 * in the DOM, so an option far down is found as a person finds it — when the select lets you type
 * (`show-search`) by typing into its own search box, which filters the list, else by scrolling the list a
 * screen at a time. The typing box is part of the select; nothing else is typed. Read back: the selection item a person sees and
 * the option the list marks as chosen (`aria-selected`, rendered from Vue's model).
 */
import { ANT } from '../libraries';
import { chooseOption } from '@/utils/page/text';
import { isVisible, textOf, microtask } from '@/utils/page/dom';
import { fireInput, fireKey, focus, setNativeValue, userClick } from './events';
import { waitFor } from './popup';
import { choiceCandidates } from './layui-select';
import { judge, type Views } from './both-views';
import { fail, type Driver } from './types';
import type { DriverEnv } from '../types';

const searchInput = (root: Element) => root.querySelector(ANT.select.search) as HTMLInputElement | null;

/** The dropdown of this select: its search input's aria-controls names the list inside it. */
export function antDropdownOf(root: Element): HTMLElement | null {
  const input = searchInput(root);
  const id = input?.getAttribute('aria-controls') ?? input?.getAttribute('aria-owns');
  const list = id ? root.ownerDocument.getElementById(id) : null;
  return (list?.closest(ANT.select.dropdown) as HTMLElement | null) ?? null;
}

const open = (dd: Element | null): dd is HTMLElement => !!dd && isVisible(dd) && !dd.classList.contains(ANT.select.hiddenDropdownClass);

export function antSelectViews(root: Element): Views {
  const shown = root.querySelector(ANT.select.item);
  const seen = shown ? shown.getAttribute('title') || textOf(shown) : '';
  const dd = antDropdownOf(root);
  if (!dd) return { seen, kept: null };
  const chosen = dd.querySelector(`${ANT.select.option}[aria-selected="true"], ${ANT.select.selectedOption}`);
  // the a11y list keeps the chosen option's label even when the virtual list scrolled its row away
  const a11y = dd.querySelector('[role="option"][aria-selected="true"]');
  const kept = chosen ? chosen.getAttribute('title') || textOf(chosen.querySelector(ANT.select.optionContent) ?? chosen) : a11y ? a11y.getAttribute('aria-label') || '' : null;
  return { seen, kept };
}

function rendered(dd: Element): Element[] {
  return Array.from(dd.querySelectorAll(ANT.select.option)).filter((o) => !o.matches(ANT.select.disabledOption));
}
const optionText = (o: Element) => o.getAttribute('title') || textOf(o.querySelector(ANT.select.optionContent) ?? o);

/** Scroll the virtual list from the top down, a screen at a time, until a wanted option is drawn. */
async function scrollTo(dd: Element, candidates: string[], env: DriverEnv): Promise<Element | null> {
  const holder = dd.querySelector(ANT.select.virtualHolder) as HTMLElement | null;
  const find = () => {
    const items = rendered(dd);
    const i = chooseOption(items.map(optionText), candidates);
    return i >= 0 ? items[i]! : null;
  };
  const hit = find();
  if (hit || !holder) return hit;
  const step = Math.max(holder.clientHeight - 32, 64);
  for (let top = 0, guard = 0; guard < 200; guard++) {
    const prev = holder.scrollTop;
    top = prev + step;
    holder.scrollTop = top;
    holder.dispatchEvent(new (holder.ownerDocument.defaultView ?? window).Event('scroll', { bubbles: false }));
    if (holder.scrollTop === prev) break; // at the end
    // wait for the list to draw the rows of the new position, then look
    const firstBefore = rendered(dd)[0];
    await waitFor(() => (rendered(dd)[0] !== firstBefore ? true : null), env, 100);
    const found = find();
    if (found) return found;
  }
  return null;
}

/** Type into the select's own search box (show-search) to filter the list; try each candidate in turn. */
async function searchFor(root: Element, dd: Element, candidates: string[], env: DriverEnv): Promise<Element | null> {
  const input = searchInput(root);
  if (!input || input.readOnly || input.disabled) return null;
  for (const c of candidates) {
    const before = rendered(dd).map(optionText).join('|');
    focus(input);
    setNativeValue(input, c);
    fireInput(input, c);
    // the list re-draws with the matches, or says it has none
    await waitFor(() => (rendered(dd).map(optionText).join('|') !== before || dd.querySelector('.ant-select-item-empty') ? true : null), env, 300);
    const items = rendered(dd);
    const i = chooseOption(items.map(optionText), candidates);
    if (i >= 0) return items[i]!;
  }
  // leave the box as it was
  setNativeValue(input, '');
  fireInput(input, '');
  return null;
}

export const antSelectDriver: Driver = {
  async fill(field, value, env) {
    const root = field.element;
    if (root.classList.contains('ant-select-disabled')) return fail(antSelectViews(root).seen, 'disabled');
    const candidates = choiceCandidates(value);
    const selector = root.querySelector(ANT.select.selector);
    if (!selector) return fail('', 'no ant select selector');
    // rc-select opens on the selector's mousedown
    const target = searchInput(root) ?? selector;
    userClick(target, ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']);
    const dd = await waitFor(() => {
      const d = antDropdownOf(root) ?? null;
      return open(d) && d.querySelector(ANT.select.option) ? d : null;
    }, env);
    if (!dd) return fail(antSelectViews(root).seen, 'the list did not open');
    // what is drawn first; else type into its search box as a person does; else scroll the list
    const drawn = rendered(dd);
    const at = chooseOption(drawn.map(optionText), candidates);
    const item = (at >= 0 ? drawn[at]! : null) ?? (await searchFor(root, dd, candidates, env)) ?? (await scrollTo(dd, candidates, env));
    if (!item) {
      const input = searchInput(root);
      if (input && open(dd)) fireKey(input, 'keydown', 'Escape');
      return fail(antSelectViews(root).seen, `no option for ${candidates[0] ?? ''}`);
    }
    const wanted = optionText(item);
    item.dispatchEvent(new (root.ownerDocument.defaultView ?? window).MouseEvent('mouseenter', { bubbles: false }));
    userClick(item, ['mousemove', 'mousedown', 'mouseup', 'click']);
    await microtask();
    const views = await waitFor(() => {
      const v = antSelectViews(root);
      return judge(v, wanted).ok ? v : null;
    }, env, 400);
    return judge(views ?? antSelectViews(root), wanted);
  },
};
