/**
 * Which widget a page element is, by what the page shows (class names, structure), never by URL:
 * element → { kind, library, root, controls, skin parts }. Pure functions over the DOM, for the page model
 * (one field per widget) and for the family drivers.
 *
 * Skins: layui draws its selects, radios and checkboxes over hidden native controls — the hidden control
 * belongs to the skin and is never a field of its own; a layui `lay-search` title input is the select's own
 * typing box, never a separate (search) field.
 */
import { ANT, IVIEW, LAYUI, PAGE_SEARCH, RADIO_SKINS, WIDGETS, WIDGET_SELECTOR, FORM_ITEM_SELECTOR } from './libraries';
import { textOf } from '@/utils/page/dom';
import type { CollectedField, WidgetKind } from './types';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export interface WidgetParts {
  /** Where the widget shows its value to a person (layui select title input, Ant selection item …). */
  display: Element | null;
  /** The widget's own typing box (search / filter), part of the widget — not a field. */
  search: HTMLInputElement | null;
  /** One visible skin per option (layui radio skins, Ant / iView radio wrappers), in page order. */
  options: Element[];
}

export interface RecognisedWidget {
  kind: WidgetKind;
  /** The family selector that recognised it (kept by the page model as the field's hint). */
  selector: string;
  /** 'layui' | 'ant' | 'iview' | 'element' | 'element-plus' | 'native' … */
  library: string;
  /** The element a person handles (the skin / component root). */
  root: HTMLElement;
  /**
   * Native controls holding what the page submits: the hidden <select> of a layui select, the radios under
   * skins, iView's hidden value input, the picker's input. Empty for widgets whose value lives only in the
   * framework's model (Ant select / cascader).
   */
  controls: Control[];
  parts: WidgetParts;
}

const q = <T extends Element = Element>(root: ParentNode, sel: string) => root.querySelector(sel) as T | null;
const qa = <T extends Element = Element>(root: ParentNode, sel: string) => Array.from(root.querySelectorAll(sel)) as T[];

/** The native <select> a layui select skin was drawn for: layui puts the skin right after it. */
export function layuiNativeSelect(skin: Element): HTMLSelectElement | null {
  for (let p = skin.previousElementSibling; p; p = p.previousElementSibling) {
    if (p.tagName === 'SELECT') return p as HTMLSelectElement;
    if (p.matches(LAYUI.select.skin)) break;
  }
  return null;
}

/** The native radio / checkbox a layui skin was drawn for (the skin follows its input). */
export function layuiNativeOf(skin: Element): HTMLInputElement | null {
  const p = skin.previousElementSibling;
  return p && p.tagName === 'INPUT' ? (p as HTMLInputElement) : null;
}

/** The skin layui drew for a native control (select, radio, checkbox), if any. */
export function layuiSkinOf(control: Element): HTMLElement | null {
  const next = control.nextElementSibling;
  if (!next || !control.closest(LAYUI.form)) return null;
  if (control.tagName === 'SELECT') return next.matches(LAYUI.select.skin) ? (next as HTMLElement) : null;
  const type = (control.getAttribute('type') ?? '').toLowerCase();
  if (type === 'radio') return next.matches(LAYUI.radio.skin) ? (next as HTMLElement) : null;
  if (type === 'checkbox') return next.matches(LAYUI.checkbox.skin) ? (next as HTMLElement) : null;
  return null;
}

/**
 * True for a native control that belongs to a widget rather than being a field of its own: what a skin
 * stands in for (a layui hidden <select>, radio or checkbox) and a select's or cascader's own typing box
 * (layui `lay-search` title input, Ant `show-search` input, iView `filterable` input).
 */
export function isSkinPart(el: Element): boolean {
  if (layuiSkinOf(el)) return true;
  if (el.tagName !== 'INPUT') return false;
  return !!el.closest([LAYUI.select.skin, ANT.select.root, ANT.cascader.root, IVIEW.select.root, IVIEW.cascader.root].join(', '));
}

/**
 * The skin a person sees for a radio (layui's skin after it, Ant / iView / Element's wrapper around it), with
 * whether it shows the option chosen; null for a plain radio (what the browser draws is what a person sees).
 */
export function radioSkinOf(radio: Element): { skin: Element; checked: boolean; library: string } | null {
  for (const def of RADIO_SKINS) {
    const skin = def.sibling ? (radio.nextElementSibling?.matches(def.skin) ? radio.nextElementSibling : null) : radio.closest(def.skin);
    if (skin) return { skin, checked: def.checkedClass.some((c) => skin.classList.contains(c)), library: def.library };
  }
  return null;
}

/** Words of a search box (data: `PAGE_SEARCH.words`). */
function saysSearch(text: string | null | undefined): boolean {
  const t = (text ?? '').toLowerCase();
  return !!t && PAGE_SEARCH.words.some((w) => t.includes(w));
}

/**
 * A real page search (site search in the header, a search landmark): outside every form item, and in a
 * search region or saying "search" (type, placeholder, name, aria-label, the button right after it). Never
 * a part of a widget: a select's own typing box is the select's (`isSkinPart`).
 */
