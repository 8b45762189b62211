/**
 * The live address note under 邮寄地址 / the 物流申请 pick-up address, in plain words, only when there
 * is something to say (the verdicts come from utils/guard/live-address). A quiet status line in the
 * page's own flow, marked as the guard's (so its clicks and text are never the page's).
 * Test hook (stable): [data-testid="guard-address-note"][data-field][data-verdict].
 */
import { t } from '@/utils/i18n';
import { GUARD_HOST_ATTR, markGuardNode } from '@/utils/guard/dom';
import type { AddressField } from '@/utils/guard/address';
import type { AddressNote } from '@/utils/guard/live-address';

const NOTE_PLACE = '.el-form-item__content, .ant-form-item-control, [class*="col-sm-"], [class*="col-md-"], td, dd, .form-group, .el-form-item';

export interface AddressNotesView {
  show(notes: readonly AddressNote[]): void;
  dispose(): void;
}

export function addressNotesView(doc: Document): AddressNotesView {
  const nodes = new Map<AddressField, HTMLElement>();

  const nodeFor = (field: AddressField, anchor: Element): HTMLElement => {
    let note = nodes.get(field);
    if (!note) {
      note = doc.createElement('div');
      note.setAttribute(GUARD_HOST_ATTR, 'address-note');
      markGuardNode(note);
      note.dataset.testid = 'guard-address-note';
      note.dataset.field = field;
      note.setAttribute('role', 'status');
      note.setAttribute('aria-live', 'polite');
      note.style.cssText =
        'display:block;margin:6px 0 0;padding:6px 10px;border-radius:6px;font-size:17px;line-height:1.5;font-weight:normal;text-align:left;clear:both;white-space:normal;';
      nodes.set(field, note);
    }
    const place = anchor.closest(NOTE_PLACE) ?? anchor.parentElement;
    if (place && note.parentElement !== place) place.append(note);
    return note;
  };

  return {
    show(notes) {
      const wanted = new Set(notes.map((n) => n.field));
      nodes.forEach((node, field) => {
        if (!wanted.has(field)) node.remove();
      });
      for (const n of notes) {
        const node = nodeFor(n.field, n.anchor);
        node.dataset.verdict = n.verdict;
        node.style.background = n.verdict === 'outside' ? '#fdecea' : '#fff8e1';
        node.style.color = n.verdict === 'outside' ? '#a8071a' : '#6b4e00';
        node.textContent = n.verdict === 'outside' ? t('guardAddressNoteOutside', n.message) : t('guardAddressNoteUnverified', n.message);
      }
    },
    dispose() {
      nodes.forEach((n) => n.remove());
      nodes.clear();
    },
  };
}
