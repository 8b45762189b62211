/**
 * Build the rules' `ApplicationState` from what the page shows — generic, not tuned to one
 * markup: upload slots by their label text and the file names listed under them; form values by
 * their labels; invoice rows from a table by its header cells. What the page cannot show
 * (deceased, OCR'd 医保类型 / 交款人, earlier filings) comes from the `GuardContext`.
 */
import { documentKind } from './documents';
import { closestDialog, inClosedDialog, isGuardNode, isHidden, text } from './dom';
import { compact, fieldMeaning, invoiceColumn, MODE_OPTIONS, type FieldMeaning, type InvoiceColumn } from './labels';
import { normalizeNumber } from './invoices';
import type { ApplicationState, ApplyMode, GuardPage, InvoiceRow, ItemKind, UploadSlot } from './state';

type Nullable<T> = { [K in keyof T]?: T[K] | null };

/**
 * What the content script knows that the page does not show. Field names follow the panel's
 * `ClaimContext` (utils/panel/messages.ts), so it can be spread in as is.
 */
export interface GuardContext {
  claimantName?: string;
  claimantIdNumber?: string;
  isMinor?: boolean;
  deceased?: boolean;
  /** 委托人办理 chosen in the panel (the page's radio wins when it shows one). */
  delegated?: boolean;
  /** Invoices recognised by OCR; merged into the page's rows by 票据号码. */
  invoices?: Array<Nullable<InvoiceRow>>;
  /** 票据号码 filed earlier from this device. */
  history?: string[];
  /** From the page detector, when known. */
  page?: GuardPage | null;
  item?: ItemKind | null;
  now?: Date;
}

// ---------------------------------------------------------------- labels of controls

const GROUP_SELECTOR = '.el-form-item, .form-group, .ant-form-item, .layui-form-item, .form-item, .van-field, tr, dl, .field';
const LABELISH_SELECTOR =
  'label, .el-form-item__label, .control-label, .ant-form-item-label, .layui-form-label, .form-label, .td-label, th, td, dt, legend';
const CONTROL_SELECTOR = 'input, select, textarea';

function hasControl(el: Element): boolean {
  return !!el.querySelector(CONTROL_SELECTOR);
}

