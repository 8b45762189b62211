/**
 * Upload slots (材料上传) as a person reads them: each file input once, its label, what it takes and the files
 * listed under it. A label's MAIN words decide the slot (the first document named outside brackets:
 * 「身份证（可用户口本本人页、死亡证明代替）」 is the 身份证 slot); the other documents it names — in brackets or
 * after the main words — are what the slot also accepts.
 */
import { DOCUMENTS, ROLE_QUALIFIERS, type DocumentKind } from './vocabulary';
import { closestDialog, isHelperNode, isHidden, textOf } from './dom';
import { splitRemarks } from './text';
import { starRule } from './starred';
import type { StarRule } from './types';

export interface SlotMeaning {
  /** What the slot takes (its main words), null when they name no document (其他材料). */
  kind: DocumentKind | null;
  /** Other documents the label names (notes): substitutes the slot also takes. */
  accepts: DocumentKind[];
}

export interface UploadSlot extends SlotMeaning {
  /** The slot's label as the page writes it (银行卡, 社保卡（无社保卡可上传医保卡）…). */
  label: string;
  /** Names of the files listed under it (or chosen in its input). */
  files: string[];
  starred: boolean;
  starRule: StarRule;
  /** Shown now (a hidden step pane's slots are read but do not count for the warnings). */
  visible: boolean;
  input: HTMLInputElement;
  container: Element;
}

const TERMS = DOCUMENTS.flatMap((d, order) => d.terms.map((term) => ({ term, kind: d.kind, order })));
const AGENT_WORDS = ROLE_QUALIFIERS.filter((q) => q.role === 'agent').map((q) => q.term);
const squash = (s: string) => s.normalize('NFKC').replace(/[\s*＊:：]/g, '');

/** Every document named in `text`, leftmost first (longest term at a position; each place read once). */
export function documentsIn(text: string): Array<{ kind: DocumentKind; at: number; term: string }> {
  const t = squash(text);
  const out: Array<{ kind: DocumentKind; at: number; term: string }> = [];
  for (let i = 0; i < t.length; ) {
    let best: (typeof TERMS)[number] | null = null;
    for (const x of TERMS) {
      if (t.startsWith(x.term, i) && (!best || x.term.length > best.term.length || (x.term.length === best.term.length && x.order < best.order))) best = x;
    }
    if (best) {
      out.push({ kind: best.kind, at: i, term: best.term });
      i += best.term.length;
    } else i += 1;
  }
  return out;
}

/** The document a text names first (a slot label's main words, a file name), or null. */
export function documentKind(text: string): DocumentKind | null {
  return documentsIn(text)[0]?.kind ?? null;
}

/** What a slot label means: the main words decide, the notes name substitutes. */
export function slotMeaning(label: string): SlotMeaning {
  const { main } = splitRemarks(label);
  const all = documentsIn(label);
  const first = documentsIn(main)[0] ?? null;
  let kind: DocumentKind | null = first?.kind ?? null;
  // 「身份证（被委托人）」: the account holder's ID, when the label names the agent and no other document
  if (kind === 'id-card' && AGENT_WORDS.some((w) => squash(label).includes(w)) && all.every((d) => d.kind === 'id-card')) kind = 'agent-id';
  const accepts: DocumentKind[] = [];
  for (const d of all) if (d.kind !== kind && d.kind !== first?.kind && !accepts.includes(d.kind)) accepts.push(d.kind);
  return { kind, accepts };
}

// ------------------------------------------------------------------------------------------------ reading

const FILE_ANCHOR = 'input[type="file"]';
const FILE_NAME = /[^\\/]+\.(jpe?g|png|gif|bmp|webp|heic|pdf|ofd|tiff?)$/i;
const LIST_NOISE = /按\s*delete\s*键可删除|删除|移除|预览|重新上传|上传成功|上传失败|100%|\d+%/gi;
const LABELISH = 'label, .el-form-item__label, .control-label, .ant-form-item-label, .layui-form-label, .form-label, .td-label, th, td, dt, legend';

