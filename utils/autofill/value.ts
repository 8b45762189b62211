/** Read what a field shows now, as a user would read it ('' = empty). Used by collect and by the drivers' read-back. */
import { SELECTS, CASCADERS } from './libraries';
import { ownText, textOf } from './dom';
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
      const checked = (inputs as HTMLInputElement[]).find((r) => r.checked);
      return checked ? radioOptionText(checked) : '';
    }
    case 'checkbox': {
      const on = !!(inputs[0] as HTMLInputElement | undefined)?.checked;
      // a yes/no question (是否委托…) answered by the helper: 否 is an answer too
      if (expected === '是' || expected === '否') return on ? '是' : '否';
      return on ? 'on' : '';
    }
    case 'custom-select': {
      const v = inputs.find((i) => i.tagName === 'INPUT' && i.value)?.value?.trim();
      if (v) return v;
      for (const def of SELECTS) {
        if (!def.display || !element.matches(def.root)) continue;
        const shown = element.querySelector(def.display);
        if (shown) return textOf(shown);
      }
      if (expected) {
        const ph = inputs.find((i) => i.tagName === 'INPUT')?.getAttribute('placeholder')?.trim();
        if (ph && ph === expected.trim()) return ph;
      }
      return '';
    }
    case 'cascader': {
      const v = inputs.find((i) => i.tagName === 'INPUT' && i.value)?.value?.trim();
      if (v) return v;
      for (const def of CASCADERS) {
        if (!def.display || !element.matches(def.root)) continue;
        const shown = element.querySelector(def.display);
        if (shown) return textOf(shown);
      }
      return '';
    }
  }
}

export function readField(field: Pick<CollectedField, 'kind' | 'element' | 'inputs'>, expected?: string): string {
  return readValue(field.kind, field.element, field.inputs, expected);
}
