/**
 * Ant Design Vue `a-cascader` and View UI `cascader`: walked level by level by the generic cascader driver
 * (cascader.ts, with each library's data in libraries.ts), then read back twice: the path a person sees in
 * the box ("上海市 / 市辖区 / 松江区") and what the widget keeps — iView's hidden value input plus the menu
 * items it marks active, Ant's active menu items (both rendered from the framework's model).
 */
import { ANT, IVIEW } from '../libraries';
import { textOf } from '@/utils/page/dom';
import { cascaderDriver } from './cascader';
import { judge, type Views } from './both-views';
import type { Driver } from './types';

/** Ant moves its cascader dropdown to <body> (without an id to find it by): the one each cascader opened. */
const dropdownOf = new WeakMap<Element, Element>();

const lastPart = (s: string) => s.split(/\s*[/／>]\s*/).filter(Boolean).pop() ?? '';

function activePath(items: Element[]): string {
  return items.map((i) => textOf(i)).join(' / ');
}

export function antCascaderViews(root: Element): Views {
  const shown = root.querySelector(ANT.cascader.display);
  const seen = shown ? shown.getAttribute('title') || textOf(shown) : '';
  const input = root.querySelector(ANT.select.search);
  const id = input?.getAttribute('aria-controls');
  const dd = (id && root.ownerDocument.getElementById(id)?.closest(ANT.select.dropdown)) || dropdownOf.get(root);
  if (!dd || !dd.isConnected) return { seen, kept: null };
  return { seen, kept: activePath(Array.from(dd.querySelectorAll(ANT.cascader.activeItem))) };
}

export function iviewCascaderViews(root: Element): Views {
  const input = root.querySelector(IVIEW.cascader.input) as HTMLInputElement | null;
  const hidden = root.querySelector(IVIEW.cascader.hidden) as HTMLInputElement | null;
  const seen = (input?.value ?? '').trim();
  if (!hidden) return { seen, kept: null };
  if (!hidden.value) return { seen, kept: '' };
  // the hidden input holds the codes ("310000,310100,310117"); the active items name them
  const active = Array.from(root.querySelectorAll(IVIEW.cascader.activeItem));
  const codes = hidden.value.split(',').filter(Boolean);
  return { seen, kept: active.length === codes.length ? activePath(active) : `${codes.length} level(s) kept, ${active.length} shown active` };
}

/**
 * Run the generic cascader walk, then judge both views. `remember` sees the popups that existed before the
 * walk, so a family that moves its dropdown to <body> can tell which one this cascader opened.
 */
function verified(views: (root: Element) => Views, popup?: { selector: string; remember(root: Element, fresh: Element): void }): Driver {
  return {
    async fill(field, value, env) {
      const doc = field.element.ownerDocument;
      const before = popup ? new Set(doc.querySelectorAll(popup.selector)) : null;
      const res = await cascaderDriver.fill(field, value, env);
      if (popup && before) {
        const fresh = Array.from(doc.querySelectorAll(popup.selector)).filter((d) => !before.has(d));
        // the first open creates it; later opens reuse it (kept in the map from then on)
        if (fresh.length === 1) popup.remember(field.element, fresh[0]!);
      }
      if (!res.ok) return res;
      return judge(views(field.element), lastPart(res.value));
    },
  };
}

export const antCascaderDriver = verified(antCascaderViews, { selector: '.ant-cascader-dropdown', remember: (root, dd) => dropdownOf.set(root, dd) });
export const iviewCascaderDriver = verified(iviewCascaderViews);
