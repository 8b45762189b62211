/**
 * Component selects (Element UI / Element Plus `el-select`, Ant, iView): press the select like a user, find the
 * dropdown it opened (moved to <body>), click the item whose text a person would pick, read the choice back.
 */
import { SELECTS, type DropdownDef } from '../libraries';
import { chooseOption } from '@/utils/page/text';
import { isVisible, textOf, microtask } from '@/utils/page/dom';
import { readField } from '@/utils/page/value';
import { fireKey, userClick } from './events';
import { pickPopup, visiblePopups, waitFor } from './popup';
import { fail, sameText, valueText, type Driver } from './types';

export function selectDef(root: Element): DropdownDef | null {
  for (const def of SELECTS) if (root.matches(def.root) && (!def.trigger || root.querySelector(def.trigger))) return def;
  return null;
}

/**
 * Where a user's finger lands: the visible input inside the trigger (events bubble to every handler above it,
 * whichever element a library version listens on), else the trigger itself.
 */
export function pressTarget(root: Element, triggerSelector: string): Element {
  const trigger = (triggerSelector && root.querySelector(triggerSelector)) || root;
  const input = trigger.querySelector('input');
  return input && isVisible(input) ? input : trigger;
}

/** A popup playing its closing animation (Vue `*-leave-active`, Ant `*-leave`) is already closing. */
const closing = (popup: Element) => Array.from(popup.classList).some((c) => /-leave(-active|-to)?$/.test(c));

function close(root: Element, def: DropdownDef, popup: Element | null): void {
  if (!popup || !isVisible(popup) || closing(popup)) return;
  const input = root.querySelector('input');
  if (input) fireKey(input, 'keydown', 'Escape');
  // Pressing the trigger toggles: only when the list is neither hidden nor on its way out.
  if (isVisible(popup) && !closing(popup)) {
    userClick(pressTarget(root, def.trigger), def.openEvents);
  }
}

export const selectDriver: Driver = {
  async fill(field, value, env) {
    const root = field.element;
    const def = selectDef(root);
    if (!def) return fail(readField(field), 'unknown select widget');
    const candidates = value.type === 'choice' ? value.candidates : value.type === 'path' ? value.levels.flatMap((l) => l.candidates) : [valueText(value)];
    const doc = root.ownerDocument;
    const before = new Set(visiblePopups(doc, def.dropdown));
    userClick(pressTarget(root, def.trigger), def.openEvents);
    const opened = Date.now();
    const popup = await waitFor(() => {
      const p = pickPopup(root, def.dropdown, before, Date.now() - opened > 400);
      return p && p.querySelector(def.item) ? p : null;
    }, env);
    if (!popup) return fail(readField(field), 'the list did not open');
    const items = Array.from(popup.querySelectorAll(def.item)).filter((it) => !it.matches(def.disabledItem) && isVisible(it));
    const i = chooseOption(
      items.map((it) => textOf(it)),
      candidates,
    );
    if (i < 0) {
      close(root, def, popup);
      return fail(readField(field), `no option for ${candidates[0] ?? ''}`);
    }
    const item = items[i]!;
    const wanted = textOf(item);
    item.dispatchEvent(new (doc.defaultView ?? window).MouseEvent('mouseenter', { bubbles: false }));
    userClick(item, ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']);
    // Vue renders the choice on its next tick
    let back = '';
    const got = await waitFor(() => {
      back = readField(field, wanted);
      return sameText(back, wanted) || back.includes(wanted) ? back : null;
    }, env);
    close(root, def, popup);
    await microtask();
    return got ? { ok: true, value: back } : fail(back, 'the page did not take the choice');
  },
};
