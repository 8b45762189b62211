/**
 * The meanings a form field can have for the 零星报销 application, and the values the engine fills them with.
 * A meaning is a stable key (`claimant.name` …): user-taught mappings store it, reports name it.
 */
import type { InvoiceFields } from '@/utils/invoice/types';

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
  ignore: 'autofillMeaningIgnore',
};

/** One person's values as the profile holds them. */
export interface PersonValues {
  name: string;
  idNumber: string;
  phone: string;
  /** Full mailing address, e.g. 上海市松江区泗泾镇泗通路225弄3号101室 */
  mailingAddress: string;
  bankName: string;
  bankAccount: string;
  /** Defaults to `name`. */
  bankAccountName?: string;
  postcode?: string;
}

export type ItemKind = 'employee' | 'resident';
export type InsuranceKind = 'employee' | 'resident' | 'unknown';

/** Who files for whom. `agent: null` = 本人办理 (the account holder is the claimant). */
export interface FillContext {
  /** 报销人: the person named on the invoices. */
  claimant: PersonValues;
  /** 委托人: the logged-in 一网通办 account holder, when it is not the claimant. */
  agent: PersonValues | null;
  /** Which item page this is (职保 / 居保), when known. */
  item: ItemKind | null;
  /** The claimant's insurance type (from the profile or the invoices), when known. */
  claimantInsurance: InsuranceKind | null;
  /** Replace values already present in the form ("覆盖"). Default false. */
  overwrite?: boolean;
}

/** One invoice row as the invoice engine reads it (names as in `utils/invoice/types`). */
export type InvoiceRowValues = Partial<
  Pick<InvoiceFields, 'invoiceCode' | 'invoiceNumber' | 'issueDate' | 'visitType' | 'hospital' | 'totalAmount' | 'hospitalizationPeriod'>
>;
