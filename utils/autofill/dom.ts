/** Small DOM helpers: works on elements from any same-origin frame and inside shadow roots. */

export function winOf(node: Node): Window & typeof globalThis {
  return ((node.ownerDocument ?? (node as Document)).defaultView ?? window) as Window & typeof globalThis;
}

export function isElement(n: Node | null | undefined): n is HTMLElement {
  return !!n && n.nodeType === 1;
}

/** Hidden by CSS / the hidden attribute / not in the document. Uses checkVisibility when the browser has it. */
export function isVisible(el: Element): boolean {
  if (!el.isConnected) return false;
  const anyEl = el as Element & { checkVisibility?: (o?: object) => boolean };
  const win = winOf(el);
  if (typeof anyEl.checkVisibility === 'function' && hasLayout(el)) {
    return anyEl.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true });
  }
  for (let cur: Element | null = el; cur; cur = parentElementComposed(cur)) {
    if ((cur as HTMLElement).hidden) return false;
    const st = win.getComputedStyle(cur);
    if (st.display === 'none') return false;
    if (cur === el && (st.visibility === 'hidden' || st.visibility === 'collapse')) return false;
  }
  return true;
}

const layoutKnown = new WeakMap<Document, boolean>();
/** happy-dom has no layout: its rectangles are all zero. Real browsers: the root element has a size. */
function hasLayout(el: Element): boolean {
  const doc = el.ownerDocument;
  if (!doc) return false;
  let known = layoutKnown.get(doc);
  if (known === undefined) {
    const r = doc.documentElement.getBoundingClientRect();
    known = r.width > 0 || r.height > 0;
    layoutKnown.set(doc, known);
  }
  return known;
}

export function parentElementComposed(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root && (root as ShadowRoot).host ? (root as ShadowRoot).host : null;
}

export function textOf(el: Element | null | undefined): string {
  if (!el) return '';
  return (el.textContent ?? '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/** Text of an element without the text of form controls / option lists inside it. */
export function ownText(el: Element): string {
  let out = '';
  const walk = (n: Node) => {
    for (const c of Array.from(n.childNodes)) {
      if (c.nodeType === 3) out += c.nodeValue ?? '';
      else if (isElement(c)) {
        const tag = c.tagName;
        if (tag === 'SELECT' || tag === 'TEXTAREA' || tag === 'SCRIPT' || tag === 'STYLE' || tag === 'OPTION') continue;
        walk(c);
      }
    }
  };
  walk(el);
  return out.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

export const CONTROL_SELECTOR = 'input, select, textarea';

export function containsControl(el: Element): boolean {
  return el.matches(CONTROL_SELECTOR) || !!el.querySelector(CONTROL_SELECTOR);
}

/** All roots to search: the root, open shadow roots below it, and same-origin iframe documents. */
export function searchRoots(root: Document | Element | ShadowRoot, opts: { frames: boolean; shadow: boolean }): Array<Document | Element | ShadowRoot> {
  const out: Array<Document | Element | ShadowRoot> = [];
  const visit = (r: Document | Element | ShadowRoot) => {
    out.push(r);
    if (!opts.shadow && !opts.frames) return;
    const all = r.querySelectorAll('*');
    for (const el of Array.from(all)) {
      if (opts.shadow && el.shadowRoot) visit(el.shadowRoot);
      if (opts.frames && (el.tagName === 'IFRAME' || el.tagName === 'FRAME')) {
        try {
          const doc = (el as HTMLIFrameElement).contentDocument;
          if (doc && doc.documentElement) visit(doc);
        } catch {
          /* cross-origin: its own content script handles it */
        }
      }
    }
  };
  visit(root);
  return out;
}

/** Let already-queued microtasks (Vue's nextTick flush) run. Not queueMicrotask: slow in isolated worlds in Chromium. */
export const microtask = (): Promise<void> => Promise.resolve().then(() => undefined);
