/**
 * The pre-submission guard (issue 7). The content script installs `installGuard` with a presenter
 * for the findings (its in-page UI, components/inpage) and `watchAddresses` for the live note; the
 * rest is here for the panel (findings of the page as it is) and the options page.
 *
 *   installGuard({ root: document, getContext: async () => guardContextFrom(claim, page, history), present })
 */
export { installGuard, type InstallGuardOptions, type GuardHandle, type GuardEvent, type ProceedEvent, type Present, type Decision } from './intercept';
export { guardContextFrom } from './context';
export { readPage, type GuardContext } from './read-page';
export { evaluate } from './evaluate';
export { RULES, type Rule, type Finding, type Severity, type RuleCode } from './rules';
export { watchAddresses, addressNotes, type AddressNote, type AddressWatch } from './live-address';
export type { ApplicationState } from './state';
