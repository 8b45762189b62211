/**
 * layui 2 radios: each hidden `<input type=radio title=…>` is followed by the skin a person clicks
 * (`.layui-form-radio`). Click the skin of the wanted option, then read back the skin (`layui-form-radioed`,
 * seen) and the native radio (checked, what the form submits).
 */
import { LAYUI } from '../libraries';
import { chooseOption } from '@/utils/page/text';
import { microtask } from '@/utils/page/dom';
import { layuiOptionText, layuiSkinOf } from '../widget-families';
import { userClick } from './events';
import { hasAnyClass, judge, type Views } from './both-views';
import { fail, valueText, type Driver } from './types';

export function layuiRadioViews(radios: HTMLInputElement[]): Views {
  const seenSkin = radios.find((r) => hasAnyClass(layuiSkinOf(r), LAYUI.radio.checkedClass));
  const kept = radios.find((r) => r.checked);
  return { seen: seenSkin ? layuiOptionText(seenSkin) : '', kept: kept ? layuiOptionText(kept) : '' };
}

export const layuiRadioDriver: Driver = {
  async fill(field, value) {
    const radios = (field.inputs as HTMLInputElement[]).filter((r) => layuiSkinOf(r));
    if (!radios.length) return fail('', 'no layui radio skins');
    const texts = radios.map(layuiOptionText);
    const candidates = value.type === 'choice' ? value.candidates : [valueText(value)];
    const i = chooseOption(texts, candidates);
    if (i < 0) return fail(layuiRadioViews(radios).seen, `no option for ${candidates[0] ?? ''}`);
    const radio = radios[i]!;
    const skin = layuiSkinOf(radio)!;
    if (radio.disabled || skin.classList.contains(LAYUI.radio.disabledClass)) return fail(layuiRadioViews(radios).seen, 'disabled');
    if (!(radio.checked && skin.classList.contains(LAYUI.radio.checkedClass))) {
      userClick(skin, ['mousedown', 'mouseup', 'click']);
      await microtask();
    }
    return judge(layuiRadioViews(radios), texts[i]!, (a, b) => a === b);
  },
};
