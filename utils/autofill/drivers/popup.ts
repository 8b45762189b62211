/** Finding the popup a widget opened: libraries append dropdowns to <body>, so find the one that just showed. */
import { isVisible } from '@/utils/page/dom';
import type { DriverEnv } from '../types';

/** A popup in a Vue/Element leave transition is closing: not the one just opened. */
function closing(el: Element): boolean {
  return /(^|\s)\S*-leave(-active|-to)?(\s|$)/.test(el.getAttribute('class') ?? '');
}

export function visiblePopups(doc: Document, selector: string): Element[] {
  return Array.from(doc.querySelectorAll(selector)).filter((el) => isVisible(el) && !closing(el));
}

/** The popup belonging to `owner`: by aria-controls / aria-owns, else the one newly shown, nearest the owner. */
export function pickPopup(owner: Element, selector: string, before: Set<Element>, allowStale = false): Element | null {
  const doc = owner.ownerDocument;
  for (const el of [owner, ...Array.from(owner.querySelectorAll('[aria-controls], [aria-owns]'))]) {
    for (const attr of ['aria-controls', 'aria-owns']) {
      const id = el.getAttribute(attr);
      if (!id) continue;
      const target = doc.getElementById(id);
      const popup = target?.closest(selector) ?? (target?.matches(selector) ? target : null);
      if (popup && isVisible(popup)) return popup;
    }
  }
  const shown = visiblePopups(doc, selector).filter((p) => !p.contains(owner));
  const fresh = shown.filter((p) => !before.has(p));
  // one that was already open is only taken when nothing new shows (the list was open before the click)
  const pool = fresh.length ? fresh : allowStale ? shown : [];
  if (pool.length <= 1) return pool[0] ?? null;
  // several: the nearest to the owner on screen, else the last appended (the most recently shown)
  const o = owner.getBoundingClientRect();
  if (o.width || o.height) {
    let best: Element | null = null;
    let bestD = Infinity;
    for (const p of pool) {
      const r = p.getBoundingClientRect();
      const d = Math.abs(r.left - o.left) + Math.min(Math.abs(r.top - o.bottom), Math.abs(r.bottom - o.top));
      if (d < bestD) {
        bestD = d;
        best = p;
      }
    }
    return best;
  }
  return pool[pool.length - 1] ?? null;
}

/** Poll until `probe` returns something (first checks after microtasks, then every 10 ms); counts as waiting. */
export async function waitFor<T>(probe: () => T | null | undefined, env: DriverEnv, timeoutMs = env.timeoutMs): Promise<T | null> {
  const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
  for (let i = 0; i < 3; i++) {
    const v = probe();
    if (v) return v;
    await Promise.resolve();
  }
  const start = now();
  while (now() - start < timeoutMs) {
    const t0 = now();
    await env.wait(10);
    env.stats.waitMs += now() - t0;
    const v = probe();
    if (v) return v;
  }
  return null;
}
