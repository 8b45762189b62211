/**
 * Watch a document for what kind of portal page it is, through late rendering and single-page
 * route changes. One batched MutationObserver plus a cheap URL poll (a content script cannot hook
 * the page's own `history.pushState`). Calls `onChange` only when the verdict changes.
 */
import { detectPage, samePage, type PageInfo } from './page';
import { takeSnapshot } from './snapshot';

export interface WatchOptions {
  doc: Document;
  getUrl: () => string;
  onChange: (info: PageInfo | null, previous: PageInfo | null) => void;
  signal: AbortSignal;
  /** Debounce for DOM changes, ms. */
  debounceMs?: number;
  /** URL poll interval, ms. */
  pollMs?: number;
}

export function watchPage({ doc, getUrl, onChange, signal, debounceMs = 250, pollMs = 400 }: WatchOptions): { check: () => void } {
  let current: PageInfo | null = null;
  let lastUrl = getUrl();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const check = () => {
    timer = undefined;
    if (signal.aborted) return;
    const next = detectPage(takeSnapshot(doc, getUrl()));
    if (!samePage(next, current)) {
      const previous = current;
      current = next;
      onChange(next, previous);
    }
  };
  const schedule = () => {
    if (timer === undefined && !signal.aborted) timer = setTimeout(check, debounceMs);
  };

  const observer = new MutationObserver(schedule);
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class', 'aria-current'] });
  const poll = setInterval(() => {
    const url = getUrl();
    if (url !== lastUrl) {
      lastUrl = url;
      schedule();
    }
  }, pollMs);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearInterval(poll);
    if (timer !== undefined) clearTimeout(timer);
  });
  check();
  return { check };
}
