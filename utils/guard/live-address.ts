/**
 * The address check while typing: which address (邮寄地址 on 基本信息, the 物流申请 pick-up address)
 * has something to say — outside 松江区, or cannot tell — and the control it belongs under. Re-checks
 * shortly after typing, choosing from a dropdown (Element selects set values without events) or
 * leaving a field. What is shown, and how, is the caller's (the content script's in-page UI).
 */
import { checkAddress, type AddressField } from './address';
import { isGuardNode } from './dom';
import { readAddresses, readFields } from './read-page';

const ADDRESS_MEANINGS = new Set(['mailingAddress', 'pickupAddress', 'region', 'addressDetail']);

export interface AddressNote {
  field: AddressField;
  /** The address's last control (the detail line sits last): the note goes under it. */
  anchor: Element;
  verdict: 'outside' | 'unknown';
  /** Plain words from the address classifier (already in the user's language). */
  message: string;
}

export interface AddressWatch {
  dispose(): void;
  /** Check now (tests; the content script after autofill). */
  refresh(): void;
}

/** What to say about the addresses on the page now (nothing for an address inside 松江区 or an empty one). */
export function addressNotes(doc: Document): AddressNote[] {
  const fields = readFields(doc).filter((f) => ADDRESS_MEANINGS.has(f.meaning));
  if (fields.length === 0) return [];
  const addresses = readAddresses(fields);
  const anchors: Partial<Record<AddressField, Element>> = {};
  let current: AddressField = 'mailing';
  for (const f of fields) {
    if (f.meaning === 'mailingAddress') current = 'mailing';
    if (f.meaning === 'pickupAddress') current = 'pickup';
    anchors[current] = f.control;
  }
  const out: AddressNote[] = [];
  for (const field of ['mailing', 'pickup'] as const) {
    const textValue = field === 'mailing' ? addresses.mailing : addresses.pickup;
    const anchor = anchors[field];
    const v = textValue?.trim() ? checkAddress(field, textValue).verdict : null;
    if (!anchor || !v || v.verdict === 'inside' || v.verdict === 'empty') continue;
    out.push({ field, anchor, verdict: v.verdict === 'outside' ? 'outside' : 'unknown', message: v.message });
  }
  return out;
}

/** Calls `show` with the notes shortly after the user types, picks or leaves a field (not in the guard's own UI). */
export function watchAddresses(doc: Document, show: (notes: AddressNote[]) => void, delayMs = 350): AddressWatch {
  const win = doc.defaultView!;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const refresh = () => {
    timer = null;
    show(addressNotes(doc));
  };
  const schedule = (e: Event) => {
    if (isGuardNode(e.target as Node)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(refresh, delayMs);
  };
  const events = ['input', 'change', 'focusout', 'click'] as const;
  for (const type of events) win.addEventListener(type, schedule, true);
  return {
    refresh,
    dispose() {
      for (const type of events) win.removeEventListener(type, schedule, true);
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
