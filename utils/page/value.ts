/**
 * Read what a field shows now, as a person reads it ('' = empty). The page model's reading and every read-back
 * after a fill use it: a select counts as filled when it SHOWS a label (its display, its visible input, the
 * selected option of a native select inside) — a stored code in a hidden input is not what a person reads.
 */
import { SELECTS, CASCADERS, CHECKED_SKIN_SELECTOR } from '@/utils/autofill/libraries';
import { isVisible, ownText, textOf } from './dom';
import type { CollectedField, WidgetKind } from './types';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export function radioOptionText(radio: HTMLInputElement): string {
  const label = radio.closest('label');
  if (label) {
    const t = ownText(label);
    if (t) return t;
  }
  if (radio.id) {
    const doc = radio.ownerDocument;
    for (const l of Array.from(doc.querySelectorAll('label'))) if ((l as HTMLLabelElement).htmlFor === radio.id) return ownText(l);
  }
  // <input type=radio> 本人办理
  let t = '';
  for (let n = radio.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).matches('input, br')) break;
    t += n.textContent ?? '';
    if (t.trim()) break;
  }
  return t.trim() || radio.value;
}

/** The option's skin (its label / wrapper) shows it as chosen. */
function skinChecked(radio: HTMLInputElement): boolean {
  const skin = radio.closest('label, [role="radio"], .el-radio, .ant-radio-wrapper, .ivu-radio-wrapper');
  return !!skin && (skin.matches(CHECKED_SKIN_SELECTOR) || !!skin.querySelector(CHECKED_SKIN_SELECTOR));
}

export function selectedOptionText(sel: HTMLSelectElement): string {
  const opt = sel.options[sel.selectedIndex];
  if (!opt || opt.value === '' || opt.disabled) return '';
  return textOf(opt);
}

/**
 * @param expected what the helper just chose: a filterable Element select shows its choice as the input's
 *   placeholder once closed; that placeholder is accepted only when it is exactly the expected text.
 */
export function readValue(kind: WidgetKind, element: HTMLElement, inputs: Control[], expected?: string): string {
  switch (kind) {
    case 'text':
    case 'date':
      return (inputs[0]?.value ?? '').trim();
    case 'daterange': {
      const a = (inputs[0]?.value ?? '').trim();
      const b = (inputs[1]?.value ?? '').trim();
      return a || b ? `${a} 至 ${b}` : '';
    }
    case 'native-select':
      return selectedOptionText(inputs[0] as HTMLSelectElement);
    case 'radio-group': {
      // the checked input, else the option whose skin shows as chosen (a person sees the skin)
      const radios = inputs as HTMLInputElement[];
      const checked = radios.find((r) => r.checked) ?? radios.find((r) => skinChecked(r));
      return checked ? radioOptionText(checked) : '';
    }
    case 'checkbox': {
      const on = !!(inputs[0] as HTMLInputElement | undefined)?.checked;
      // a yes/no question (是否委托…) answered by the helper: 否 is an answer too
      if (expected === '是' || expected === '否') return on ? '是' : '否';
      return on ? 'on' : '';
    }
    case 'custom-select':
    case 'cascader': {
      // 1. the library's own display of the choice (Element Plus / Ant / iView …)
      for (const def of kind === 'custom-select' ? SELECTS : CASCADERS) {
        if (!def.display || !element.matches(def.root)) continue;
        // the first display part with text (Element Plus puts an empty input wrapper before the chosen label)
        for (const shown of Array.from(element.querySelectorAll(def.display))) {
          const t = textOf(shown);
          if (t) return t;
        }
      }
      // 2. a visible input showing the chosen label (Element UI, cascader "上海市 / 市辖区 / 松江区")
      const typed = inputs.filter((i) => i.tagName === 'INPUT' && i.value.trim());
      const shownInput = typed.find((i) => isVisible(i));
      if (shownInput) return shownInput.value.trim();
      // 3. a native <select> inside a skin: its selected option's label, not its stored value
      const sel = inputs.find((i) => i.tagName === 'SELECT') as HTMLSelectElement | undefined;
      const selText = sel ? selectedOptionText(sel) : '';
      if (selText) return selText;
      // 4. a filterable select shows its choice as the input's placeholder once closed: only the expected text
      if (expected) {
        const ph = inputs.find((i) => i.tagName === 'INPUT')?.getAttribute('placeholder')?.trim();
        if (ph && ph === expected.trim()) return ph;
      }
      // 5. only a value nobody sees (a hidden input of the widget): still a value
      return typed[0]?.value.trim() ?? '';
    }
  }
}

export function readField(field: Pick<CollectedField, 'kind' | 'element' | 'inputs'>, expected?: string): string {
  return readValue(field.kind, field.element, field.inputs, expected);
}
