/**
 * The fields of a page as a person sees them: each widget once (an el-select is one field, not its hidden
 * input), with its label evidence, section heading, star (and the rule that found it), widget kind and library,
 * options, current value, and whether a person can use it now. Part of the page model (`readPageModel`).
 *
 * Labels, best first: the form item's label (Element / Ant / iView / Bootstrap …), `label[for]`,
 * `aria-labelledby`, `aria-label`, an enclosing <label>, the table cell to the left or the header above,
 * the text just before the field, and (weak) its placeholder or title.
 */
import { FORM_ITEM_SELECTOR, ITEM_LABEL_SELECTOR, HEADING_SELECTOR } from '@/utils/autofill/libraries';
import { containsControl, dialogState, isElement, isHelperNode, isVisible, ownText, searchRoots, textOf, CONTROL_SELECTOR } from './dom';
import { starRule } from './starred';
import { radioOptionText, readValue } from './value';
import { isPageSearch, widgetOf, widgetOfControl, PAGE_SEARCH_HINT, WIDGET_SELECTOR } from './widgets';
import type { CollectOptions, CollectedField, LabelEvidence, WidgetKind } from './types';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const SKIP_TYPES = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'file', 'range', 'color']);
const MAX_LABEL = 40;
/**
 * Weight of the placeholder of a select that has a typing box (layui `lay-search`, Ant `show-search`, iView
 * `filterable`): enough to name the field when nothing else does, below what matching takes as trap
 * evidence (0.7) — "请选择或输入搜索" is how to use the select, not a search box.
 */
const TYPING_BOX_HINT = 0.65;

interface Group {
  key: Element | string;
  kind: WidgetKind;
  library: string;
  hints: string[];
  element: HTMLElement;
  inputs: Control[];
  /** Option skins a person sees (layui radio skins): the group is usable when one shows. */
  skins: Element[];
  /** The widget's own typing box: its placeholder says how to use the widget, not what the field is. */
  search: HTMLInputElement | null;
  /** A real page search (header / site search): never starred. */
  pageSearch: boolean;
}

function looksLikeDateInput(input: HTMLInputElement): boolean {
  const hint = `${input.className} ${input.placeholder} ${input.getAttribute('name') ?? ''}`.toLowerCase();
  return /date|picker|日期|时间/.test(hint);
}

const plain = (key: Element | string, kind: WidgetKind, hint: string, element: HTMLElement, pageSearch = false): Group => ({
  key,
  kind,
  library: 'native',
  hints: [hint],
  element,
  inputs: [],
  skins: [],
  search: null,
  pageSearch,
});

/**
 * Group native controls into widgets: a control that belongs to a widget (component root, skin, a skin's
 * hidden control, a select's typing box — `widgetOfControl`) joins that widget's one field.
 */
