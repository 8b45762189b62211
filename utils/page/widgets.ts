/**
 * Widget detection, data-driven: which kind of control an element is and which library drew it, from the
 * library data in `utils/autofill/libraries.ts` (WIDGETS, SELECTS). A new widget family is a new data entry
 * there; the drivers are chosen by (kind, library).
 */
import { WIDGETS, WIDGET_SELECTOR, SELECTS } from '@/utils/autofill/libraries';
import type { WidgetKind } from './types';

export interface WidgetInfo {
  kind: WidgetKind;
  library: string;
  /** What decided: the class / attribute selector that matched (e.g. `.el-select`, `.el-select__wrapper`). */
  hints: string[];
}

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

/** The component widget rooted at `el`, or null when `el` is not a widget root. */
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

/** The component widget holding a native control, if any. */
export function widgetRootOf(control: Element): Element | null {
  return control.closest(WIDGET_SELECTOR);
}

export { WIDGET_SELECTOR };
