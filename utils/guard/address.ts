/**
 * The addresses a page asks for, run through the shared classifier (utils/address): the same
 * verdict feeds the submit-time rules and the live note under the field.
 */
import { classifyAddress, type AddressVerdict } from '@/utils/address';
import type { ApplicationState } from './state';

export type AddressField = 'mailing' | 'pickup';

export const ADDRESS_FIELD_NAMES: Record<AddressField, string> = { mailing: '邮寄地址', pickup: '取件地址' };

export interface CheckedAddress {
  field: AddressField;
  text: string;
  verdict: AddressVerdict;
}

export function checkAddress(field: AddressField, text: string): CheckedAddress {
  return { field, text, verdict: classifyAddress(text) };
}

/** 物流申请 judges the pick-up address; the application its 邮寄地址. */
export function addressesOf(state: ApplicationState): CheckedAddress[] {
  const out: CheckedAddress[] = [];
  if (state.page === 'application' && state.address?.trim()) out.push(checkAddress('mailing', state.address));
  if (state.pickupAddress?.trim()) out.push(checkAddress('pickup', state.pickupAddress));
  return out;
}