export function isPageSearch(el: Element): boolean {
  if (el.tagName !== 'INPUT' || isSkinPart(el) || recogniseWidget(el)) return false;
  if (el.closest(FORM_ITEM_SELECTOR)) return false;
  if (el.closest(PAGE_SEARCH.region)) return true;
  const input = el as HTMLInputElement;
  if ((input.getAttribute('type') ?? '').toLowerCase() === 'search') return true;
  if ([input.placeholder, input.name, input.id, input.getAttribute('aria-label'), input.title].some(saysSearch)) return true;
  const next = input.nextElementSibling;
  return !!next && (next.tagName === 'BUTTON' || (next as HTMLInputElement).type === 'submit' || next.matches('[class*="search"], [class*="btn"]')) && saysSearch(`${next.textContent ?? ''} ${(next as HTMLInputElement).value ?? ''} ${next.className}`);
}

/** All radios of a layui group: same name in the same form (layui groups them by name, as the browser does). */
function layuiRadioGroup(radio: HTMLInputElement): HTMLInputElement[] {
  const scope = radio.form ?? radio.closest(LAYUI.form) ?? radio.ownerDocument;
  const name = radio.name;
  if (!name) return [radio];
  return qa<HTMLInputElement>(scope, 'input[type="radio"]').filter((r) => r.name === name && layuiSkinOf(r));
}

/** The layui option text: the skin's own text (what a person reads), else the radio's `title`. */
export function layuiOptionText(radio: HTMLInputElement): string {
  const skin = layuiSkinOf(radio);
  return (skin && textOf(skin)) || radio.title || radio.value;
}

function recogniseLayui(el: Element): RecognisedWidget | null {
  if (!el.closest(LAYUI.form)) return null;
  // a select: the skin, its title input, its option list, or the hidden <select>
  const selSkin = (el.tagName === 'SELECT' ? layuiSkinOf(el) : el.closest(LAYUI.select.skin)) as HTMLElement | null;
  if (selSkin) {
    const native = layuiNativeSelect(selSkin);
    return {
      kind: 'custom-select',
      selector: LAYUI.select.skin,
      library: 'layui',
      root: selSkin,
      controls: native ? [native] : [],
      parts: { display: q(selSkin, LAYUI.select.input), search: native?.hasAttribute('lay-search') ? q<HTMLInputElement>(selSkin, LAYUI.select.input) : null, options: [] },
    };
  }
  // a radio: its skin or the hidden radio
  const radioSkin = el.closest(LAYUI.radio.skin);
  const radio = radioSkin ? layuiNativeOf(radioSkin) : el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'radio' && layuiSkinOf(el) ? (el as HTMLInputElement) : null;
  if (radio) {
    const radios = layuiRadioGroup(radio);
    const skins = radios.map((r) => layuiSkinOf(r)!);
    const root = commonParent(skins) ?? (radio.parentElement as HTMLElement);
    return { kind: 'radio-group', selector: LAYUI.radio.skin, library: 'layui', root, controls: radios, parts: { display: null, search: null, options: skins } };
  }
  const boxSkin = el.closest(LAYUI.checkbox.skin);
  const box = boxSkin ? layuiNativeOf(boxSkin) : el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'checkbox' && layuiSkinOf(el) ? (el as HTMLInputElement) : null;
  if (box) {
    const skin = layuiSkinOf(box)!;
    return { kind: 'checkbox', selector: LAYUI.checkbox.skin, library: 'layui', root: skin, controls: [box], parts: { display: skin, search: null, options: [skin] } };
  }
  if (el.tagName === 'INPUT' && el.matches(LAYUI.laydate.input)) {
    return { kind: 'date', selector: LAYUI.laydate.input, library: 'layui', root: el as HTMLElement, controls: [el as HTMLInputElement], parts: { display: el, search: null, options: [] } };
  }
  return null;
}

function commonParent(els: Element[]): HTMLElement | null {
  if (!els.length) return null;
  let cur: Element | null = els[0]!.parentElement;
  while (cur && !els.every((e) => cur!.contains(e))) cur = cur.parentElement;
  return cur as HTMLElement | null;
}

function recogniseAnt(el: Element): RecognisedWidget | null {
  const cascader = el.closest(ANT.cascader.root) as HTMLElement | null;
  if (cascader) {
    return { kind: 'cascader', selector: ANT.cascader.root, library: 'ant', root: cascader, controls: [], parts: { display: q(cascader, ANT.cascader.display), search: q<HTMLInputElement>(cascader, ANT.select.search), options: [] } };
  }
  const select = el.closest(ANT.select.root) as HTMLElement | null;
  if (select) {
    const search = q<HTMLInputElement>(select, ANT.select.search);
    // the search input is readonly unless the select lets you type (show-search)
    return { kind: 'custom-select', selector: ANT.select.root, library: 'ant', root: select, controls: [], parts: { display: q(select, ANT.select.item), search: search && !search.readOnly ? search : null, options: [] } };
  }
  const picker = el.closest(ANT.date.root) as HTMLElement | null;
  if (picker) {
    const input = q<HTMLInputElement>(picker, ANT.date.input);
    return { kind: 'date', selector: ANT.date.root, library: 'ant', root: picker, controls: input ? [input] : [], parts: { display: input, search: null, options: [] } };
  }
  const group = el.closest(ANT.radio.group) as HTMLElement | null;
  if (group) {
    const wrappers = qa(group, ANT.radio.wrapper);
    return { kind: 'radio-group', selector: ANT.radio.group, library: 'ant', root: group, controls: qa<HTMLInputElement>(group, 'input[type="radio"]'), parts: { display: null, search: null, options: wrappers } };
  }
  return null;
}

