/**
 * Read what a field shows now, as a person reads it ('' = empty). The page model's reading and every read-back
 * after a fill use it: a select counts as filled when it SHOWS a label (its display, its visible input, the
 * selected option of a native select inside) — a stored code in a hidden input is not what a person reads.
 *
 * Skins (issue 15): where a library draws a skin over a native control the page submits (layui's select title
 * over a hidden <select>, radio skins over radios), both must show the value: a choice only the skin shows, or
 * only the hidden control holds, is not filled.
 */
import { SELECTS, CASCADERS, CHECKED_SKIN_SELECTOR } from '@/utils/autofill/libraries';
import { isSkinPart, radioSkinOf } from '@/utils/autofill/widget-families';
import { isVisible, ownText, textOf } from './dom';
import { normalizeOption } from './text';
import type { CollectedField, WidgetKind } from './types';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export function radioOptionText(radio: HTMLInputElement): string {
  // a skin drawn beside the radio (layui): its text is what a person reads
  const skin = radioSkinOf(radio);
  if (skin && !skin.skin.contains(radio)) {
    const t = textOf(skin.skin);
    if (t) return t;
  }
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
      const radios = inputs as HTMLInputElement[];
      // a library's skins (layui, Ant, iView, Element): the radio checked AND its skin showing it chosen
      if (radios.some((r) => radioSkinOf(r))) {
        const both = radios.find((r) => r.checked && radioSkinOf(r)?.checked);
        return both ? radioOptionText(both) : '';
      }
      // unknown markup: the checked input, else the option whose skin shows as chosen (a person sees the skin)
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
      // a skin over a hidden native <select> (layui): what the skin shows and what the select holds must agree
      const hidden = inputs.find((i) => i.tagName === 'SELECT' && isSkinPart(i)) as HTMLSelectElement | undefined;
      if (hidden && kind === 'custom-select') {
        const seen = shownChoice(element, kind, inputs.filter((i) => i !== hidden), expected);
        const kept = selectedOptionText(hidden);
        return seen && kept && sameOption(seen, kept) ? seen : '';
      }
      return shownChoice(element, kind, inputs, expected);
    }
  }
}

/** The same option text, or one containing the other (a list may add a remark: "汇丰银行（中国）"). */
function sameOption(a: string, b: string): boolean {
  const x = normalizeOption(a);
  const y = normalizeOption(b);
  return x === y || x.includes(y) || y.includes(x);
}

/** What a select / cascader shows a person. */
function shownChoice(element: HTMLElement, kind: 'custom-select' | 'cascader', inputs: Control[], expected?: string): string {
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

export function readField(field: Pick<CollectedField, 'kind' | 'element' | 'inputs'>, expected?: string): string {
  return readValue(field.kind, field.element, field.inputs, expected);
}
