/**
 * Which clicks are step actions the guard checks: 下一步 / 提交 / 确认提交 …, and a bare 确认 / 确定
 * only where it confirms a submission — not the 确定 of the 新增发票 dialog or other data-entry dialogs.
 */
import { closestDialog, isGuardNode, text } from './dom';

export type ActionKind = 'next' | 'submit' | 'confirm';

export const ACTION_TEXTS: ReadonlyArray<{ kind: ActionKind; pattern: RegExp }> = [
  { kind: 'next', pattern: /^下一步$/ },
  { kind: 'submit', pattern: /^(确认|确定|立即)?提交(申请|材料|物流申请)?$|^确认并提交$|^确认申请$|^提交并确认$/ },
  { kind: 'confirm', pattern: /^(确认|确定)$/ },
];

/** A 确认 / 确定 inside a dialog that enters or edits data (新增发票 …) is not a step action. */
const DATA_ENTRY_DIALOG = /新增|添加|编辑|修改|删除|选择|上传|预览|查看/;
/** A 确认 / 确定 in a dialog about submitting is. */
const SUBMIT_DIALOG = /提交|申请|物流|寄件|取件/;

const CLICKABLE = 'button, a, [role="button"], input[type="submit"], input[type="button"], .el-button, .btn';

export const compactText = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

export function actionText(el: Element): string {
  if (el instanceof HTMLInputElement) return compactText(el.value);
  return compactText(el.getAttribute('aria-label') || text(el));
}

export interface Action {
  el: HTMLElement;
  kind: ActionKind;
  text: string;
}

function dialogTitle(dialog: Element): string {
  const t = dialog.querySelector('.el-dialog__title, .el-message-box__title, .modal-title, .ant-modal-title, [class*="title"], h1, h2, h3, h4');
  return compactText((dialog.getAttribute('aria-label') ?? '') + (t ? text(t) : ''));
}

/** The step action an event target belongs to, if any. */
export function findAction(target: EventTarget | null): Action | null {
  if (!(target instanceof Element) || isGuardNode(target)) return null;
  const el = target.closest<HTMLElement>(CLICKABLE);
  if (!el || isGuardNode(el)) return null;
  if ((el as HTMLButtonElement).disabled || el.classList.contains('is-disabled') || el.getAttribute('aria-disabled') === 'true') return null;
  const t = actionText(el);
  if (!t || t.length > 12) return null;
  const hit = ACTION_TEXTS.find((a) => a.pattern.test(t));
  if (!hit) return null;
  if (hit.kind === 'confirm') {
    const dialog = closestDialog(el);
    if (dialog) {
      const title = dialogTitle(dialog);
      const body = compactText(text(dialog)).slice(0, 300);
      if (DATA_ENTRY_DIALOG.test(title) || /删除|移除|退出/.test(body)) return null;
      if (!SUBMIT_DIALOG.test(title + body)) return null;
    }
  }
  return { el, kind: hit.kind, text: t };
}

/** Every step action on the page now with this text (to find a button again after a re-render). */
export function actionsWithText(doc: Document, textWanted: string): HTMLElement[] {
  return [...doc.querySelectorAll<HTMLElement>(CLICKABLE)].filter((el) => !isGuardNode(el) && actionText(el) === textWanted && findAction(el));
}
