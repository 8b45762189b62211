/** Small DOM helpers shared by the guard's page reader, interceptor and live note. */

/** Names the guard's own nodes for tests and styling only: it never decides what is ours (a page can set it). */
export const GUARD_HOST_ATTR = 'data-zwdt-guard';

const DIALOG_SELECTOR = '[role="dialog"], [role="alertdialog"], .el-dialog__wrapper, .el-dialog, .el-message-box__wrapper, .modal, .layui-layer, .ant-modal-wrap, dialog';

/**
 * The guard's own nodes (modal host, inline notes), held where page scripts cannot reach: a page that
 * marks one of its own elements with the guard's attribute does not make it ours.
 */
const guardNodes = new WeakSet<Node>();

export function markGuardNode(node: Node): void {
  guardNodes.add(node);
}

/** Inside the guard's own UI? Walks up the tree, across shadow roots to their hosts. */
export function isGuardNode(node: Node | null): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? shadowHost(n)) {
    if (guardNodes.has(n)) return true;
  }
  return false;
}

/** The host of a shadow root (a document fragment with a host), else null. */
function shadowHost(n: Node): Node | null {
  return n.nodeType === 11 && 'host' in n ? ((n as ShadowRoot).host ?? null) : null;
}

export function closestDialog(el: Element): Element | null {
  return el.closest(DIALOG_SELECTOR);
}

/** Not displayed: `hidden`, or `display: none` on it or an ancestor (computed, so page CSS counts). */
export function isHidden(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  for (let e: Element | null = el; e && e !== el.ownerDocument.documentElement; e = e.parentElement) {
    if (e.hasAttribute('hidden')) return true;
    const style = view?.getComputedStyle ? view.getComputedStyle(e) : (e as HTMLElement).style;
    if (style?.display === 'none') return true;
    if (e === el && style?.visibility === 'hidden') return true;
  }
  return false;
}

/** A control belongs to a dialog that is closed now (stale values of 新增发票 and the like). */
export function inClosedDialog(el: Element): boolean {
  const dialog = closestDialog(el);
  return !!dialog && isHidden(dialog);
}

export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
