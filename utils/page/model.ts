/**
 * THE reader of the page. `readPageModel(document)` reads the form once — fields with their meaning, score and
 * widget; upload slots with their meaning; invoice tables and the row dialog; composed addresses; 办理方式; item
 * and step — and autofill, the guard, the panel and the structure report all use what it returns. Nobody else
 * walks the DOM looking for labels.
 */
import { composeAddresses, type AddressPart, type ComposedAddress } from './address';
import { DIALOG_SELECTOR, isVisible } from './dom';
import { collectFields } from './fields';
import { inInvoiceTables, readInvoiceTables, rowRequirements, type InvoiceTable, type RowRequirements } from './invoices';
import { matchFields, type MatchOptions } from './meaning';
import { readUploads, type UploadSlot } from './uploads';
import { MODE_WORDS } from './vocabulary';
import { normalizeLabel } from './text';
import { detectPage, type PageInfo } from '@/utils/detect/page';
import { itemShown, takeSnapshot } from '@/utils/detect/snapshot';
import type { ItemKind, Step } from '@/utils/schemas';
import type { CollectOptions, PageField } from './types';

export type ApplyMode = 'self' | 'delegated';

export interface ReadFieldsOptions extends CollectOptions, MatchOptions {}

/** Fields with their meanings (collect + match): the part of the model autofill re-reads between rounds. */
export function readFields(root: Document | Element | ShadowRoot, options: ReadFieldsOptions = {}, tables?: readonly InvoiceTable[]): PageField[] {
  const fields = matchFields(collectFields(root, options), options);
  const inTables = tables ?? (root.nodeType === 11 ? [] : readInvoiceTables(root as Document | Element));
  return inInvoiceTables(fields, inTables);
}

export interface PageModel {
  /** The page detector's verdict (kind, item, step), when known. */
  page: PageInfo | null;
  item: ItemKind | null;
  step: Step;
  /** Every field in document order — hidden step panes and closed dialogs included (see `field.usable`, `field.dialog`). */
  fields: PageField[];
  /** Upload slots (材料上传), in document order; `visible` says whether the step shows now. */
  uploads: UploadSlot[];
  /** Invoice tables (发票信息) shown now. */
  invoiceTables: InvoiceTable[];
  /** What a new invoice row needs for the page to accept it. */
  rowRequirements: RowRequirements;
  /** Addresses composed from their parts (district select / cascader + detail …). */
  addresses: Array<ComposedAddress<PageField>>;
  /** 办理方式 as the page shows it (a chosen radio / select), null when not shown or not chosen. */
  mode: ApplyMode | null;
}

export interface ReadPageOptions extends ReadFieldsOptions {
  /** The detector's verdict when the caller has it (the content script does); read from the page otherwise. */
  page?: PageInfo | null;
  /** The page's URL (defaults to the document's). */
  url?: string;
}

const ADDRESS_MEANINGS = new Set(['address.full', 'address.district', 'address.detail']);

/** The address parts of the page's fields, in order (fields in closed dialogs are stale: left out). */
export function addressParts(fields: readonly PageField[]): Array<AddressPart<PageField>> {
  return fields
    .filter((f) => f.meaning && ADDRESS_MEANINGS.has(f.meaning) && f.field.dialog !== 'closed')
    .map((f) => ({
      // a district chosen in a select / cascader labelled 邮寄地址 is the district part of that address
      meaning: (f.meaning === 'address.full' && f.field.kind !== 'text' ? 'address.district' : f.meaning) as AddressPart['meaning'],
      labels: [...f.field.evidence.map((e) => e.text), f.field.section],
      value: f.field.value,
      ref: f,
    }))
    .map((p, i, all) => {
      // …unless it is the only address field of its label: then it starts the address (取件地址 [区▼])
      if (p.ref.meaning === 'address.full' && p.meaning === 'address.district' && !all.some((o, j) => j !== i && o.ref.meaning === 'address.full')) return { ...p, meaning: 'address.full' as const };
      return p;
    });
}

/** 办理方式 from an answered mode field: the option words, or 是/否 to 是否委托 / 是否本人办理. */
export function modeOf(field: PageField): ApplyMode | null {
  const v = normalizeLabel(field.field.value);
  if (!v || v === 'on') return null;
  if (v === '是' || v === '否') {
    const selfQuestion = normalizeLabel(field.field.label).includes('本人');
    return (v === '是') === selfQuestion ? 'self' : 'delegated';
  }
  return MODE_WORDS.find((m) => m.words.some((w) => v.includes(w)))?.mode ?? null;
}

function readMode(root: Document | Element, fields: readonly PageField[]): ApplyMode | null {
  for (const f of fields) {
    if (f.meaning !== 'mode' || f.field.dialog === 'closed') continue;
    const m = modeOf(f);
    if (m) return m;
  }
  // radio-like widgets without native inputs: an element marked checked with the option text
  for (const el of Array.from(root.querySelectorAll('.is-checked, .is-active, [aria-checked="true"]'))) {
    const t = normalizeLabel(el.textContent ?? '');
    if (t.length > 8 || !/办理|办$/.test(t) || !isVisible(el)) continue;
    const hit = MODE_WORDS.find((m) => m.words.some((w) => t.includes(w)));
    if (hit) return hit.mode;
  }
  return null;
}

/**
 * Only what a new invoice row needs (the panel asks every few seconds): the invoice tables and the fields of
 * the dialogs in the page — cheaper than reading the whole page.
 */
export function readRowRequirements(root: Document | Element): RowRequirements {
  const tables = readInvoiceTables(root);
  const all = Array.from(root.querySelectorAll(DIALOG_SELECTOR));
  const dialogs = all.filter((d) => !all.some((o) => o !== d && o.contains(d)));
  const fields = dialogs.flatMap((d) => readFields(d, { includeHidden: true, frames: false }, tables));
  return rowRequirements(fields, tables);
}

/** Read the page once. */
export function readPageModel(root: Document | Element, options: ReadPageOptions = {}): PageModel {
  const doc = root.nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
  const url = options.url ?? doc.location?.href ?? '';
  const page = options.page !== undefined ? options.page : detectPage(takeSnapshot(doc, url));
  const tables = readInvoiceTables(root);
  const fields = readFields(root, { ...options, includeHidden: true }, tables);
  const item = (page && page.item) || itemShown(doc, url);
  return {
    page,
    item,
    step: page?.kind === 'application' ? page.step : 'unknown',
    fields,
    uploads: readUploads(root),
    invoiceTables: tables,
    rowRequirements: rowRequirements(fields, tables),
    addresses: composeAddresses(addressParts(fields)),
    mode: readMode(root, fields),
  };
}
