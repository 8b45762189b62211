/**
 * Cascaders (Element `el-cascader` 省/市/区, Ant, iView): open, then at each level click the node whose text
 * matches the next wanted part (上海市 → 市辖区? → 松江区 …); optional levels are skipped when absent.
 */
import { CASCADERS, type CascaderDef } from '../libraries';
import { chooseOption } from '@/utils/page/text';
import { isVisible, textOf, microtask } from '@/utils/page/dom';
import { readField } from '@/utils/page/value';
import { fireKey, userClick } from './events';
import { pickPopup, visiblePopups, waitFor } from './popup';
import { pressTarget } from './select';
import { fail, type Driver } from './types';

function cascaderDef(root: Element): CascaderDef | null {
  return CASCADERS.find((d) => root.matches(d.root)) ?? null;
}

export const cascaderDriver: Driver = {
  async fill(field, value, env) {
    const root = field.element;
    const def = cascaderDef(root);
    if (!def) return fail(readField(field), 'unknown cascader');
    if (value.type !== 'path') return fail(readField(field), 'not a path');
    const doc = root.ownerDocument;
    const before = new Set(visiblePopups(doc, def.dropdown));
    userClick(pressTarget(root, def.trigger), ['mousedown', 'mouseup', 'click']);
    const opened = Date.now();
    const popup = await waitFor(() => {
      const p = pickPopup(root, def.dropdown, before, Date.now() - opened > 400);
      return p && p.querySelector(def.node) ? p : null;
    }, env);
    if (!popup) return fail(readField(field), 'the list did not open');
    const levels = value.levels;
    let want = 0;
    let chosen: string[] = [];
    for (let menuIdx = 0; want < levels.length; menuIdx++) {
      const menu = await waitFor(() => {
        const menus = Array.from(popup.querySelectorAll(def.menu)).filter((m) => isVisible(m));
        const m = menus[menuIdx];
        return m && m.querySelector(def.node) ? m : null;
      }, env, menuIdx === 0 ? env.timeoutMs : 800);
      if (!menu) break;
      const nodes = Array.from(menu.querySelectorAll(def.node));
      const texts = nodes.map((n) => textOf((def.nodeLabel && n.querySelector(def.nodeLabel)) || n));
      let hit = -1;
      while (want < levels.length) {
        hit = chooseOption(texts, levels[want]!.candidates);
        if (hit >= 0 || !levels[want]!.optional) break;
        want++;
      }
      if (hit < 0) break;
      chosen.push(texts[hit]!);
      const node = nodes[hit]!;
      userClick(node, ['mousedown', 'mouseup', 'click']);
      want++;
      await microtask();
      // a leaf closes the panel (or says it has no sub-menu): done
      const leaf = node.getAttribute('aria-haspopup') === 'false' || (node.getAttribute('aria-haspopup') !== 'true' && !node.querySelector(def.expandable));
      if (!isVisible(popup) || leaf) break;
    }
    let back = '';
    const got = await waitFor(() => {
      back = readField(field);
      const last = chosen[chosen.length - 1];
      return last && back.includes(last) ? back : null;
    }, env, 300);
    if (isVisible(popup)) {
      const input = root.querySelector('input');
      if (input) fireKey(input, 'keydown', 'Escape');
    }
    if (!got) return fail(back, chosen.length ? `stopped after ${chosen.join(' / ')}` : 'no matching option');
    chosen = [];
    return { ok: true, value: back };
  },
};
