/**
 * Public API of the autofill engine. Runs inside a content script (isolated world): it only uses the DOM,
 * never page globals, and makes no network requests.
 *
 *   const report = await runAutofill(document, { claimant, agent, item, claimantInsurance, overwrite }, { mappings });
 *   report.summary.text  // "已填写 8 项，2 项需要您手动填写\n「银行卡号」：资料里没有这一项 …"
 */
export * from './meanings';
export type * from './types';
export { runAutofill, skipMessage } from './fill';
export { collectFields, sectionOf } from './collect';
export { matchFields, analyseLabel, THRESHOLD } from './match';
export { planFill, addressDetail, bankCandidates } from './plan';
export { isStarred } from './starred';
export { normalizeLabel } from './normalize';
export { clearOutlines, OUTLINE_CLASS } from './outline';
export { fillInvoiceDialog, findInvoiceRows, findButtonByText, type InvoiceRow } from './invoice-row';
export { driverFor } from './drivers';
