/**
 * Public API of the autofill engine. Runs inside a content script (isolated world): it only uses the DOM,
 * never page globals, and makes no network requests. It reads the page through the page model (utils/page).
 *
 *   const report = await runAutofill(document, { claimant, agent, item, claimantInsurance, overwrite }, { mappings });
 *   report.summary.text  // "已填写 8 项，2 项需要您手动填写\n「银行卡号」：资料里没有这一项 …"
 */
export * from './context';
export type * from './types';
export { runAutofill, skipMessage } from './fill';
export { planFill, addressDetail, bankCandidates } from './plan';
export { clearOutlines, OUTLINE_CLASS } from './outline';
export { fillInvoiceDialog, findInvoiceRows, findButtonByText, type InvoiceRow } from './invoice-row';
export { driverFor } from './drivers';
// the page model's readers, for callers that used them from here
export { readFields, collectFields, matchFields, analyseLabel, THRESHOLD, isStarred, normalizeLabel, isTaughtMeaning, isMeaning, MEANINGS, IGNORE, MEANING_LABEL_KEYS } from '@/utils/page';
export type { Meaning, TaughtMeaning, InvoiceMeaning } from '@/utils/page';
