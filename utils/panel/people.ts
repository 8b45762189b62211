import type { Profile } from '@/utils/profiles/schema';
import type { ClaimContext, PersonValues } from '@/utils/schemas';
import { idFacts } from '@/utils/id-facts';

/** Only the values a form may receive from a profile. */
export function toPersonValues(p: Profile): PersonValues {
  return {
    name: p.name,
    idNumber: p.idNumber,
    phone: p.phone,
    mailingAddress: p.mailingAddress,
    bankName: p.bankName,
    bankAccount: p.bankAccount,
    bankAccountName: p.bankAccountName ?? p.name,
    ...(p.postcode ? { postcode: p.postcode } : {}),
  };
}

/** What the guard needs about the claim that the page does not show. */
export function claimContextOf(p: Profile, delegated: boolean, today = new Date()): ClaimContext {
  const id = idFacts(p.idNumber, today);
  return {
    claimantName: p.name,
    claimantIdNumber: p.idNumber,
    isMinor: id.isMinor ?? undefined,
    deceased: p.deceased ?? false,
    delegated,
    claimantInsurance: p.insuranceType,
    invoices: [],
  };
}