function recogniseIview(el: Element): RecognisedWidget | null {
  const cascader = el.closest(IVIEW.cascader.root) as HTMLElement | null;
  if (cascader) {
    const hidden = q<HTMLInputElement>(cascader, IVIEW.cascader.hidden);
    return { kind: 'cascader', selector: IVIEW.cascader.root, library: 'iview', root: cascader, controls: hidden ? [hidden] : [], parts: { display: q(cascader, IVIEW.cascader.input), search: null, options: [] } };
  }
  const picker = el.closest(IVIEW.date.root) as HTMLElement | null;
  if (picker) {
    const input = q<HTMLInputElement>(picker, IVIEW.date.input);
    return { kind: 'date', selector: IVIEW.date.root, library: 'iview', root: picker, controls: input ? [input] : [], parts: { display: input, search: null, options: [] } };
  }
  const select = el.closest(IVIEW.select.root) as HTMLElement | null;
  if (select) {
    const hidden = q<HTMLInputElement>(select, IVIEW.select.hidden);
    const filter = q<HTMLInputElement>(select, IVIEW.select.filterInput);
    return { kind: 'custom-select', selector: IVIEW.select.root, library: 'iview', root: select, controls: hidden ? [hidden] : [], parts: { display: filter ?? q(select, IVIEW.select.shown), search: filter, options: [] } };
  }
  const group = el.closest(IVIEW.radio.group) as HTMLElement | null;
  if (group) {
    return { kind: 'radio-group', selector: IVIEW.radio.group, library: 'iview', root: group, controls: qa<HTMLInputElement>(group, 'input[type="radio"]'), parts: { display: null, search: null, options: qa(group, IVIEW.radio.wrapper) } };
  }
  return null;
}

/**
 * What widget `el` (any part of it: skin, hidden control, inner input, option) belongs to, or null for a
 * plain control / non-widget. Skinned families first (their hidden controls would otherwise look native).
 */
export function recogniseWidget(el: Element): RecognisedWidget | null {
  const hit = recogniseLayui(el) ?? recogniseAnt(el) ?? recogniseIview(el);
  if (hit) return hit;
  // the other libraries in WIDGETS (Element …): the nearest component root, kind and library from the data
  const root = el.closest(WIDGET_SELECTOR) as HTMLElement | null;
  const def = root ? WIDGETS.find((w) => root.matches(w.selector)) : undefined;
  if (!root || !def) return null;
  return { kind: def.kind, selector: def.selector, library: def.library, root, controls: qa<Control>(root, 'input:not([type="hidden"]), select, textarea'), parts: { display: null, search: null, options: [] } };
}

/** Every widget of the families above in `root`, once each, in page order (for tests, the bench, the page model). */
export function findWidgets(root: ParentNode): RecognisedWidget[] {
  const seen = new Set<Element>();
  const out: RecognisedWidget[] = [];
  const probes = qa(
    root,
    [LAYUI.select.skin, LAYUI.radio.skin, LAYUI.checkbox.skin, LAYUI.laydate.input, ANT.select.root, ANT.cascader.root, ANT.date.root, ANT.radio.group, IVIEW.select.root, IVIEW.cascader.root, IVIEW.date.root, IVIEW.radio.group].join(', '),
  );
  for (const p of probes) {
    const w = recogniseWidget(p);
    if (!w || seen.has(w.root)) continue;
    // a select inside a cascader / picker belongs to the outer widget
    if (w.root !== p && !p.contains(w.root) && out.some((o) => o.root.contains(p))) continue;
    seen.add(w.root);
    out.push(w);
  }
  return out;
}

/**
 * A minimal field for the drivers from a recognised widget (label etc. left to the page model). `inputs`
 * follows collect's convention: the radios of a group, the input(s) a picker / select shows.
 */
export function widgetField(w: RecognisedWidget, extra: Partial<CollectedField> = {}): CollectedField {
  const inputs: Control[] =
    w.kind === 'radio-group' || w.kind === 'checkbox'
      ? w.controls
      : w.kind === 'date'
        ? w.controls
        : (qa<Control>(w.root, 'input:not([type="hidden"])') as Control[]);
  return {
    index: 0,
    kind: w.kind,
    element: w.root,
    inputs,
    container: null,
    label: '',
    evidence: [],
    section: '',
    starred: false,
    starRule: null,
    options: [],
    value: '',
    library: w.library,
    hints: [],
    usable: true,
    dialog: null,
    ...extra,
  };
}
