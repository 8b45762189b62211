/** Show which fields the helper filled: a green outline, removable (the previous inline outline is restored). */
import type { CollectedField } from './types';

const MARK = 'data-zwdt-autofilled';
const PREV = 'data-zwdt-prev-outline';
export const OUTLINE_CLASS = 'zwdt-autofilled';

export function outlineTarget(field: CollectedField): HTMLElement {
  if ((field.kind === 'text' || field.kind === 'date') && field.inputs[0]) return field.inputs[0] as HTMLElement;
  if (field.kind === 'custom-select') return (field.element.querySelector('.el-select__wrapper, .el-input__inner, .ant-select-selector') as HTMLElement | null) ?? field.element;
  return field.element;
}

export function outlineField(field: CollectedField): void {
  const el = outlineTarget(field);
  if (el.hasAttribute(MARK)) return;
  el.setAttribute(PREV, `${el.style.outline}|${el.style.outlineOffset}`);
  el.setAttribute(MARK, '1');
  el.classList.add(OUTLINE_CLASS);
  el.style.outline = '2px solid #2e7d32';
  el.style.outlineOffset = '1px';
}

export function clearOutlines(root: Document | Element | ShadowRoot): number {
  const marked = Array.from(root.querySelectorAll(`[${MARK}]`)) as HTMLElement[];
  for (const el of marked) {
    const [outline = '', offset = ''] = (el.getAttribute(PREV) ?? '|').split('|');
    el.style.outline = outline;
    el.style.outlineOffset = offset;
    el.classList.remove(OUTLINE_CLASS);
    el.removeAttribute(MARK);
    el.removeAttribute(PREV);
  }
  return marked.length;
}
