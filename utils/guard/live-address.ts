/**
 * The address check while typing: a quiet note under 邮寄地址 (基本信息) and the 物流申请 pick-up
 * address, in plain words, only when there is something to say (outside 松江区, or cannot tell).
 * Re-checks shortly after typing, choosing from a dropdown (Element selects set values without
 * events) or leaving a field.
 */
import { t } from '@/utils/i18n';
import { checkAddress, type AddressField } from './address';
import { GUARD_HOST_ATTR, isGuardNode } from './dom';
import { readAddresses, readFields } from './read-page';

const ADDRESS_MEANINGS = new Set(['mailingAddress', 'pickupAddress', 'region', 'addressDetail']);
const NOTE_PLACE = '.el-form-item__content, .ant-form-item-control, [class*="col-sm-"], [class*="col-md-"], td, dd, .form-group, .el-form-item';

export interface AddressNotes {
  dispose(): void;
  /** Check now (tests; the content script after autofill). */
  refresh(): void;
}

export function installAddressNotes(doc: Document, delayMs = 350): AddressNotes {
  const win = doc.defaultView!;
  const notes = new Map<AddressField, HTMLElement>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const noteFor = (field: AddressField, anchor: Element): HTMLElement => {
    let note = notes.get(field);
    if (!note) {
      note = doc.createElement('div');
      note.setAttribute(GUARD_HOST_ATTR, 'address-note');
      note.dataset.testid = 'guard-address-note';
      note.dataset.field = field;
      note.setAttribute('role', 'status');
      note.setAttribute('aria-live', 'polite');
      note.style.cssText =
        'display:block;margin:6px 0 0;padding:6px 10px;border-radius:6px;font-size:17px;line-height:1.5;font-weight:normal;text-align:left;clear:both;white-space:normal;';
      notes.set(field, note);
    }
    const place = anchor.closest(NOTE_PLACE) ?? anchor.parentElement;
    if (place && note.parentElement !== place) place.append(note);
    return note;
  };

  const refresh = () => {
    timer = null;
    const fields = readFields(doc).filter((f) => ADDRESS_MEANINGS.has(f.meaning));
    if (fields.length === 0) {
      notes.forEach((n) => n.remove());
      return;
    }
    const addresses = readAddresses(fields);
    // the anchor of each address: its last control (the detail line sits last)
    const anchors: Partial<Record<AddressField, Element>> = {};
    let current: AddressField = 'mailing';
    for (const f of fields) {
      if (f.meaning === 'mailingAddress') current = 'mailing';
      if (f.meaning === 'pickupAddress') current = 'pickup';
      anchors[current] = f.control;
    }
    for (const field of ['mailing', 'pickup'] as const) {
      const textValue = field === 'mailing' ? addresses.mailing : addresses.pickup;
      const anchor = anchors[field];
      const v = textValue?.trim() ? checkAddress(field, textValue).verdict : null;
      if (!anchor || !v || v.verdict === 'inside' || v.verdict === 'empty') {
        notes.get(field)?.remove();
        continue;
      }
      const note = noteFor(field, anchor);
      note.dataset.verdict = v.verdict;
      note.style.background = v.verdict === 'outside' ? '#fdecea' : '#fff8e1';
      note.style.color = v.verdict === 'outside' ? '#a8071a' : '#6b4e00';
      note.textContent = v.verdict === 'outside' ? t('guardAddressNoteOutside', v.message) : t('guardAddressNoteUnverified', v.message);
    }
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
      notes.forEach((n) => n.remove());
      notes.clear();
    },
  };
}