function groupControls(root: Document | Element | ShadowRoot, out: Map<Element | string, Group>): void {
  const controls = Array.from(root.querySelectorAll(CONTROL_SELECTOR)) as Control[];
  for (const c of controls) {
    const type = (c.getAttribute('type') ?? '').toLowerCase();
    if (c.tagName === 'INPUT' && SKIP_TYPES.has(type)) continue;
    if (isHelperNode(c)) continue;
    const w = widgetOfControl(c);
    if (w) {
      // an <input type=radio> of a radio group, the inner input of a select / picker / cascader, a hidden
      // control a skin stands in for
      let g = out.get(w.key);
      if (!g) {
        g = { key: w.key, kind: w.kind, library: w.library, hints: w.hints, element: w.root, inputs: [], skins: w.skins, search: w.search, pageSearch: false };
        out.set(w.key, g);
      }
      g.inputs.push(c);
      continue;
    }
    if (c.tagName === 'INPUT' && type === 'radio') {
      const form = (c as HTMLInputElement).form;
      const name = c.getAttribute('name');
      const key = name ? `radio:${name}:${form ? Array.from(c.ownerDocument.forms).indexOf(form) : -1}` : c.parentElement ?? c;
      let g = out.get(key);
      if (!g) {
        // the group's element: the nearest ancestor holding every radio of the group (refined below)
        g = plain(key, 'radio-group', 'input[type=radio]', c.parentElement ?? (c as HTMLElement));
        out.set(key, g);
      }
      g.inputs.push(c);
      continue;
    }
    let g: Group;
    if (c.tagName === 'INPUT' && type === 'checkbox') g = plain(c, 'checkbox', 'input[type=checkbox]', c as HTMLElement);
    else if (c.tagName === 'SELECT') g = plain(c, 'native-select', 'select', c as HTMLElement);
    else {
      const kind: WidgetKind = c.tagName === 'INPUT' && (type === 'date' || ((c as HTMLInputElement).readOnly && looksLikeDateInput(c as HTMLInputElement))) ? 'date' : 'text';
      const search = kind === 'text' && isPageSearch(c);
      g = plain(c, kind, c.tagName === 'TEXTAREA' ? 'textarea' : `input[type=${type || 'text'}]`, c as HTMLElement, search);
      if (search) g.hints.push(PAGE_SEARCH_HINT);
    }
    g.inputs.push(c);
    out.set(c, g);
  }
  // component widgets without any native control (rare: div-only selects)
  for (const w of Array.from(root.querySelectorAll(WIDGET_SELECTOR))) {
    if (out.has(w) || w.parentElement?.closest(WIDGET_SELECTOR) || isHelperNode(w)) continue;
    const def = widgetOf(w)!;
    if (def.kind === 'radio-group' || def.kind === 'text') continue;
    out.set(w, { key: w, kind: def.kind, library: def.library, hints: def.hints, element: w as HTMLElement, inputs: [], skins: [], search: null, pageSearch: false });
  }
}

function commonAncestor(els: Element[]): HTMLElement {
  let cur: Element | null = els[0]!.parentElement;
  while (cur && !els.every((e) => cur!.contains(e))) cur = cur.parentElement;
  return (cur ?? els[0]!.parentElement ?? els[0]!) as HTMLElement;
}

function usable(g: Group): boolean {
  if (g.element.classList.contains('is-disabled') || g.element.getAttribute('aria-disabled') === 'true') return false;
  if (g.inputs.length && g.inputs.every((i) => i.disabled)) return false;
  if (g.kind === 'text') {
    const i = g.inputs[0] as HTMLInputElement;
    if (i.readOnly) return false;
  }
  if (g.kind === 'radio-group') {
    // the radios, their labels, or the skins drawn for them (layui hides the radios: the skin is the widget)
    return g.inputs.some((i) => isVisible(i) || (i.closest('label') && isVisible(i.closest('label')!))) || g.skins.some((k) => isVisible(k));
  }
  return isVisible(g.element);
}

// ---------------------------------------------------------------------------------------------
// labels

interface LabelIndex {
  byFor: Map<string, HTMLLabelElement[]>;
}

function labelIndex(doc: Document | ShadowRoot | Element): LabelIndex {
  const byFor = new Map<string, HTMLLabelElement[]>();
  for (const l of Array.from(doc.querySelectorAll('label[for]')) as HTMLLabelElement[]) {
    const id = l.htmlFor;
    if (!id) continue;
    byFor.set(id, [...(byFor.get(id) ?? []), l]);
  }
  return { byFor };
}

function push(ev: LabelEvidence[], els: Map<LabelEvidence, Element>, text: string, source: LabelEvidence['source'], weight: number, el?: Element | null): void {
  const t = text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  if (!t || t.replace(/[*＊:：\s]/g, '').length === 0) return;
  if (t.length > MAX_LABEL) return;
  if (ev.some((e) => e.text === t && e.weight >= weight)) return;
  const e = { text: t, source, weight };
  ev.push(e);
  if (el) els.set(e, el);
}

