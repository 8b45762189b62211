/**
 * DOM helpers of the page model (the one reader of the page): they work on elements from any same-origin
 * frame and inside shadow roots. Dialog, visibility and helper-node rules live here once.
 */

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

/**
 * Names the helper's own in-page UI (warnings modal, address notes) for tests and styling only: it never
 * decides what is ours — a page can set it too (issue 10 item 7).
 */
export const GUARD_HOST_ATTR = 'data-zwdt-guard';
/** The panel's host element. */
export const PANEL_HOST_TAG = 'zwdt-reimburse-helper';

/**
 * The helper's own nodes, held where page scripts cannot reach: a set on the content scripts' isolated
 * world, shared by the small portal script and the page features injected later (two bundles, one world).
 */
const HELPER_NODES_KEY = Symbol.for('zwdt-reimburse-helper.nodes');
function helperNodes(): WeakSet<Node> {
  const g = globalThis as unknown as Record<symbol, WeakSet<Node> | undefined>;
  return (g[HELPER_NODES_KEY] ??= new WeakSet<Node>());
}

/** Records a node of the helper's own UI (the panel's host, the modal's host, a note). */
export function markHelperNode(node: Node): void {
  helperNodes().add(node);
}

/**
 * Part of the helper's own UI (modal host, inline notes, the panel's host)? Walks up the tree, across
 * shadow roots to their hosts. A page element carrying the helper's attribute or tag name is not ours.
 */
export function isHelperNode(node: Node | null): boolean {
  const set = helperNodes();
  for (let n: Node | null = node; n; n = n.parentNode ?? shadowHost(n)) {
    if (set.has(n)) return true;
  }
  return false;
}

/** The host of a shadow root (a document fragment with a host), else null. */
function shadowHost(n: Node): Node | null {
  return n.nodeType === 11 && 'host' in n ? ((n as ShadowRoot).host ?? null) : null;
}

/** Dialogs of the libraries portals use (and plain ARIA / <dialog>). */
export const DIALOG_SELECTOR =
  '[role="dialog"], [role="alertdialog"], .el-dialog__wrapper, .el-overlay-dialog, .el-dialog, .el-message-box__wrapper, .modal, .modal-dialog, .layui-layer, .ant-modal-wrap, .ant-modal, .ivu-modal-wrap, .ivu-modal, dialog';

export function closestDialog(el: Element): Element | null {
  return el.closest(DIALOG_SELECTOR);
}

/** Not displayed: `hidden`, or `display: none` on it or an ancestor (computed, so page CSS counts). */
export function isHidden(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  for (let e: Element | null = el; e && e !== el.ownerDocument.documentElement; e = parentElementComposed(e)) {
    if (e.hasAttribute('hidden')) return true;
    const style = view?.getComputedStyle ? view.getComputedStyle(e) : (e as HTMLElement).style;
    if (style?.display === 'none') return true;
    if (e === el && style?.visibility === 'hidden') return true;
  }
  return false;
}

/** Inside a dialog: 'open' when it shows now, 'closed' when it is hidden (stale values of 新增发票 …). */
export function dialogState(el: Element): 'open' | 'closed' | null {
  let d = closestDialog(el);
  if (!d) return null;
  // the outermost dialog element of this dialog (wrapper → dialog → body are one dialog)
  for (let up = d.parentElement ? closestDialog(d.parentElement) : null; up; up = up.parentElement ? closestDialog(up.parentElement) : null) d = up;
  return isHidden(d) ? 'closed' : 'open';
}

/** Open dialogs holding form fields, outermost match only (a `.modal-dialog` inside `[role=dialog]` counts once). */
export function openDialogs(root: Document | Element): HTMLElement[] {
  const all = Array.from(root.querySelectorAll<HTMLElement>(DIALOG_SELECTOR)).filter((d) => isVisible(d) && d.querySelector(CONTROL_SELECTOR));
  return all.filter((d) => !all.some((o) => o !== d && o.contains(d)));
}
