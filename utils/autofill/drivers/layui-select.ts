/**
 * layui 2 selects (`.layui-form-select`, drawn after a hidden native <select>; `lay-search` gives the title a
 * typing box): open the title as a person does, click the `dd[lay-value]` whose text is wanted, read back the
 * title text (seen) and the hidden <select> (kept, what the form submits). The typing box is not used: every
 * option is in the list, and typing would only filter it.
 */
import { LAYUI } from '../libraries';
import { chooseOption } from '@/utils/page/text';
import { isVisible, textOf, microtask } from '@/utils/page/dom';
import { selectedOptionText } from '@/utils/page/value';
import { layuiNativeSelect } from '../widget-families';
import { userClick } from './events';
import { waitFor } from './popup';
import { judge, type Views } from './both-views';
import { fail, valueText, type Driver } from './types';
import type { FillValue } from '../types';

export function choiceCandidates(value: FillValue): string[] {
  return value.type === 'choice' ? value.candidates : value.type === 'path' ? value.levels.flatMap((l) => l.candidates) : [valueText(value)];
}

/** The option list of a layui select: inside the skin, or a panel layui moved to <body> (`lay-append-to`). */
function optionList(skin: Element): Element | null {
  const inner = skin.querySelector(`:scope > ${LAYUI.select.panel}`);
  if (inner) return inner;
  const doc = skin.ownerDocument;
  const wraps = Array.from(doc.querySelectorAll(LAYUI.select.panelWrap)).filter((w) => isVisible(w));
  return wraps[wraps.length - 1]?.querySelector(LAYUI.select.panel) ?? null;
}

export function layuiSelectViews(skin: Element): Views {
  const input = skin.querySelector(LAYUI.select.input) as HTMLInputElement | null;
  const native = layuiNativeSelect(skin);
  return { seen: (input?.value ?? '').trim(), kept: native ? selectedOptionText(native) : null };
}

export const layuiSelectDriver: Driver = {
  async fill(field, value, env) {
    const skin = field.element;
    const native = layuiNativeSelect(skin);
    if (!native) return fail(layuiSelectViews(skin).seen, 'no native select under the layui skin');
    if (skin.classList.contains(LAYUI.select.disabledClass) || native.disabled) return fail(layuiSelectViews(skin).seen, 'disabled');
    const candidates = choiceCandidates(value);
    const title = skin.querySelector(LAYUI.select.title);
    if (!title) return fail('', 'no layui select title');
    userClick(title, ['mousedown', 'mouseup', 'click']);
    const list = await waitFor(() => {
      const l = optionList(skin);
      return l && isVisible(l) && l.querySelector(LAYUI.select.option) ? l : null;
    }, env);
    if (!list) return fail(layuiSelectViews(skin).seen, 'the list did not open');
    const items = Array.from(list.querySelectorAll(LAYUI.select.option)).filter((d) => !d.matches(LAYUI.select.placeholderOption) && !d.matches(LAYUI.select.hiddenOption));
    const i = chooseOption(
      items.map((d) => textOf(d)),
      candidates,
    );
    if (i < 0) {
      // close it again as a person would: the title toggles the list
      if (skin.classList.contains(LAYUI.select.openClass)) userClick(title, ['mousedown', 'mouseup', 'click']);
      return fail(layuiSelectViews(skin).seen, `no option for ${candidates[0] ?? ''}`);
    }
    const item = items[i]!;
    const wanted = textOf(item);
    userClick(item, ['mousedown', 'mouseup', 'click']);
    await microtask();
    const views = await waitFor(() => {
      const v = layuiSelectViews(skin);
      return judge(v, wanted).ok ? v : null;
    }, env, 300);
    return judge(views ?? layuiSelectViews(skin), wanted);
  },
};