/** Text right before `start` (siblings, then the parent's siblings …), up to `stopAt`. */
function precedingText(start: Element, stopAt: Element | null): { text: string; el: Element | null } {
  let node: Element | null = start;
  for (let depth = 0; node && depth < 4; depth++) {
    let text = '';
    let el: Element | null = null;
    for (let sib = node.previousSibling; sib; sib = sib.previousSibling) {
      if (sib.nodeType === 3) {
        text = (sib.nodeValue ?? '') + text;
      } else if (isElement(sib)) {
        if (sib.tagName === 'BR' || sib.tagName === 'HR') break;
        if (containsControl(sib)) break;
        if (sib.tagName === 'SCRIPT' || sib.tagName === 'STYLE') continue;
        const t = ownText(sib);
        if (text.trim() && !/^[*＊\s]*$/.test(t) && t.length > 0) {
          // already have a label; a star element right before it still belongs to it
          break;
        }
        text = t + text;
        el = el ?? sib;
      }
      if (text.replace(/[*＊\s]/g, '').length > 0 && text.length > MAX_LABEL) break;
    }
    const clean = text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
    if (clean.replace(/[*＊:：\s]/g, '')) {
      // keep the part nearest the field: "……说明。姓名：" → "姓名："
      const parts = clean.split(/[。；;！!？?]/);
      return { text: (parts[parts.length - 1] || clean).trim(), el: el ?? node.parentElement };
    }
    if (node === stopAt || node.parentElement === stopAt) break;
    node = node.parentElement;
    if (node && (node.tagName === 'FORM' || node.tagName === 'BODY' || node.tagName === 'TD' || node.tagName === 'TH')) break;
  }
  return { text: '', el: null };
}

function tableEvidence(el: Element, ev: LabelEvidence[], els: Map<LabelEvidence, Element>): void {
  const cell = el.closest('td, th') as HTMLTableCellElement | null;
  if (!cell) return;
  // the cell to the left
  for (let sib = cell.previousElementSibling; sib; sib = sib.previousElementSibling) {
    if (containsControl(sib)) break;
    const t = textOf(sib);
    if (t) {
      push(ev, els, t, 'table-cell', 0.95, sib);
      break;
    }
  }
  // the header above (tables of rows: 票据号码 | 金额 …)
  const row = cell.parentElement;
  const table = cell.closest('table');
  if (!row || !table) return;
  const headerRow = table.querySelector('thead tr') ?? table.querySelector('tr');
  if (!headerRow || headerRow === row || headerRow.closest('table') !== table) return;
  const h = headerRow.children[Array.prototype.indexOf.call(row.children, cell)];
  if (h && !containsControl(h)) push(ev, els, textOf(h), 'table-header', 0.85, h);
}

/** The item's own labels (not a nested item's, not an option's label around a radio / checkbox). */
function itemLabels(container: Element, g: Group): Element[] {
  return Array.from(container.querySelectorAll(ITEM_LABEL_SELECTOR)).filter(
    (l) =>
      !g.element.contains(l) &&
      !l.closest(WIDGET_SELECTOR) &&
      !l.querySelector('input[type=radio], input[type=checkbox]') &&
      !(l as Element).matches('.el-radio, .el-checkbox') &&
      l.closest(FORM_ITEM_SELECTOR) === container,
  );
}

