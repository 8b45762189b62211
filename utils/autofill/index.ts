/**
 * Public API of the autofill engine. Runs inside a content script (isolated world): it only uses the DOM,
 * never page globals, and makes no network requests.
 *
 *   const report = await runAutofill(document, { claimant, agent, item, claimantInsurance, overwrite }, { mappings });
 */
export * from './meanings';
export type * from './types';
export { runAutofill } from './fill';
