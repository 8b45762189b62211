/**
 * Addresses as a person reads them: a mailing (邮寄) or pick-up (取件) address may be split over several
 * controls — province / city / district selects or a cascader, plus a detail line. They are composed in page
 * order ("上海市" + "松江区" + "泗泾镇泗通路…") before anything judges them, so an explicit district chosen in
 * its own select counts (the classifier then lets it outrank place names inside street or community names).
 */
import { PICKUP_TERMS } from './vocabulary';
import { normalizeLabel } from './text';
import type { Meaning } from './meanings';

export type AddressGroup = 'mailing' | 'pickup';

export interface AddressPart<T = unknown> {
  meaning: Extract<Meaning, 'address.full' | 'address.district' | 'address.detail'>;
  /** Label words (all evidence texts) — decide mailing vs pick-up. */
  labels: string[];
  value: string;
  /** Whatever the caller wants back (the field, its element). */
  ref: T;
}

export interface ComposedAddress<T = unknown> {
  group: AddressGroup;
  /** The composed text ('' when every part is empty). */
  text: string;
  parts: Array<AddressPart<T>>;
}

/** A cascader shows "上海市 / 市辖区 / 松江区": no separators, no 市辖区 / 县辖区. */
export function addressValue(v: string): string {
  return v
    .trim()
    .replace(/\s*\/\s*/g, '')
    .replace(/市辖区|县辖区/g, '');
}

function groupOf(labels: string[]): AddressGroup | null {
  const t = normalizeLabel(labels.join(' '));
  if (PICKUP_TERMS.some((w) => t.includes(w))) return 'pickup';
  return null;
}

/**
 * Compose the address parts of a page (in document order): a full-address field starts (or continues) its
 * group; district parts before it wait for it; a detail line belongs to the group above it (mailing when none).
 */
export function composeAddresses<T>(parts: ReadonlyArray<AddressPart<T>>): Array<ComposedAddress<T>> {
  const byGroup = new Map<AddressGroup, Array<AddressPart<T>>>();
  const add = (g: AddressGroup, p: AddressPart<T>) => byGroup.set(g, [...(byGroup.get(g) ?? []), p]);
  let current: AddressGroup | null = null;
  let pending: Array<AddressPart<T>> = [];
  for (const p of parts) {
    const named = groupOf(p.labels);
    if (p.meaning === 'address.full') {
      current = named ?? 'mailing';
      for (const x of pending.splice(0)) add(current, x);
      add(current, p);
    } else if (p.meaning === 'address.district') {
      if (named) current = named;
      if (current) add(current, p);
      else pending.push(p);
    } else {
      const target = named ?? current ?? 'mailing';
      for (const x of pending.splice(0)) add(target, x);
      add(target, p);
    }
  }
  if (pending.length) for (const x of pending) add(current ?? 'mailing', x);
  return Array.from(byGroup, ([group, ps]) => ({ group, parts: ps, text: ps.map((x) => addressValue(x.value)).filter(Boolean).join('') }));
}
