/**
 * Radio groups: native radios, Element `el-radio` (click its label), Ant / iView radios. The option is chosen by
 * its visible text; checkboxes are never ticked (consent boxes are the user's to tick).
 */
import { chooseOption } from '@/utils/page/text';
import { radioOptionText } from '@/utils/page/value';
import { microtask } from '@/utils/page/dom';
import { userClick } from './events';
import { fail, valueText, type Driver } from './types';

export const radioDriver: Driver = {
  async fill(field, value) {
    const radios = field.inputs as HTMLInputElement[];
    const texts = radios.map(radioOptionText);
    const candidates = value.type === 'choice' ? value.candidates : [valueText(value)];
    const i = chooseOption(texts, candidates);
    const current = () => {
      const c = radios.find((r) => r.checked);
      return c ? radioOptionText(c) : '';
    };
    if (i < 0) return fail(current(), `no option for ${candidates[0] ?? ''}`);
    const radio = radios[i]!;
    if (radio.checked) return { ok: true, value: texts[i]! };
    // a user clicks the visible label (Element hides the native input under it)
    const label =
      radio.closest('label') ?? (radio.id ? (Array.from(radio.ownerDocument.querySelectorAll('label[for]')) as HTMLLabelElement[]).find((l) => l.htmlFor === radio.id) : null) ?? null;
    userClick(label ?? radio, ['mousedown', 'mouseup', 'click']);
    // Vue settles the group's checked state on its next tick
    await microtask();
    if (!radio.checked) {
      userClick(radio, ['click']);
      await microtask();
    }
    return radio.checked ? { ok: true, value: texts[i]! } : fail(current(), 'the page did not take the choice');
  },
};
