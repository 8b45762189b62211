/**
 * What the report needs from the live page beyond the page model's summary: the iframes, the option texts of
 * custom selects (the summary has none: libraries draw them only when opened), and the values the page holds
 * now — the anonymiser scrubs those wherever they would appear. The values never go into the report.
 */
import { textOf } from '@/utils/page/dom';
import type { PageModel } from '@/utils/page/model';
import type { ClaimContext } from '@/utils/schemas';

/** The frames of the page (the helper's own frames left out). */
export function pageFrames(doc: Document): Array<{ src: string; name: string }> {
  return Array.from(doc.querySelectorAll<HTMLIFrameElement>('iframe, frame'))
    .map((f) => ({ src: f.src || f.getAttribute('src') || '', name: f.name || '' }))
    .filter((f) => !/^(chrome|moz)-extension:/.test(f.src));
}

const OPTION_ITEMS = '.el-select-dropdown__item, .el-cascader-node__label, [role="option"], .ant-select-item-option, .ivu-select-item, dd[lay-value]';
const MAX_OPTIONS = 80;

/**
 * Option texts of a custom select or cascader: the items inside the widget (Element UI keeps its list there until
 * first opened, layui always) or in the list its `aria-controls` / `aria-owns` names (Element Plus, Ant).
 * Empty when the list is not in the page (never opened, rendered on demand).
 */
export function dropdownOptions(root: Element): string[] {
  const doc = root.ownerDocument;
  const lists: Element[] = [root];
  for (const el of [root, ...Array.from(root.querySelectorAll('[aria-controls], [aria-owns]'))]) {
    for (const attr of ['aria-controls', 'aria-owns']) {
      for (const id of (el.getAttribute(attr) ?? '').split(/\s+/)) {
        const list = id ? doc.getElementById(id) : null;
        if (list && !lists.includes(list)) lists.push(list);
      }
    }
  }
  const out: string[] = [];
  for (const list of lists) {
    for (const item of Array.from(list.querySelectorAll(OPTION_ITEMS))) {
      if (item.matches('.layui-select-tips')) continue;
      const t = textOf(item);
      if (t && !out.includes(t) && out.length < MAX_OPTIONS) out.push(t);
    }
  }
  return out;
}

/** Option lists of the custom selects / cascaders that show none in the model, by field id. */
export function customOptions(model: PageModel, idOf: (index: number) => string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { field } of model.fields) {
    if ((field.kind !== 'custom-select' && field.kind !== 'cascader') || field.options.length > 0) continue;
    const opts = dropdownOptions(field.element);
    if (opts.length) out[idOf(field.index)] = opts;
  }
  return out;
}

/**
 * Every value the page holds now (typed or filled text, dates, the chosen entries of selects, invoice cells, file
 * names) and what the panel told this frame (names, ID numbers, payers). Only for scrubbing: never reported.
 */
export function pageValues(model: PageModel, claim: ClaimContext | null): string[] {
  const out: string[] = [];
  for (const { field } of model.fields) {
    if (field.kind === 'checkbox' || !field.value) continue;
    out.push(field.value, ...field.value.split(/\s*[/／,，、]\s*/));
  }
  for (const t of model.invoiceTables) for (const r of t.rows) out.push(...Object.values(r.values).filter((v): v is string => typeof v === 'string'));
  for (const u of model.uploads) for (const f of u.files) out.push(f, f.replace(/\.[A-Za-z0-9]{1,5}$/, ''));
  if (claim) {
    out.push(claim.claimantName ?? '', claim.claimantIdNumber ?? '');
    for (const inv of claim.invoices ?? []) out.push(inv.payerName ?? '', inv.number ?? '', inv.code ?? '');
  }
  return out.filter((v) => v.trim() !== '');
}
