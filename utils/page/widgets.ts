/**
 * Widget detection, data-driven: which widget a native control belongs to, which library drew it and what it
 * is made of. The recognisers (`utils/autofill/widget-families.ts`) read what the page shows (class names,
 * structure — never the URL) with the library data in `utils/autofill/libraries.ts` (WIDGETS, SELECTS, LAYUI,
 * ANT, IVIEW, RADIO_SKINS, PAGE_SEARCH). A new widget family is a new data entry there; the drivers are chosen
 * by (kind, library).
 *
 * Skins: a control a skin stands in for (layui's hidden <select>, radios and checkboxes) and a select's own
 * typing box (layui `lay-search`, Ant `show-search`, iView `filterable`) belong to the widget — they are never
 * fields of their own, whatever their visibility.
 */
import { WIDGETS, WIDGET_SELECTOR, SELECTS } from '@/utils/autofill/libraries';
import { isPageSearch, isSkinPart, recogniseWidget } from '@/utils/autofill/widget-families';
import type { WidgetKind } from './types';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export interface WidgetInfo {
  kind: WidgetKind;
  library: string;
  /** What decided: the class / attribute selector that matched (e.g. `.el-select`, `.el-select__wrapper`). */
  hints: string[];
}

/** A widget as the page model groups it: one field per widget. */
export interface ControlWidget extends WidgetInfo {
  /** The element a person handles (the skin / component root): the field's element. */
  root: HTMLElement;
  /** Native controls the page submits (hidden <select> / radios under skins …); may be empty. */
  controls: Control[];
  /** One visible skin per option (radio skins), in page order. */
  skins: Element[];
  /** The widget's own typing box, if any (part of the widget, not a field; its hint is no trap evidence). */
  search: HTMLInputElement | null;
  /** Group key: radios are grouped per form and name (their skins may share a parent with another group). */
  key: Element;
}

/** The hint a page search's field carries (widget detection's verdict; matching makes it a trap). */
export const PAGE_SEARCH_HINT = 'page search';

/** The part of a comma-separated selector list that matches `el`. */
function matchedPart(el: Element, selector: string): string {
  for (const part of selector.split(',')) {
    const p = part.trim();
    try {
      if (p && el.matches(p)) return p;
    } catch {
      /* a selector this DOM does not support */
    }
  }
  return selector;
}

/** The library of a component select: Element Plus has a `.el-select__wrapper` trigger, Element UI not … */
function selectLibrary(el: Element, fallback: string): { library: string; hint: string | null } {
  for (const def of SELECTS) {
    if (el.matches(def.root) && (!def.trigger || el.querySelector(def.trigger))) return { library: def.library, hint: def.trigger || null };
  }
  return { library: fallback, hint: null };
}

/** The component widget rooted at `el`, or null when `el` is not a widget root (WIDGETS data only). */
export function widgetOf(el: Element): WidgetInfo | null {
  for (const w of WIDGETS) {
    if (!el.matches(w.selector)) continue;
    const hints = [matchedPart(el, w.selector)];
    if (w.kind !== 'custom-select') return { kind: w.kind, library: w.library, hints };
    const lib = selectLibrary(el, w.library);
    if (lib.hint) hints.push(lib.hint);
    return { kind: w.kind, library: lib.library, hints };
  }
  return null;
}

/**
 * The widget a native control (or any part of a widget) belongs to, or null for a plain control. The family
 * recognisers decide kind, root and parts; the WIDGETS data refines the library (Element UI vs Element Plus)
 * and names the selector that matched.
 */
export function widgetOfControl(el: Element): ControlWidget | null {
  const w = recogniseWidget(el);
  if (!w) return null;
  const data = widgetOf(w.root);
  const same = data && data.kind === w.kind;
  const hints = same ? data.hints : [matchedPart(w.root, w.selector)];
  if (w.parts.search) hints.push('typing box');
  return {
    kind: w.kind,
    library: same ? data.library : w.library,
    hints,
    root: w.root,
    controls: w.controls,
    skins: w.parts.options,
    search: w.parts.search,
    key: w.kind === 'radio-group' && w.library === 'layui' && w.controls[0] ? w.controls[0] : w.root,
  };
}

/** The component widget holding a native control, if any. */
export function widgetRootOf(control: Element): Element | null {
  return widgetOfControl(control)?.root ?? null;
}

export { WIDGET_SELECTOR, isSkinPart, isPageSearch };
