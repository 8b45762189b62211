/**
 * The guard's view of the application (`ApplicationState`) reduced to facts without values — whether the
 * claimant is named, a minor, deceased; the address classifier's verdict; per invoice: inpatient, which
 * insurance, whether the payer is the claimant, repeated or filed before. Enough for a replay to rebuild the
 * same situation with made-up people and get the same warnings; nothing that identifies anyone.
 */
import { classifyAddress } from '@/utils/address';
import { claimantIsMinor, sameName } from '@/utils/guard/claimant';
import { insuranceKind, isInpatient, normalizeNumber } from '@/utils/guard/invoices';
import type { ApplicationState } from '@/utils/guard';
import type { GuardFacts } from './schema';

const verdictOf = (text: string | undefined, present: boolean): GuardFacts['address'] => (!present ? 'none' : classifyAddress(text ?? '').verdict);

/**
 * `page.rowsOnPage`: the page's invoice tables hold rows (then the state's invoices are those rows, merged with
 * what the panel read; else they are what the panel read). `page.mailing` / `pickup`: the page has that address.
 */
export function guardFacts(state: ApplicationState, page: { rowsOnPage: boolean; mailing: boolean; pickup: boolean }): GuardFacts {
  const earlier = new Set(state.history.map(normalizeNumber));
  const seen = new Set<string>();
  const name = state.claimant.name?.trim();
  return {
    page: state.page,
    mode: state.mode,
    claimant: { name: !!name, idNumber: !!state.claimant.idNumber?.trim(), minor: claimantIsMinor(state), deceased: !!state.claimant.deceased },
    address: verdictOf(state.address, page.mailing || !!state.address),
    pickupAddress: verdictOf(state.pickupAddress, page.pickup || !!state.pickupAddress),
    invoices: state.invoices.map((inv) => {
      const n = normalizeNumber(inv.number);
      const repeated = !!n && seen.has(n);
      if (n) seen.add(n);
      const payer = inv.payerName?.trim();
      return {
        onPage: page.rowsOnPage,
        number: !!n,
        inpatient: isInpatient(inv),
        insurance: insuranceKind(inv.insuranceType),
        payer: !payer ? 'none' : !name || sameName(payer, name) ? 'same' : 'other',
        repeated,
        filedBefore: !!n && earlier.has(n),
      };
    }),
  };
}
