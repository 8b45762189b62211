import type { ApplicationState, GuardPage } from '../state';

/** block-worthy: the application will be turned back; warning: very likely wrong; soft: please check. */
export type Severity = 'block-worthy' | 'warning' | 'soft';

export const SEVERITY_RANK: Record<Severity, number> = { 'block-worthy': 0, warning: 1, soft: 2 };

export type RuleCode =
  | 'missing-bank-card'
  | 'missing-insurance-card'
  | 'missing-id-document'
  | 'missing-agent-id'
  | 'missing-discharge-summary'
  | 'missing-invoice-detail'
  | 'address-outside-songjiang'
  | 'address-unverified'
  | 'insurance-type-mismatch'
  | 'payer-name-mismatch'
  | 'duplicate-invoice';

/** An i18n key (locales/guard.json) with its positional substitutions ($1 …). */
export interface Message {
  key: string;
  params: string[];
}

/** What a rule's `when` returns: the params of its message, and a more specific key if needed. */
export interface Hit {
  key?: string;
  params?: Array<string | number>;
}

export interface Finding {
  code: RuleCode;
  severity: Severity;
  message: Message;
}

export interface Rule {
  code: RuleCode;
  severity: Severity;
  /** Pages the rule judges. */
  pages: readonly GuardPage[];
  /** Default message key; `when` may name a variant. */
  message: string;
  /** The sentence of the announcement / PROCEDURE.md the rule enforces. */
  source: string;
  when: (state: ApplicationState) => Hit | null;
}

export const defineRule = (rule: Rule): Rule => rule;
