/**
 * 发票信息 rows (issue 6): fill one row dialog with the same collect / match / drivers as the profile fill,
 * read the rows already in the table (to avoid adding an invoice twice), and find the page's buttons by text.
 * Clicking 新增 / 确定 is the caller's decision.
 */
import { fillRoot } from './fill';
import { readInvoiceTables } from '@/utils/page/invoices';
import { isVisible, textOf } from '@/utils/page/dom';
import type { InvoiceRowValues, FillContext } from './context';
import type { AutofillOptions, FillReport } from './types';

const NOBODY: FillContext = {
  claimant: { name: '', idNumber: '', phone: '', mailingAddress: '', bankName: '', bankAccount: '' },
  agent: null,
  item: null,
  claimantInsurance: null,
};

/** Fill the fields of an invoice-row dialog (票据代码, 票据号码, 开票日期, 就诊类型, 医疗机构, 金额, 住院起止). */
export async function fillInvoiceDialog(dialogRoot: Document | Element, invoice: InvoiceRowValues, options: AutofillOptions & { overwrite?: boolean } = {}): Promise<FillReport> {
  return fillRoot(dialogRoot, { ...NOBODY, overwrite: options.overwrite ?? false }, options, { scope: 'invoice', invoice });
}

export interface InvoiceRow {
  number: string;
  code: string | null;
  row: Element;
}

/** Rows already in the 发票信息 table(s) (the page model's tables): their 票据号码 (and 票据代码 when shown). */
export function findInvoiceRows(root: Document | Element): InvoiceRow[] {
  const out: InvoiceRow[] = [];
  for (const table of readInvoiceTables(root)) {
    const hasCode = table.columns.some((c) => c.meaning === 'invoice.code');
    for (const r of table.rows) {
      const number = (r.values['invoice.number'] ?? '').replace(/\s+/g, '');
      if (!number || !/\d/.test(number)) continue;
      out.push({ number, code: hasCode ? (r.values['invoice.code'] ?? '').replace(/\s+/g, '') || null : null, row: r.element });
    }
  }
  return out;
}

/** Never returned, whatever the caller asks: the helper does not submit. */
const NEVER = ['提交', '下一步', '保存并提交', '确认提交', '办结'];

/**
 * A visible button whose text is one of `texts` (spaces, "+" and icons ignored), exact match first, then a
 * button starting with it. Submit / next buttons are never returned.
 */
export function findButtonByText(root: Document | Element, texts: string[]): HTMLElement | null {
  const norm = (s: string) => s.normalize('NFKC').replace(/[\s+＋]/g, '');
  const wanted = texts.map(norm).filter((w) => !NEVER.includes(w));
  const candidates = Array.from(
    root.querySelectorAll('button, [role="button"], a, input[type="button"], .el-button, .ant-btn, .ivu-btn, .btn'),
  ) as HTMLElement[];
  const label = (b: HTMLElement) => norm(b.tagName === 'INPUT' ? (b as HTMLInputElement).value : textOf(b));
  const usable = candidates.filter((b) => isVisible(b) && !(b as HTMLButtonElement).disabled && !b.classList.contains('is-disabled') && !NEVER.includes(label(b)));
  for (const w of wanted) {
    const hit = usable.find((b) => label(b) === w);
    if (hit) return hit.closest('button, .el-button, .ant-btn, .btn') as HTMLElement ?? hit;
  }
  for (const w of wanted) {
    const hit = usable.find((b) => label(b).startsWith(w) && label(b).length <= w.length + 4);
    if (hit) return hit.closest('button, .el-button, .ant-btn, .btn') as HTMLElement ?? hit;
  }
  return null;
}
