/**
 * Adding invoice rows to the page (issue 6): for each invoice the user confirmed in the panel, click the page's
 * 新增, fill the row dialog through the same widget drivers as the profile fill, click the dialog's own 确定 /
 * 保存, and check the row appeared. Rows whose 票据号码 is already on the page are skipped. Nothing is ever
 * submitted: `findButtonByText` never returns 提交 / 下一步.
 */
import { fillInvoiceDialog, findButtonByText, findInvoiceRows } from './invoice-row';
import type { FillReport } from './types';
import { ERROR_SELECTOR } from './libraries';
import { isVisible, openDialogs, textOf } from '@/utils/page/dom';
import { readFields } from '@/utils/page/model';
import { t } from '@/utils/i18n';
import type { InvoiceRowOutcome } from '@/utils/schemas';

export const ADD_TEXTS = ['新增', '新增发票', '添加', '添加发票', '增加'];
const OK_TEXTS = ['确定', '确 定', '保存', '确认', '确 认'];
const CANCEL_TEXTS = ['取消', '取 消', '关闭'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(fn: () => T | null | undefined | false, timeoutMs: number, stepMs = 80): Promise<T | null> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) return null;
    await sleep(stepMs);
  }
}

/** No dialog backdrop left fading out (Bootstrap's .modal-backdrop, Element's .v-modal). */
async function settled(root: Document) {
  await waitFor(() => !Array.from(root.querySelectorAll('.modal-backdrop, .v-modal, .el-overlay')).some(isVisible) && !root.body.classList.contains('modal-open'), 2000);
  await sleep(150);
}

function dialogFor(root: Document, before: HTMLElement[]): HTMLElement | null {
  const open = openDialogs(root);
  const fresh = open.filter((d) => !before.includes(d));
  const pool = fresh.length ? fresh : open;
  return pool.find((d) => /发票|票据/.test(textOf(d))) ?? pool[pool.length - 1] ?? null;
}

const digits = (s: string) => s.replace(/\s+/g, '');
const hasRow = (root: Document, number: string, code?: string | null) =>
  findInvoiceRows(root).some((r) => digits(r.number) === digits(number) && (!code || !r.code || digits(r.code) === digits(code)));

type Problem = InvoiceRowOutcome['failed'][number];
const plain = (label: string) => label.replace(/[*＊:：\s]/g, '');

function failedFields(reports: FillReport[]): Problem[] {
  const out = new Map<string, Problem>();
  const last = reports[reports.length - 1];
  for (const r of reports) for (const x of r.rejected) out.set(plain(x.label), { label: plain(x.label), meaning: x.meaning, reason: x.reason });
  for (const m of last?.summary.manual ?? []) if (!out.has(plain(m.label))) out.set(plain(m.label), { label: plain(m.label), meaning: m.meaning ?? null, reason: m.reason });
  return Array.from(out.values());
}

/** The fields the page marks as wrong in its dialog, by their labels (read through the page model). */
function refusedFields(dialog: Element): Problem[] {
  const out: Problem[] = [];
  const fields = readFields(dialog, { includeHidden: true });
  // after a refused 确定 any help text showing in the dialog is the page's reason (a bare Bootstrap .help-block too)
  for (const e of Array.from(dialog.querySelectorAll(`${ERROR_SELECTOR}, .help-block, [role="alert"]`))) {
    const says = textOf(e);
    if (!says || !isVisible(e) || out.some((o) => o.reason === says)) continue;
    // the field whose item holds the message, else the item right before it
    const prev = e.previousElementSibling;
    const f = fields.find((x) => x.field.container?.contains(e)) ?? (prev ? fields.find((x) => prev === x.field.element || prev.contains(x.field.element)) : undefined) ?? null;
    out.push({ label: f ? plain(f.field.label) : '', meaning: f?.meaning ?? null, reason: says });
  }
  return out;
}

/** Adds one invoice row; the outcome says what happened in plain words. */
export async function addInvoiceRow(root: Document, id: string, values: Parameters<typeof fillInvoiceDialog>[1]): Promise<InvoiceRowOutcome> {
  const number = values.invoiceNumber ?? '';
  if (number && hasRow(root, number, values.invoiceCode)) return { id, status: 'duplicate', failed: [], message: t('invoiceUiRowDuplicate', number) };
  const before = openDialogs(root);
  const add = findButtonByText(root, ADD_TEXTS);
  if (!add) return { id, status: 'failed', failed: [], message: t('invoiceUiRowNoAddButton') };
  add.click();
  let dialog = await waitFor(() => dialogFor(root, before), 2500);
  if (!dialog) {
    // A dialog that was still closing can swallow the click (Bootstrap's fade): once more.
    await settled(root);
    findButtonByText(root, ADD_TEXTS)?.click();
    dialog = await waitFor(() => dialogFor(root, before), 2500);
  }
  if (!dialog) return { id, status: 'failed', failed: [], message: t('invoiceUiRowNoDialog') };
  await sleep(150); // opening animation
  const reports: FillReport[] = [await fillInvoiceDialog(dialog, values)];
  // Fields shown only after a choice (住院 → 住院起止日期): a second pass fills what appeared, keeps the rest.
  if (values.hospitalizationPeriod) {
    await sleep(150);
    reports.push(await fillInvoiceDialog(dialog, values));
  }
  const ok = findButtonByText(dialog.closest('.el-dialog__wrapper, .el-overlay, .modal, .ant-modal-wrap') ?? dialog, OK_TEXTS) ?? findButtonByText(dialog, OK_TEXTS);
  if (!ok) return { id, status: 'failed', failed: failedFields(reports), message: t('invoiceUiRowNoConfirm') };
  ok.click();
  const added = number ? await waitFor(() => hasRow(root, number, values.invoiceCode), 3000) : await waitFor(() => !isVisible(dialog), 3000);
  if (!added) {
    // Name what the page refused in plain words: 「医疗机构名称」：请输入医疗机构名称
    const refused = refusedFields(dialog);
    const failed = failedFields(reports);
    for (const r of refused) {
      const at = failed.findIndex((f) => f.label === r.label && r.label);
      if (at >= 0) failed[at] = r;
      else failed.push(r);
    }
    const words = refused.map((r) => (r.label ? t('invoiceUiRowRefusedField', r.label, r.reason) : r.reason));
    const cancel = findButtonByText(dialog.closest('.el-dialog__wrapper, .el-overlay, .modal, .ant-modal-wrap') ?? dialog, CANCEL_TEXTS);
    cancel?.click();
    await waitFor(() => !isVisible(dialog), 1500);
    return { id, status: 'failed', failed, message: t('invoiceUiRowRefused', words.join('；') || '—') };
  }
  // Let the dialog finish closing (and its backdrop fade) before the next 新增.
  await waitFor(() => !isVisible(dialog), 2000);
  await settled(root);
  return { id, status: 'added', failed: failedFields(reports) };
}