function fileNamesIn(container: Element): string[] {
  const names: string[] = [];
  const push = (s: string) => {
    const n = s.replace(LIST_NOISE, '').replace(/\s+/g, ' ').trim();
    if (n && !names.includes(n)) names.push(n);
  };
  const items = container.querySelectorAll('.el-upload-list__item-name, .ant-upload-list-item-name, .ivu-upload-list-file, .layui-upload-list .name, .file-name, [data-file-name]');
  items.forEach((el) => push(el.getAttribute('data-file-name') ?? textOf(el)));
  if (items.length === 0) {
    for (const li of Array.from(container.querySelectorAll('li'))) {
      if (li.querySelector(FILE_ANCHOR) || li.querySelector('li')) continue;
      const t = textOf(li);
      // prefer the part that looks like a file name
      const m = t.split(/\s+/).reverse().find((w) => FILE_NAME.test(w));
      push(m ?? t);
    }
  }
  if (names.length === 0) {
    // any list of chosen files: small elements whose text is a file name
    for (const el of Array.from(container.querySelectorAll('span, div, em, a, p, small'))) {
      const t = textOf(el);
      if (el.children.length === 0 && FILE_NAME.test(t)) push(t);
    }
  }
  for (const input of Array.from(container.querySelectorAll<HTMLInputElement>(FILE_ANCHOR))) {
    for (const f of Array.from(input.files ?? [])) push(f.name);
  }
  return names;
}

/** The slot's container: the largest ancestor of the file input holding no other file input. */
function slotContainer(input: Element, stopAt: Element): Element {
  let c: Element = input;
  while (c.parentElement && c.parentElement !== stopAt && c.parentElement.querySelectorAll(FILE_ANCHOR).length === 1) {
    c = c.parentElement;
    if (c.tagName === 'TR' || c.matches('.el-form-item, .ant-form-item, .ivu-form-item, .layui-form-item, .form-group, .upload-item, li, fieldset')) break;
  }
  return c;
}

function slotLabel(container: Element): { text: string; el: Element | null } {
  // a table row: the column headed 材料名称 / 材料
  if (container.tagName === 'TR') {
    const table = container.closest('table');
    const head = table?.querySelector('thead tr') ?? null;
    if (head && head !== container) {
      const idx = Array.from(head.children).findIndex((th) => /材料名称|材料|名称|证件|类型/.test(squash(textOf(th))));
      const cell = idx >= 0 ? container.children[idx] : undefined;
      if (cell && textOf(cell)) return { text: textOf(cell), el: cell };
    }
  }
  const candidates: Array<{ text: string; el: Element }> = [];
  for (const el of Array.from(container.querySelectorAll(`${LABELISH}, h1, h2, h3, h4, h5, h6, .title, [class*="title"], [class*="label"], [class*="name"], span, div, p`))) {
    // skip the list of chosen files inside the slot (not a list the slot itself sits in)
    const list = el.closest('.el-upload-list, ul, ol');
    if ((list && list !== container && container.contains(list)) || el.querySelector(FILE_ANCHOR) || el.matches('.el-upload-list__item-name')) continue;
    const t = textOf(el);
    // a file's name listed under the slot is not its label
    if (t && t.length <= 40 && !FILE_NAME.test(t)) candidates.push({ text: t, el });
  }
  const named = candidates.filter((c) => documentKind(c.text) !== null && !/^\d+$/.test(squash(c.text)));
  named.sort((a, b) => squash(a.text).length - squash(b.text).length);
  if (named[0]) return named[0];
  const plain = candidates.find((c) => !/^\d+$/.test(squash(c.text)));
  if (plain) return plain;
  // nothing inside: a label just before the container (heading of a card) — not the previous slot of a list
  const prev = container.matches('li, tr') ? null : container.previousElementSibling;
  return prev && textOf(prev).length <= 40 ? { text: textOf(prev), el: prev } : { text: '', el: null };
}

/** Every upload slot outside dialogs, in document order; `visible` says whether it shows now. */
export function readUploads(root: Document | Element): UploadSlot[] {
  const stopAt = root.nodeType === 9 ? (root as Document).documentElement : (root as Element);
  const slots: UploadSlot[] = [];
  for (const input of Array.from(root.querySelectorAll<HTMLInputElement>(FILE_ANCHOR))) {
    if (isHelperNode(input) || closestDialog(input)) continue;
    const container = slotContainer(input, stopAt);
    const { text, el } = slotLabel(container);
    const rule = starRule({ container: container.tagName === 'TR' ? null : container, labelElement: el, labelText: text, controls: [input] });
    slots.push({ label: text, ...slotMeaning(text), files: fileNamesIn(container), starred: rule !== null, starRule: rule, visible: !isHidden(container), input, container });
  }
  return slots;
}
