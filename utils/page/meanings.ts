/**
 * The meanings a form field can have on the 零星报销 application. A meaning is a stable key (`claimant.name` …):
 * user-taught mappings store it, reports name it, autofill fills it, the guard reads it.
 */

export const PERSON_MEANINGS = [
  'claimant.name',
  'claimant.idNumber',
  'claimant.idType',
  'claimant.gender',
  'claimant.birthDate',
  'claimant.phone',
  'claimant.bankName',
  'claimant.bankAccount',
  'claimant.bankAccountName',
  'agent.name',
  'agent.idNumber',
  'agent.idType',
  'agent.phone',
] as const;

export const ADDRESS_MEANINGS = ['address.full', 'address.district', 'address.detail', 'address.postcode'] as const;

export const INVOICE_MEANINGS = [
  'invoice.code',
  'invoice.number',
  'invoice.date',
  'invoice.visitType',
  'invoice.hospital',
  'invoice.amount',
  'invoice.period',
  'invoice.periodStart',
  'invoice.periodEnd',
  // read from invoice tables (and the claim's recognised invoices); never filled from a profile
  'invoice.insuranceType',
  'invoice.payerName',
] as const;

export const MEANINGS = [...PERSON_MEANINGS, ...ADDRESS_MEANINGS, 'mode', 'applicationDate', ...INVOICE_MEANINGS] as const;

export type Meaning = (typeof MEANINGS)[number];
export type InvoiceMeaning = (typeof INVOICE_MEANINGS)[number];

/** A user-taught mapping may also say "never fill this label". */
export const IGNORE = 'ignore' as const;
export type TaughtMeaning = Meaning | typeof IGNORE;

export function isMeaning(value: string): value is Meaning {
  return (MEANINGS as readonly string[]).includes(value);
}
export function isTaughtMeaning(value: string): value is TaughtMeaning {
  return value === IGNORE || isMeaning(value);
}
export function isInvoiceMeaning(m: Meaning): m is InvoiceMeaning {
  return m.startsWith('invoice.');
}

/** Plain Chinese names of the meanings (options page, reports). i18n keys live in locales/autofill.json. */
export const MEANING_LABEL_KEYS: Record<TaughtMeaning, string> = {
  'claimant.name': 'autofillMeaningClaimantName',
  'claimant.idNumber': 'autofillMeaningClaimantIdNumber',
  'claimant.idType': 'autofillMeaningClaimantIdType',
  'claimant.gender': 'autofillMeaningClaimantGender',
  'claimant.birthDate': 'autofillMeaningClaimantBirthDate',
  'claimant.phone': 'autofillMeaningClaimantPhone',
  'claimant.bankName': 'autofillMeaningClaimantBankName',
  'claimant.bankAccount': 'autofillMeaningClaimantBankAccount',
  'claimant.bankAccountName': 'autofillMeaningClaimantBankAccountName',
  'agent.name': 'autofillMeaningAgentName',
  'agent.idNumber': 'autofillMeaningAgentIdNumber',
  'agent.idType': 'autofillMeaningAgentIdType',
  'agent.phone': 'autofillMeaningAgentPhone',
  'address.full': 'autofillMeaningAddressFull',
  'address.district': 'autofillMeaningAddressDistrict',
  'address.detail': 'autofillMeaningAddressDetail',
  'address.postcode': 'autofillMeaningAddressPostcode',
  mode: 'autofillMeaningMode',
  applicationDate: 'autofillMeaningApplicationDate',
  'invoice.code': 'autofillMeaningInvoiceCode',
  'invoice.number': 'autofillMeaningInvoiceNumber',
  'invoice.date': 'autofillMeaningInvoiceDate',
  'invoice.visitType': 'autofillMeaningInvoiceVisitType',
  'invoice.hospital': 'autofillMeaningInvoiceHospital',
  'invoice.amount': 'autofillMeaningInvoiceAmount',
  'invoice.period': 'autofillMeaningInvoicePeriod',
  'invoice.periodStart': 'autofillMeaningInvoicePeriodStart',
  'invoice.periodEnd': 'autofillMeaningInvoicePeriodEnd',
  'invoice.insuranceType': 'autofillMeaningInvoiceInsuranceType',
  'invoice.payerName': 'autofillMeaningInvoicePayerName',
  ignore: 'autofillMeaningIgnore',
};
