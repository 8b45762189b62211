/**
 * The guard's rules — ONE table. Each rule is a small module named after its code; add or
 * remove a rule here. Order within a severity is the order the user reads the findings.
 */
import missingBankCard from './missing-bank-card';
import missingInsuranceCard from './missing-insurance-card';
import missingIdDocument from './missing-id-document';
import missingAgentId from './missing-agent-id';
import missingDischargeSummary from './missing-discharge-summary';
import missingInvoiceDetail from './missing-invoice-detail';
import addressOutsideSongjiang from './address-outside-songjiang';
import addressUnverified from './address-unverified';
import insuranceTypeMismatch from './insurance-type-mismatch';
import payerNameMismatch from './payer-name-mismatch';
import duplicateInvoice from './duplicate-invoice';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
  addressOutsideSongjiang,
  insuranceTypeMismatch,
  missingBankCard,
  missingInsuranceCard,
  missingIdDocument,
  missingAgentId,
  missingDischargeSummary,
  missingInvoiceDetail,
  payerNameMismatch,
  duplicateInvoice,
  addressUnverified,
];

export * from './types';
