/** Who files for whom, and the values the engine fills the page's meanings with (from the chosen profiles). */
import type { InvoiceRowValues, ItemKind, PersonValues } from '@/utils/schemas';

export type InsuranceKind = ItemKind | 'unknown';

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

export type { ItemKind, InvoiceRowValues, PersonValues };
