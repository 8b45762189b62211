import type { Profile } from '@/utils/profiles/schema';
import type { PersonValues } from '@/utils/autofill';
import type { ClaimContext } from './messages';
import { validateIdNumber } from '@/utils/validate';

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
  const id = validateIdNumber(p.idNumber, today);
  return {
    claimantName: p.name,
    claimantIdNumber: p.idNumber,
    isMinor: id.isMinor,
    deceased: p.deceased ?? false,
    delegated,
    claimantInsurance: p.insuranceType,
    invoices: [],
  };
}
