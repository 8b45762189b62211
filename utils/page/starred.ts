/**
 * Is a field marked required (a star)? Any of: a required class on the item or label (Element `.is-required`),
 * a CSS ::before / ::after star, a literal * or ＊ in or next to the label, `required` / `aria-required`.
 */
import { REQUIRED_CLASSES } from '@/utils/autofill/libraries';
import { winOf } from './dom';
import type { StarRule } from './types';

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

/** Which rule finds a star on this field (null = not starred). The rule is kept as evidence for reports. */
export function starRule({ container, labelElement, labelText, controls }: StarInput): StarRule {
  if (hasRequiredClass(container) || hasRequiredClass(labelElement)) return 'required-class';
  if (STAR.test(labelText)) return 'label-star';
  if (labelElement) {
    if (STAR.test(labelElement.textContent ?? '')) return 'label-star';
    if (isStarElement(labelElement.previousElementSibling) || isStarElement(labelElement.nextElementSibling)) return 'star-element';
    // a star drawn on a child (<label><span class="star"></span>姓名</label>)
    for (const child of Array.from(labelElement.children)) if (hasRequiredClass(child)) return 'required-class';
    if (pseudoStar(labelElement)) return 'pseudo-star';
    for (const child of Array.from(labelElement.children)) if (pseudoStar(child)) return 'pseudo-star';
  }
  for (const c of controls) {
    if ((c as HTMLInputElement).required || c.getAttribute('aria-required') === 'true') return 'required-attr';
  }
  // last: computed styles are the costly check
  if (container && pseudoStar(container)) return 'pseudo-star';
  return null;
}

export function isStarred(input: StarInput): boolean {
  return starRule(input) !== null;
}
