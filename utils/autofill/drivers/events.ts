/**
 * The events a user's hands produce, dispatched on page elements. Constructors come from the element's own
 * window (same-origin frames), never from page globals; the isolated world shares the DOM, not JS objects.
 */
import { winOf } from '../dom';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export function fire(el: Element, type: string, init: EventInit = {}): void {
  el.dispatchEvent(new (winOf(el).Event)(type, { bubbles: true, cancelable: true, composed: true, ...init }));
}

export function fireMouse(el: Element, type: string): void {
  const win = winOf(el);
  const r = el.getBoundingClientRect();
  const init: MouseEventInit = {
    bubbles: true,
    cancelable: true,
    composed: true,
    view: win,
    button: 0,
    buttons: type.endsWith('down') ? 1 : 0,
    clientX: r.left + r.width / 2,
    clientY: r.top + r.height / 2,
  };
  const Ctor = type.startsWith('pointer') && typeof win.PointerEvent === 'function' ? win.PointerEvent : win.MouseEvent;
  el.dispatchEvent(new Ctor(type, type.startsWith('pointer') ? { ...init, pointerId: 1, pointerType: 'mouse', isPrimary: true } : init));
}

/** mousedown / mouseup / click as a user's click (plus pointer events). */
export function userClick(el: Element, events: string[] = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']): void {
  for (const t of events) {
    if (t === 'click') (el as HTMLElement).click();
    else fireMouse(el, t);
  }
}

export function fireKey(el: Element, type: 'keydown' | 'keyup' | 'keypress', key: string): void {
  const codes: Record<string, number> = { Enter: 13, Escape: 27, Tab: 9 };
  const win = winOf(el);
  // keyCode / which in the init dictionary are honoured by Chromium (legacy handlers read them)
  const init = { bubbles: true, cancelable: true, composed: true, key, code: key, keyCode: codes[key] ?? 0, which: codes[key] ?? 0 } as KeyboardEventInit;
  el.dispatchEvent(new win.KeyboardEvent(type, init));
}

export function fireInput(el: Element, data: string): void {
  const win = winOf(el);
  const Ctor = typeof win.InputEvent === 'function' ? win.InputEvent : win.Event;
  el.dispatchEvent(new Ctor('input', { bubbles: true, cancelable: false, composed: true, inputType: 'insertText', data } as InputEventInit));
}

/** Set `value` through the prototype's setter, so frameworks that track the value property see a change. */
export function setNativeValue(el: Control, value: string): void {
  const win = winOf(el);
  const proto = el.tagName === 'TEXTAREA' ? win.HTMLTextAreaElement.prototype : el.tagName === 'SELECT' ? win.HTMLSelectElement.prototype : win.HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
}

export function focus(el: HTMLElement): void {
  try {
    el.focus({ preventScroll: true });
  } catch {
    /* detached */
  }
  if (el.ownerDocument.activeElement !== el) {
    const win = winOf(el);
    el.dispatchEvent(new win.FocusEvent('focus', { bubbles: false }));
    el.dispatchEvent(new win.FocusEvent('focusin', { bubbles: true, composed: true }));
  }
}

export function blur(el: HTMLElement): void {
  if (el.ownerDocument.activeElement === el) el.blur();
  else {
    const win = winOf(el);
    el.dispatchEvent(new win.FocusEvent('blur', { bubbles: false }));
    el.dispatchEvent(new win.FocusEvent('focusout', { bubbles: true, composed: true }));
  }
}

/**
 * Enter for the widget around `el` only: the key events are stopped at `root` (the widget's own
 * element), so the page's form and document never see an Enter — a page that submits on Enter must
 * not submit because a value was filled. Only for widgets that commit nothing without it.
 */
export function pressEnterWithin(el: Element, root: Element): void {
  const stop = (e: Event) => e.stopPropagation();
  const types = ['keydown', 'keypress', 'keyup'] as const;
  for (const t of types) root.addEventListener(t, stop);
  try {
    fireKey(el, 'keydown', 'Enter');
    fireKey(el, 'keyup', 'Enter');
  } finally {
    for (const t of types) root.removeEventListener(t, stop);
  }
}

/** What a user's typing fires: focus → (value) → input → compositionend → change → blur. Never Enter. */
export function typeInto(el: HTMLInputElement | HTMLTextAreaElement, value: string, opts: { blur?: boolean } = {}): void {
  focus(el);
  fireKey(el, 'keydown', value.slice(-1) || 'Unidentified');
  setNativeValue(el, value);
  fireInput(el, value);
  el.dispatchEvent(new (winOf(el).CompositionEvent ?? winOf(el).Event)('compositionend', { bubbles: true, data: value } as CompositionEventInit));
  fireKey(el, 'keyup', value.slice(-1) || 'Unidentified');
  fire(el, 'change');
  if (opts.blur ?? true) blur(el);
}
