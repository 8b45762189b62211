/** Small DOM helpers shared by the guard's page reader, interceptor and live note. */

export const GUARD_HOST_ATTR = 'data-zwdt-guard';

const DIALOG_SELECTOR = '[role="dialog"], [role="alertdialog"], .el-dialog__wrapper, .el-dialog, .el-message-box__wrapper, .modal, .layui-layer, .ant-modal-wrap, dialog';

/** Inside the guard's own UI (modal host, inline notes)? */
export function isGuardNode(node: Node | null): boolean {
  const el = node instanceof Element ? node : node?.parentElement;
  return !!el?.closest(`[${GUARD_HOST_ATTR}]`);
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
