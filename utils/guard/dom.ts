/**
 * DOM helpers of the guard's interceptor and live note. The rules themselves never touch the DOM: they read
 * the page model (utils/page), whose helpers these are.
 */
import { GUARD_HOST_ATTR, closestDialog, dialogState, isHelperNode, isHidden, markHelperNode } from '@/utils/page/dom';

export { GUARD_HOST_ATTR, closestDialog, isHidden };

/** Inside the helper's own UI (modal host, inline notes, the panel)? Only nodes the helper recorded count. */
export const isGuardNode = (node: Node | null): boolean => isHelperNode(node);
/** Records a node of the guard's own UI (see utils/page/dom.ts markHelperNode). */
export const markGuardNode = (node: Node): void => markHelperNode(node);

/** A control belongs to a dialog that is closed now (stale values of 新增发票 and the like). */
export const inClosedDialog = (el: Element): boolean => dialogState(el) === 'closed';

export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
