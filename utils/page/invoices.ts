/**
 * 发票信息 as the page shows it: tables whose header names 票据号码 / 票据代码 (Element splits header and body
 * into two tables; Ant / iView / plain tables too), their columns with meanings from the one vocabulary, the
 * rows already there, and the row dialog (新增发票) — with the values a row must have for the page to accept it.
 */
import { analyseLabel } from './meaning';
import { closestDialog, isHelperNode, textOf } from './dom';
import { isInvoiceMeaning, type InvoiceMeaning, type Meaning } from './meanings';
import { selectedOptionText } from './value';
import type { PageField } from './types';

export interface InvoiceColumn {
  header: string;
  meaning: InvoiceMeaning | null;
}

export interface InvoiceTableRow {
  element: Element;
  /** Cell values by meaning (票据号码 → `invoice.number` …), as shown. */
  values: Partial<Record<InvoiceMeaning, string>>;
}

export interface InvoiceTable {
  element: Element;
  columns: InvoiceColumn[];
  rows: InvoiceTableRow[];
}

/** Meaning of an invoice-table header; a person column (患者姓名, 就诊人, 姓名) there is the payer. */
export function columnMeaning(header: string): InvoiceMeaning | null {
  const a = analyseLabel(header);
  if (!a.concept || a.score < 0.6) return null;
  if (a.concept === 'name') return 'invoice.payerName';
  const m = a.concept as Meaning;
  return isInvoiceMeaning(m) ? m : null;
}

const TABLES = '.el-table, .ant-table, .ivu-table, table';
const isKeyColumn = (c: InvoiceColumn) => c.meaning === 'invoice.number' || c.meaning === 'invoice.code';

function cellValue(cell: Element): string {
  const control = cell.querySelector('input, select, textarea') as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null;
  // a cell holding a control shows what the control holds (an empty select is empty, not its option list)
  if (control && !(control instanceof HTMLInputElement && control.type === 'hidden')) {
    return control.tagName === 'SELECT' ? selectedOptionText(control as HTMLSelectElement) : control.value.trim();
  }
  return textOf(cell.querySelector('.cell') ?? cell);
}

function rowsFrom(columns: InvoiceColumn[], rows: Element[]): InvoiceTableRow[] {
  const out: InvoiceTableRow[] = [];
  for (const tr of rows) {
    if (tr.classList.contains('el-table__empty-block')) continue;
    const cells = Array.from(tr.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
    if (cells.length < 2 || cells.some((c) => Number(c.getAttribute('colspan') ?? 1) > 2)) continue; // 暂无数据
    const values: InvoiceTableRow['values'] = {};
    cells.forEach((cell, i) => {
      const m = columns[i]?.meaning;
      const v = cellValue(cell);
      if (m && v && v !== '-' && !values[m]) values[m] = v;
    });
    if (Object.keys(values).length) out.push({ element: tr, values });
  }
  return out;
}

/**
 * Every invoice table of the application (not inside a dialog; a hidden step pane's table still holds the
 * application's invoices): header cells → columns with meanings; body rows → values by meaning. Only tables
 * with a 票据号码 or 票据代码 column count.
 */
export function readInvoiceTables(root: Document | Element): InvoiceTable[] {
  const out: InvoiceTable[] = [];
  const inside = new Set<Element>();
  const all = Array.from(root.querySelectorAll(TABLES));
  for (const el of all) {
    if (inside.has(el) || isHelperNode(el) || closestDialog(el)) continue;
    if (el.parentElement?.closest('.el-table, .ant-table, .ivu-table')) continue;
    let headers: Element[];
    let bodyRows: Element[];
    if (el.tagName === 'TABLE') {
      // this table's own header row (a form laid out in a table may hold the invoice table in a cell)
      const own = Array.from(el.querySelectorAll('tr')).filter((tr) => tr.closest('table') === el);
      const headRow = own.find((tr) => tr.parentElement?.tagName === 'THEAD') ?? own[0];
      if (!headRow) continue;
      headers = Array.from(headRow.children);
      bodyRows = Array.from(el.querySelectorAll('tr')).filter((tr) => tr !== headRow && tr.closest('table') === el && !tr.closest('thead'));
    } else {
      // a component table: header and body may be separate <table>s
      el.querySelectorAll('table').forEach((t) => inside.add(t));
      const headRow = el.querySelector('.el-table__header-wrapper thead tr, .ant-table-thead tr, .ivu-table-header thead tr, thead tr');
      if (!headRow) continue;
      headers = Array.from(headRow.children).filter((th) => !th.classList.contains('gutter'));
      const body = el.querySelector('.el-table__body-wrapper, .ant-table-tbody, .ivu-table-body, tbody') ?? el;
      bodyRows = Array.from(body.querySelectorAll('tr')).filter((tr) => !tr.closest('thead') && !tr.querySelector('th'));
    }
    const columns = headers.map((h) => ({ header: textOf(h), meaning: columnMeaning(textOf(h)) }));
    if (!columns.some(isKeyColumn)) continue;
    out.push({ element: el, columns, rows: rowsFrom(columns, bodyRows) });
  }
  return out;
}

/**
 * Fields typed into an invoice table's cells are invoice data: a person column there (患者姓名, 就诊人) is the
 * invoice's payer, never the claimant's name to fill from a profile; other person meanings there mean nothing.
 */
export function inInvoiceTables(fields: PageField[], tables: readonly InvoiceTable[]): PageField[] {
  if (!tables.length) return fields;
  return fields.map((f) => {
    const m = f.meaning;
    if (!m || isInvoiceMeaning(m) || !tables.some((t) => t.element.contains(f.field.element))) return f;
    const payer = m === 'claimant.name' || m === 'agent.name';
    return { ...f, meaning: payer ? 'invoice.payerName' : null, reason: `${f.reason} (in an invoice table)` };
  });
}

/** The row meanings a helper can fill (the rest — 医保类型, 交款人 — are only read). */
export const ROW_MEANINGS: readonly InvoiceMeaning[] = [
  'invoice.code',
  'invoice.number',
  'invoice.date',
  'invoice.visitType',
  'invoice.hospital',
  'invoice.amount',
  'invoice.period',
  'invoice.periodStart',
  'invoice.periodEnd',
];

export interface RowRequirements {
  /** Values a row must have for the page to accept it. */
  meanings: InvoiceMeaning[];
  /** Where that was read: the row dialog's starred fields and / or the table's columns. */
  source: 'dialog' | 'columns' | 'dialog+columns' | 'none';
}

const fillable = (m: string | null | undefined): m is InvoiceMeaning => !!m && (ROW_MEANINGS as readonly string[]).includes(m);

/**
 * What the page's row dialog requires: its starred invoice fields when the dialog is in the page (open or
 * closed — Element renders it only once opened), and the values the table shows for every row (a column is a
 * value the dialog asks for).
 */
export function rowRequirements(fields: readonly PageField[], tables: readonly InvoiceTable[]): RowRequirements {
  const starred = fields.filter((f) => f.field.dialog !== null && f.field.starred && fillable(f.meaning)).map((f) => f.meaning as InvoiceMeaning);
  const cols = tables.flatMap((t) => t.columns.map((c) => c.meaning)).filter(fillable);
  const meanings = [...new Set([...starred, ...cols])];
  const source = starred.length && cols.length ? 'dialog+columns' : starred.length ? 'dialog' : cols.length ? 'columns' : 'none';
  return { meanings: ROW_MEANINGS.filter((m) => meanings.includes(m)), source };
}