function gatherEvidence(g: Group, container: Element | null, sharedContainer: boolean, idx: LabelIndex): { evidence: LabelEvidence[]; labelEl: Element | null } {
  const ev: LabelEvidence[] = [];
  const els = new Map<LabelEvidence, Element>();
  const first = g.inputs[0] ?? null;
  const isRadio = g.kind === 'radio-group' || g.kind === 'checkbox';

  // form item label
  if (container) {
    const own = itemLabels(container, g)[0] ?? null;
    if (own && !sharedContainer) push(ev, els, ownText(own), 'form-item', 1, own);
    else if (sharedContainer) {
      // several fields in one row (Bootstrap: label | input | label | input): the label just before this field
      const p = precedingText(g.element, container);
      if (p.text) push(ev, els, p.text, 'preceding-text', 0.95, p.el);
      // the row's label still says what the group is about ("邮寄地址: 上海市 [区▼] [详细地址]")
      if (own) push(ev, els, ownText(own), 'form-item', 0.7, own);
    }
    // nested items (所在区 + 详细地址 inside 邮寄地址): the outer item's label as weaker evidence
    const outer = container.parentElement?.closest(FORM_ITEM_SELECTOR);
    if (outer) {
      const ol = Array.from(outer.querySelectorAll(ITEM_LABEL_SELECTOR)).find((l) => l.closest(FORM_ITEM_SELECTOR) === outer);
      if (ol) push(ev, els, ownText(ol), 'form-item', 0.85, ol);
    }
  }
  // label[for]
  for (const i of g.inputs) {
    if (!i.id || (isRadio && g.kind === 'radio-group')) continue;
    for (const l of idx.byFor.get(i.id) ?? []) push(ev, els, ownText(l), 'label-for', 1, l);
  }
  // aria
  for (const el of [first, g.element]) {
    if (!el) continue;
    const ids = el.getAttribute('aria-labelledby');
    if (ids) {
      const doc = el.ownerDocument;
      const t = ids
        .split(/\s+/)
        .map((id) => textOf(doc.getElementById(id)))
        .join(' ');
      push(ev, els, t, 'aria-labelledby', 1, doc.getElementById(ids.split(/\s+/)[0]!) ?? null);
    }
    const al = el.getAttribute('aria-label');
    if (al) push(ev, els, al, 'aria-label', 0.95);
  }
  // enclosing label
  if (!isRadio && first) {
    const l = first.closest('label');
    if (l && !l.closest(WIDGET_SELECTOR)) push(ev, els, ownText(l), 'enclosing-label', 0.95, l);
  }
  // table cell / header
  tableEvidence(g.element, ev, els);
  // preceding text (native radios: the text before the first option, "是否委托办理 ○是 ○否")
  if (!ev.some((e) => e.weight >= 0.95)) {
    const start = g.kind === 'radio-group' && g.library === 'native' && first ? (first.closest('label') ?? first) : g.element;
    const p = precedingText(start, container);
    if (p.text) push(ev, els, p.text, 'preceding-text', 0.9, p.el);
  }
  // placeholder / title (weak)
  for (const i of g.inputs) {
    const ph = i.getAttribute('placeholder');
    // a select with a typing box says how to use it ("请选择或输入搜索"): a hint, never trap evidence
    if (ph) push(ev, els, ph, 'placeholder', g.search ? TYPING_BOX_HINT : 0.8, null);
  }
  // a native select's empty first option ("请选择区") is its placeholder
  if (g.kind === 'native-select') {
    const o = (g.inputs[0] as HTMLSelectElement).options[0];
    if (o && o.value === '') push(ev, els, textOf(o).replace(/^[-—\s]+|[-—\s]+$/g, ''), 'placeholder', 0.8, null);
  }
  const epPlaceholder = g.element.querySelector('.el-select__placeholder.is-transparent, .ant-select-selection-placeholder, .ivu-select-placeholder');
  if (epPlaceholder) push(ev, els, textOf(epPlaceholder), 'placeholder', g.search ? TYPING_BOX_HINT : 0.8, null);
  // (a radio's title is its option's text: layui draws the skin from it)
  const title = (g.kind === 'radio-group' ? null : first?.getAttribute('title')) ?? g.element.getAttribute('title');
  if (title) push(ev, els, title, 'title', 0.7, null);

  ev.sort((a, b) => b.weight - a.weight);
  const best = ev[0];
  return { evidence: ev, labelEl: best ? (els.get(best) ?? null) : null };
}

// ---------------------------------------------------------------------------------------------
// sections

function headingText(el: Element): string {
  if (containsControl(el)) return '';
  const t = textOf(el);
  return t.length > 0 && t.length <= 30 ? t : '';
}

/** Controls inside `block` after `heading` (document order). */
function fieldsAfter(block: Element, heading: Element): boolean {
  for (const c of Array.from(block.querySelectorAll(CONTROL_SELECTOR))) {
    if (heading.compareDocumentPosition(c) & 4 /* FOLLOWING */) return true;
  }
  return false;
}