/** The label of a control: aria, `<label for>`, else the nearest label-ish element before it in its group. */
export function labelOf(control: Element): string {
  const doc = control.ownerDocument;
  const aria = control.getAttribute('aria-label');
  if (aria && fieldMeaning(aria)) return aria;
  const by = control.getAttribute('aria-labelledby');
  if (by) {
    const t = by.split(/\s+/).map((id) => text(doc.getElementById(id))).join(' ');
    if (t) return t;
  }
  if (control.id) {
    const forLabel = doc.querySelector(`label[for="${CSS.escape(control.id)}"]`);
    if (forLabel) return text(forLabel);
  }
  const group = control.closest(GROUP_SELECTOR) ?? control.parentElement?.parentElement ?? control.parentElement;
  if (group) {
    let best: Element | null = null;
    for (const cand of group.querySelectorAll(LABELISH_SELECTOR)) {
      if (cand.contains(control) || hasControl(cand)) continue;
      if (!(cand.compareDocumentPosition(control) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
      if (!text(cand)) continue;
      best = cand; // the last one before the control
    }
    if (best) return text(best);
  }
  return control.getAttribute('placeholder') ?? control.getAttribute('title') ?? '';
}

/** The value a person sees in a control: selected option text, the text of a select-like input. */
export function valueOf(control: Element): string {
  if (control instanceof HTMLSelectElement) {
    const opt = control.selectedIndex >= 0 ? control.options[control.selectedIndex] : undefined;
    return opt && opt.value !== '' ? text(opt) : '';
  }
  if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) {
    const v = control.value.trim();
    // el-cascader shows "上海市 / 市辖区 / 松江区"
    return v.replace(/\s*\/\s*/g, '').replace(/市辖区|县辖区/g, '');
  }
  return '';
}

const SKIP_INPUT_TYPES = new Set(['hidden', 'radio', 'checkbox', 'file', 'button', 'submit', 'reset', 'image', 'password']);

interface LabelledValue {
  meaning: FieldMeaning;
  label: string;
  value: string;
  control: Element;
}

function usableControl(el: Element): boolean {
  if (isGuardNode(el) || inClosedDialog(el)) return false;
  if (el instanceof HTMLInputElement && SKIP_INPUT_TYPES.has(el.type)) return false;
  return true;
}

/** Every labelled control with a meaning for the guard, in document order (hidden step panes included). */
export function readFields(root: ParentNode): LabelledValue[] {
  const out: LabelledValue[] = [];
  for (const control of root.querySelectorAll(CONTROL_SELECTOR)) {
    if (!usableControl(control)) continue;
    const label = labelOf(control);
    const meaning = fieldMeaning(label);
    if (!meaning || meaning === 'mode') continue;
    out.push({ meaning, label, value: valueOf(control), control });
  }
  return out;
}

// ---------------------------------------------------------------- 办理方式

export function readMode(root: ParentNode): ApplyMode | null {
  for (const radio of root.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
    if (isGuardNode(radio) || inClosedDialog(radio)) continue;
    const wrapper = radio.closest('label, .el-radio, .ant-radio-wrapper, .radio, .radio-inline');
    const checked = radio.checked || !!wrapper?.classList.contains('is-checked') || !!wrapper?.querySelector('.is-checked');
    if (!checked) continue;
    const optionText = compact(wrapper ? text(wrapper) : radio.value);
    const group = labelOf(radio);
    const groupIsMode = fieldMeaning(group) === 'mode';
    const hit = MODE_OPTIONS.find((m) => m.pattern.test(optionText));
    if (hit && (groupIsMode || /办理|办$/.test(optionText))) return hit.mode;
  }
  // radio-like widgets without native inputs: an element marked checked / active with the option text
  for (const el of root.querySelectorAll('.is-checked, .is-active, [aria-checked="true"]')) {
    if (isGuardNode(el)) continue;
    const t = compact(text(el));
    if (t.length > 8 || !/办理|办$/.test(t)) continue;
    const hit = MODE_OPTIONS.find((m) => m.pattern.test(t));
    if (hit) return hit.mode;
  }
  return null;
}

// ---------------------------------------------------------------- addresses

export function readAddresses(fields: readonly LabelledValue[]): { mailing?: string; pickup?: string } {
  const parts: Record<'mailing' | 'pickup', string[]> = { mailing: [], pickup: [] };
  let current: 'mailing' | 'pickup' | null = null;
  let pendingRegion: string[] = [];
  for (const f of fields) {
    if (f.meaning === 'mailingAddress' || f.meaning === 'pickupAddress') {
      current = f.meaning === 'mailingAddress' ? 'mailing' : 'pickup';
      if (pendingRegion.length) parts[current].push(...pendingRegion.splice(0));
      if (f.value) parts[current].push(f.value);
    } else if (f.meaning === 'region') {
      if (!f.value) continue;
      if (current) parts[current].push(f.value);
      else pendingRegion.push(f.value);
    } else if (f.meaning === 'addressDetail') {
      const target = current ?? 'mailing';
      if (pendingRegion.length) parts[target].push(...pendingRegion.splice(0));
      if (f.value) parts[target].push(f.value);
    }
  }
  const join = (xs: string[]) => (xs.length ? xs.join('') : undefined);
  return { mailing: join(parts.mailing), pickup: join(parts.pickup) };
}

// ---------------------------------------------------------------- invoice rows

function cellValue(cell: Element): string {
  const control = cell.querySelector(CONTROL_SELECTOR);
  if (control && !(control instanceof HTMLInputElement && control.type === 'hidden')) {
    const v = valueOf(control);
    if (v) return v;
  }
  return text(cell.querySelector('.cell') ?? cell);
}

function rowsFrom(headers: Element[], rows: Element[]): InvoiceRow[] {
  const columns = headers.map((h) => invoiceColumn(text(h)));
  if (!columns.includes('number') && !columns.includes('code')) return [];
  const out: InvoiceRow[] = [];
  for (const tr of rows) {
    const cells = [...tr.children].filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
    if (cells.length < 2 || cells.some((c) => Number(c.getAttribute('colspan') ?? 1) > 2)) continue; // 暂无数据
    const row: InvoiceRow = {};
    cells.forEach((cell, i) => {
      const col: InvoiceColumn | null | undefined = columns[i];
      const v = cellValue(cell);
      if (col && v && v !== '-' && !row[col]) row[col] = v;
    });
    if (Object.keys(row).length) out.push(row);
  }
  return out;
}

/** Invoice rows from every table whose header names 票据号码 / 票据代码 (Element splits header and body). */
export function readInvoiceTables(root: ParentNode): { found: boolean; rows: InvoiceRow[] } {
  let found = false;
  const rows: InvoiceRow[] = [];
  const seen = new Set<Element>();
  for (const el of root.querySelectorAll('.el-table')) {
    if (isGuardNode(el) || inClosedDialog(el) || el.parentElement?.closest('.el-table')) continue;
    const headers = [...el.querySelectorAll('.el-table__header-wrapper th')].filter((th) => !th.classList.contains('gutter'));
    const body = el.querySelector('.el-table__body-wrapper');
    el.querySelectorAll('table').forEach((t) => seen.add(t));
    if (!body) continue;
    const cols = headers.map((h) => invoiceColumn(text(h)));
    if (!cols.includes('number') && !cols.includes('code')) continue;
    found = true;
    rows.push(...rowsFrom(headers, [...body.querySelectorAll('tbody > tr')]));
  }
  for (const table of root.querySelectorAll('table')) {
    if (seen.has(table) || isGuardNode(table) || inClosedDialog(table)) continue;
    const headRow = table.querySelector('thead tr') ?? table.querySelector('tr');
    if (!headRow) continue;
    const headers = [...headRow.children];
    const cols = headers.map((h) => invoiceColumn(text(h)));
    if (!cols.includes('number') && !cols.includes('code')) continue;
    found = true;
    const bodyRows = [...table.querySelectorAll('tr')].filter((tr) => tr !== headRow && tr.closest('table') === table && !tr.closest('thead'));
    rows.push(...rowsFrom(headers, bodyRows));
  }
  return { found, rows };
}

// ---------------------------------------------------------------- upload slots

const FILE_ANCHOR = 'input[type="file"]';
const FILE_NAME = /[^\\/]+\.(jpe?g|png|gif|bmp|webp|heic|pdf|ofd|tiff?)$/i;
const LIST_NOISE = /按\s*delete\s*键可删除|删除|移除|预览|重新上传|上传成功|上传失败|100%|\d+%/gi;

function fileNamesIn(container: Element): string[] {
  const names: string[] = [];
  const push = (s: string) => {
    const n = s.replace(LIST_NOISE, '').replace(/\s+/g, ' ').trim();
    if (n && !names.includes(n)) names.push(n);
  };
  const elementItems = container.querySelectorAll('.el-upload-list__item-name, .ant-upload-list-item-name, .file-name, [data-file-name]');
  elementItems.forEach((el) => push(el.getAttribute('data-file-name') ?? text(el)));
  if (elementItems.length === 0) {
    for (const li of container.querySelectorAll('li')) {
      if (li.querySelector(FILE_ANCHOR) || li.querySelector('li')) continue;
      const t = text(li);
      // prefer the part that looks like a file name
      const m = t.split(/\s+/).reverse().find((w) => FILE_NAME.test(w));
      push(m ?? t);
    }
  }
  for (const input of container.querySelectorAll<HTMLInputElement>(FILE_ANCHOR)) {
    for (const f of Array.from(input.files ?? [])) push(f.name);
  }
  return names;
}

/** The slot's container: the largest ancestor of the file input holding no other file input. */
function slotContainer(input: Element, stopAt: Element): Element {
  let c: Element = input;
  while (c.parentElement && c.parentElement !== stopAt && c.parentElement.querySelectorAll(FILE_ANCHOR).length === 1) {
    c = c.parentElement;
    if (c.tagName === 'TR' || c.matches('.el-form-item, .form-group, .upload-item, li, fieldset')) break;
  }
  return c;
}

function slotLabel(container: Element): string {
  // a table row: the column headed 材料名称 / 材料
  if (container.tagName === 'TR') {
    const table = container.closest('table');
    const head = table?.querySelector('thead tr') ?? null;
    if (head && head !== container) {
      const idx = [...head.children].findIndex((th) => /材料名称|材料|名称|证件|类型/.test(compact(text(th))));
      const cell = idx >= 0 ? container.children[idx] : undefined;
      if (cell && text(cell)) return text(cell);
    }
  }
  const candidates: string[] = [];
  for (const el of container.querySelectorAll(`${LABELISH_SELECTOR}, h1, h2, h3, h4, h5, h6, .title, [class*="title"], [class*="label"], [class*="name"], span, div, p`)) {
    if (el.closest('.el-upload-list, ul, ol') || el.querySelector(FILE_ANCHOR) || el.matches('.el-upload-list__item-name')) continue;
    const t = text(el);
    if (t && t.length <= 40) candidates.push(t);
  }
  const named = candidates.filter((t) => documentKind(t) !== null && !/^\d+$/.test(compact(t)));
  named.sort((a, b) => compact(a).length - compact(b).length);
  if (named[0]) return named[0];
  const plain = candidates.find((t) => !/^\d+$/.test(compact(t)));
  if (plain) return plain;
  // nothing inside: a label just before the container (heading of a card, previous cell)
  const prev = container.previousElementSibling;
  return prev && text(prev).length <= 40 ? text(prev) : '';
}

/** Upload slots shown now (hidden step panes do not count: the user is not on 材料上传). */
export function readUploads(root: Document | Element): UploadSlot[] {
  const stopAt = root instanceof Document ? root.documentElement : root;
  const slots: UploadSlot[] = [];
  for (const input of root.querySelectorAll(FILE_ANCHOR)) {
    if (isGuardNode(input) || closestDialog(input)) continue;
    const container = slotContainer(input, stopAt);
    if (isHidden(container)) continue;
    slots.push({ slotLabel: slotLabel(container), files: fileNamesIn(container) });
  }
  return slots;
}

// ---------------------------------------------------------------- page and item

const ITEM_MARKERS: ReadonlyArray<{ item: ItemKind; pattern: RegExp }> = [
  { item: 'employee', pattern: /零星报销[(（]职保(人员)?[)）]|c85a49fb-2dc3-4a53-95e1-25e9b0491bae/ },
  { item: 'resident', pattern: /零星报销[(（]居保(人员)?[)）]|4683b2e6-c7bc-4962-995c-54c7dfd6a62c/ },
];

function readItem(doc: Document): ItemKind | null {
  const headings = [...doc.querySelectorAll('h1, h2, h3, .panel-title, .apply-title, .el-breadcrumb, .breadcrumb')].map(text).join(' ');
  const hay = compact(`${doc.location?.href ?? ''} ${doc.title} ${headings}`);
  const hits = ITEM_MARKERS.filter((m) => m.pattern.test(hay));
  return hits.length === 1 ? hits[0]!.item : null;
}

// ---------------------------------------------------------------- the state

function mergeInvoices(pageRows: InvoiceRow[], ctxRows: GuardContext['invoices']): InvoiceRow[] {
  const extra = (ctxRows ?? []).map((r) => {
    const o: InvoiceRow = {};
    for (const k of ['number', 'code', 'visitType', 'insuranceType', 'payerName'] as const) {
      const v = r[k];
      if (typeof v === 'string' && v.trim()) o[k] = v.trim();
    }
    return o;
  });
  if (pageRows.length === 0) return extra;
  return pageRows.map((row) => {
    const n = normalizeNumber(row.number);
    const match = n ? extra.find((e) => normalizeNumber(e.number) === n) : undefined;
    return match ? { ...match, ...Object.fromEntries(Object.entries(row).filter(([, v]) => v)) } : row;
  });
}

/**
 * Read the application from the page. `previous` is the last state read on this page (an SPA may
 * drop earlier steps from the DOM): values the page no longer shows are kept from it.
 */
export function readPage(root: Document, context: GuardContext = {}, previous?: ApplicationState): ApplicationState {
  const fields = readFields(root);
  const first = (m: FieldMeaning) => fields.find((f) => f.meaning === m && f.value)?.value;
  const addresses = readAddresses(fields);
  const hasPickupField = fields.some((f) => f.meaning === 'pickupAddress' && !isHidden(f.control));
  const page: GuardPage = context.page ?? (hasPickupField ? 'logistics' : 'application');
  const tables = readInvoiceTables(root);
  const pageRows = tables.rows.length ? tables.rows : previous?.invoices.length && !tables.found ? previous.invoices : [];

  const state: ApplicationState = {
    item: readItem(root) ?? context.item ?? previous?.item ?? null,
    page,
    mode: readMode(root) ?? previous?.mode ?? (context.delegated === undefined ? null : context.delegated ? 'delegated' : 'self'),
    claimant: {
      name: first('claimantName') ?? previous?.claimant.name ?? context.claimantName,
      idNumber: first('claimantId') ?? previous?.claimant.idNumber ?? context.claimantIdNumber,
      ...(context.isMinor !== undefined ? { isMinor: context.isMinor } : {}),
      ...(context.deceased !== undefined ? { deceased: context.deceased } : {}),
    },
    address: addresses.mailing ?? previous?.address,
    pickupAddress: addresses.pickup,
    invoices: mergeInvoices(pageRows, context.invoices),
    uploads: readUploads(root),
    history: context.history ?? [],
    now: context.now ?? new Date(),
  };
  return state;
}
