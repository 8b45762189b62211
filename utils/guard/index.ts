/**
 * The pre-submission guard (issue 7). The content script needs only `installGuard`; the rest is
 * here for the panel (findings of the page as it is) and the options page (live address note).
 *
 *   installGuard({ root: document, getContext: async () => guardContextFrom(claim, page, history) })
 */
export { installGuard, type InstallGuardOptions, type GuardHandle, type GuardEvent, type ProceedEvent } from './intercept';
export { guardContextFrom } from './context';
export { readPage, stateFromModel, type GuardContext } from './read-page';
export { evaluate } from './evaluate';
export { RULES, type Rule, type Finding, type Severity, type RuleCode } from './rules';
export { installAddressNotes } from './live-address';
export type { ApplicationState } from './state';