/** The nearest section heading above a field (委托人信息 …); a section ends at the next heading or with its block. */
export function sectionOf(start: Element): string {
  let node: Element | null = start;
  for (let depth = 0; node && node.tagName !== 'BODY' && depth < 12; depth++) {
    if (node.tagName === 'TR') {
      for (let r = node.previousElementSibling; r; r = r.previousElementSibling) {
        const cells = (r as HTMLTableRowElement).cells;
        if (cells && cells.length === 1 && !containsControl(r)) {
          const t = headingText(r);
          if (t) return t;
        }
      }
    }
    let steps = 0;
    for (let sib = node.previousElementSibling; sib && steps < 40; sib = sib.previousElementSibling, steps++) {
      if (sib.matches(HEADING_SELECTOR)) {
        const t = headingText(sib);
        if (t) return t;
      }
      if (sib.matches(FORM_ITEM_SELECTOR)) continue;
      const inner = Array.from(sib.querySelectorAll(HEADING_SELECTOR)).filter((h) => !h.closest(FORM_ITEM_SELECTOR) && !containsControl(h));
      const last = inner[inner.length - 1];
      if (last) {
        // a block holding its heading AND fields after it (a 代办人信息 box the 委托 choice inserted, a card) is a
        // section that ended with the block: the fields after the block are not in it
        if (fieldsAfter(sib, last)) continue;
        const t = headingText(last);
        if (t) return t;
      }
    }
    node = node.parentElement;
  }
  return '';
}

// ---------------------------------------------------------------------------------------------

export function collectFields(root: Document | Element | ShadowRoot, options: CollectOptions = {}): CollectedField[] {
  const roots = searchRoots(root, { frames: options.frames ?? true, shadow: options.shadow ?? true });
  const groups = new Map<Element | string, Group>();
  for (const r of roots) groupControls(r, groups);

  const list = Array.from(groups.values());
  for (const g of list) {
    if (g.kind === 'radio-group' && g.library === 'native' && g.inputs.length > 1) g.element = commonAncestor(g.inputs);
  }
  const withUse = list.map((g) => ({ g, use: usable(g) }));
  const kept = options.includeHidden ? withUse : withUse.filter((x) => x.use);

  // containers and how many fields share each
  const containers = new Map<Group, Element | null>();
  const share = new Map<Element, number>();
  for (const { g } of kept) {
    const c = g.element.closest(FORM_ITEM_SELECTOR);
    containers.set(g, c);
    if (c) share.set(c, (share.get(c) ?? 0) + 1);
  }
  const indexes = new Map<Node, LabelIndex>();
  const fields: CollectedField[] = [];
  for (const { g, use } of kept) {
    const container = containers.get(g) ?? null;
    const rootNode = g.element.getRootNode() as Document | ShadowRoot;
    let idx = indexes.get(rootNode);
    if (!idx) {
      idx = labelIndex(rootNode);
      indexes.set(rootNode, idx);
    }
    const { evidence, labelEl } = gatherEvidence(g, container, container ? (share.get(container) ?? 0) > 1 : false, idx);
    const label = evidence[0]?.text ?? '';
    const options =
      g.kind === 'radio-group'
        ? (g.inputs as HTMLInputElement[]).map(radioOptionText)
        : g.kind === 'native-select'
          ? Array.from((g.inputs[0] as HTMLSelectElement).options).map((o) => textOf(o))
          : [];
    const starContainer = container && (share.get(container) ?? 0) <= 1 ? container : null;
    // a page search (header / site search) is never a starred field of the application
    let rule = g.pageSearch ? null : starRule({ container: starContainer, labelElement: labelEl, labelText: label, controls: [...g.inputs, g.element] });
    // several fields under ONE row label ("*邮寄地址: 上海市 [区▼] [详细地址]"): the row's star is each part's
    if (!rule && !g.pageSearch && container && !starContainer) {
      const rowLabels = itemLabels(container, g);
      if (rowLabels.length === 1) rule = starRule({ container, labelElement: rowLabels[0]!, labelText: ownText(rowLabels[0]!), controls: [] });
    }
    fields.push({
      index: fields.length,
      kind: g.kind,
      element: g.element,
      inputs: g.inputs,
      container: container as HTMLElement | null,
      label,
      evidence,
      section: sectionOf(container ?? g.element),
      starred: rule !== null,
      starRule: rule,
      options,
      value: readValue(g.kind, g.element, g.inputs),
      library: g.library,
      hints: g.hints,
      usable: use,
      dialog: dialogState(g.element),
    });
  }
  // document order (groups from several roots / late radios)
  fields.sort((a, b) => {
    if (a.element === b.element) return 0;
    if (a.element.ownerDocument !== b.element.ownerDocument) return 0;
    const pos = a.element.compareDocumentPosition(b.element);
    return pos & 4 ? -1 : pos & 2 ? 1 : 0;
  });
  fields.forEach((f, i) => (f.index = i));
  return fields;
}
