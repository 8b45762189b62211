/**
 * Test-side helpers evaluated in the isolated world next to the engine (bundled by bench/widgets.bench.ts):
 * find a form item by its label text and fill the widget inside it with its family's driver — no collect,
 * no match, so the drivers are tested on their own against the real libraries' markup.
 */
import { FORM_ITEM_SELECTOR, ITEM_LABEL_SELECTOR } from '../../utils/autofill/libraries';
import { isVisible, ownText } from '../../utils/page/dom';
import { recogniseWidget, isSkinPart } from '../../utils/autofill/widget-families';
import { driverFor, fillWidget, widgetViews } from '../../utils/autofill/drivers';
import type { DriverResult, FillValue } from '../../utils/autofill/types';

const clean = (s: string) => s.replace(/[\s*＊:：]/g, '');

/** The form item whose own label reads `label` (stars and colons ignored). */
export function itemByLabel(label: string, root: ParentNode = document): HTMLElement | null {
  for (const item of Array.from(root.querySelectorAll(FORM_ITEM_SELECTOR)) as HTMLElement[]) {
    const own = Array.from(item.querySelectorAll(ITEM_LABEL_SELECTOR)).find((l) => l.closest(FORM_ITEM_SELECTOR) === item);
    if (own && clean(ownText(own)) === clean(label) && isVisible(item)) return item;
  }
  return null;
}

/**
 * A part of the widget (or the plain text control) in the item labelled `label` — `recogniseWidget` of it
 * gives the widget; `nth` picks among several in one row.
 */
export function controlByLabel(label: string, opts: { nth?: number; kind?: string } = {}): Element | null {
  const item = itemByLabel(label);
  if (!item) return null;
  const found: Element[] = [];
  const roots = new Set<Element>();
  for (const el of Array.from(item.querySelectorAll('input, select, textarea, .layui-form-select, .layui-form-radio'))) {
    const w = recogniseWidget(el);
    if (w) {
      if (roots.has(w.root) || (opts.kind && w.kind !== opts.kind)) continue;
      roots.add(w.root);
      found.push(el);
      continue;
    }
    if (isSkinPart(el) || (el as HTMLInputElement).type === 'hidden' || !isVisible(el)) continue;
    if (opts.kind && opts.kind !== 'text') continue;
    found.push(el);
  }
  return found[opts.nth ?? 0] ?? null;
}

/** Fill the control labelled `label`: its family's driver for widgets, the text driver for plain inputs. */
export async function fillByLabel(label: string, value: FillValue, opts: { nth?: number; kind?: string } = {}): Promise<DriverResult & { label: string; kind?: string; library?: string; ms: number }> {
  const t0 = performance.now();
  const el = controlByLabel(label, opts);
  if (!el) return { ok: false, value: '', reason: 'no such field', label, ms: 0 };
  let res: DriverResult & { kind?: string; library?: string };
  if (recogniseWidget(el)) res = await fillWidget(el, value);
  else {
    const input = el as HTMLInputElement;
    res = { ...driverFor('text')!.fillSync!({ index: 0, kind: 'text', element: input, inputs: [input], container: null, label, evidence: [], section: '', starred: false, starRule: null, options: [], value: '', library: 'native', hints: [], usable: true, dialog: null }, value), kind: 'text', library: 'native' };
  }
  return { ...res, label, ms: performance.now() - t0 };
}

/** Resolves once a field labelled `label` is on screen (revealed rows), or false after `timeoutMs`. */
export async function waitForLabel(label: string, timeoutMs = 3000): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  while (performance.now() < end) {
    if (controlByLabel(label)) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

/** Both views (seen / kept) of the widget labelled `label`. */
export function viewsByLabel(label: string, opts: { nth?: number; kind?: string } = {}) {
  const el = controlByLabel(label, opts);
  return el ? widgetViews(el) : null;
}
