/**
 * Ant Design Vue and View UI radio groups: each option is a `<label>` wrapper (the skin) around a native
 * radio. Click the wrapper of the wanted option, then read back the wrapper's checked class (seen) and the
 * native radio's `checked` (kept). The option text is the wrapper's own text.
 */
import { ANT, IVIEW } from '../libraries';
import { chooseOption } from '@/utils/page/text';
import { microtask, ownText } from '@/utils/page/dom';
import { userClick } from './events';
import { waitFor } from './popup';
import { hasAnyClass, judge, type Views } from './both-views';
import { fail, valueText, type Driver } from './types';

interface RadioSkin {
  wrapper: string;
  checkedClass: readonly string[];
}

function makeRadioDriver(skin: RadioSkin): Driver & { views(radios: HTMLInputElement[]): Views } {
  const wrapperOf = (r: HTMLInputElement) => r.closest(skin.wrapper);
  const textOf = (r: HTMLInputElement) => {
    const w = wrapperOf(r);
    return (w && ownText(w)) || r.value;
  };
  const views = (radios: HTMLInputElement[]): Views => {
    const seen = radios.find((r) => hasAnyClass(wrapperOf(r), skin.checkedClass));
    const kept = radios.find((r) => r.checked);
    return { seen: seen ? textOf(seen) : '', kept: kept ? textOf(kept) : '' };
  };
  return {
    views,
    async fill(field, value, env) {
      const radios = (field.inputs as HTMLInputElement[]).filter((r) => wrapperOf(r));
      if (!radios.length) return fail('', 'no radio skins');
      const texts = radios.map(textOf);
      const candidates = value.type === 'choice' ? value.candidates : [valueText(value)];
      const i = chooseOption(texts, candidates);
      if (i < 0) return fail(views(radios).seen, `no option for ${candidates[0] ?? ''}`);
      const radio = radios[i]!;
      if (radio.disabled) return fail(views(radios).seen, 'disabled');
      const wrapper = wrapperOf(radio)!;
      if (!(radio.checked && hasAnyClass(wrapper, skin.checkedClass))) {
        userClick(wrapper, ['mousedown', 'mouseup', 'click']);
        await microtask();
      }
      // Vue renders the checked skin on its next tick
      const same = (a: string, b: string) => a === b;
      await waitFor(() => (judge(views(radios), texts[i]!, same).ok ? true : null), env, 300);
      return judge(views(radios), texts[i]!, same);
    },
  };
}

export const antRadioDriver = makeRadioDriver(ANT.radio);
export const iviewRadioDriver = makeRadioDriver(IVIEW.radio);
