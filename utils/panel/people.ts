import type { Profile } from '@/utils/profiles/schema';
import type { PersonValues } from '@/utils/autofill';
import type { ClaimContext } from './messages';
import { idBirthDate } from '@/utils/profiles/schema';

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

export function ageOn(birth: string, today: Date): number {
  const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age--;
  return age;
}

/** What the guard needs about the claim that the page does not show. */
export function claimContextOf(p: Profile, delegated: boolean, today = new Date()): ClaimContext {
  const birth = idBirthDate(p.idNumber);
  return {
    claimantName: p.name,
    claimantIdNumber: p.idNumber,
    isMinor: birth ? ageOn(birth, today) < 18 : undefined,
    deceased: p.deceased ?? false,
    delegated,
    claimantInsurance: p.insuranceType,
    invoices: [],
  };
}
