/**
 * Is a field marked required (a star)? Any of: a required class on the item or label (Element `.is-required`),
 * a CSS ::before / ::after star, a literal * or ＊ in or next to the label, `required` / `aria-required`.
 */
import { REQUIRED_CLASSES } from './libraries';
import { winOf } from './dom';

const STAR = /[*＊✱]/;

function hasRequiredClass(el: Element | null): boolean {
  if (!el) return false;
  return REQUIRED_CLASSES.some((c) => el.classList.contains(c));
}

/** A pseudo-element whose content is a star ('"*"'). Real browsers only: happy-dom does not compute pseudo content. */
export function pseudoStar(el: Element | null): boolean {
  if (!el) return false;
  const win = winOf(el);
  for (const pseudo of ['::before', '::after']) {
    try {
      const content = win.getComputedStyle(el, pseudo).content;
      if (content && content !== 'none' && content !== 'normal' && STAR.test(content)) return true;
    } catch {
      /* not supported */
    }
  }
  return false;
}

function isStarElement(el: Element | null): boolean {
  if (!el) return false;
  const t = (el.textContent ?? '').trim();
  return t.length > 0 && t.length <= 2 && STAR.test(t);
}

export interface StarInput {
  container: Element | null;
  labelElement: Element | null;
  labelText: string;
  controls: Element[];
}

export function isStarred({ container, labelElement, labelText, controls }: StarInput): boolean {
  if (hasRequiredClass(container) || hasRequiredClass(labelElement)) return true;
  if (STAR.test(labelText)) return true;
  if (labelElement) {
    if (STAR.test(labelElement.textContent ?? '')) return true;
    if (isStarElement(labelElement.previousElementSibling) || isStarElement(labelElement.nextElementSibling)) return true;
    if (pseudoStar(labelElement)) return true;
    // a star drawn on a child (<label><span class="star"></span>姓名</label>) or on the parent cell
    for (const child of Array.from(labelElement.children)) if (hasRequiredClass(child) || pseudoStar(child)) return true;
  }
  if (container && pseudoStar(container)) return true;
  for (const c of controls) {
    if ((c as HTMLInputElement).required || c.getAttribute('aria-required') === 'true') return true;
  }
  return false;
}
