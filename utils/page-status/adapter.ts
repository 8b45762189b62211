/**
 * THE page-status adapter: the one place where the guidance features (the toolbar popup, the ticking
 * material checklist) read the page. Today it uses the existing readers — autofill's collect/match for
 * the starred fields, the guard's readPage/evaluate for invoices, uploads and warnings. When the single
 * page model (utils/page/) lands, point these two functions at it; nothing else in the guidance code
 * reads the DOM.
 */
import { collectFields, matchFields } from '@/utils/autofill';
import { readPage, evaluate, guardContextFrom } from '@/utils/guard';
import { readInvoiceTables } from '@/utils/guard/read-page';
import { claimantIsMinor } from '@/utils/guard/claimant';
import { DOCUMENT_KINDS, filesOf } from '@/utils/guard/documents';
import { isInpatient } from '@/utils/guard/invoices';
import type { UploadSlot } from '@/utils/guard/state';
import type { PageInfo } from '@/utils/detect/page';
import type { ClaimContext } from '@/utils/panel/messages';
import type { UploadedKinds } from '@/utils/checklist';
import type { PageStatus } from './messages';

/** Files per document kind in the upload slots the page shows (null: no upload slots shown). */
export function uploadedDocumentKinds(slots: readonly UploadSlot[]): UploadedKinds | null {
  if (slots.length === 0) return null;
  const out: UploadedKinds = {};
  for (const { kind } of DOCUMENT_KINDS) {
    const n = filesOf(slots, kind).length;
    if (n > 0) out[kind] = n;
  }
  return out;
}

export interface PageStatusInput {
  page: PageInfo | null;
  /** The claim as the panel told the content script (people chosen, invoices read). */
  claim: ClaimContext | null;
  /** Invoices the panel has read. */
  invoicesRead: number;
  /** 票据号码 filed earlier from this device. */
  history: string[];
}

export function readPageStatus(doc: Document, input: PageStatusInput): PageStatus {
  const onApplication = input.page?.kind === 'application' || input.page?.kind === 'logistics';
  const app = readPage(doc, guardContextFrom(input.claim, input.page, input.history));
  const fields = onApplication
    ? matchFields(collectFields(doc))
        .filter((m) => m.field.starred && !m.trap)
        .map((m) => ({ label: m.field.label.replace(/[*＊:：\s]/g, '') || m.field.label, filled: m.field.value.trim() !== '' }))
    : [];
  return {
    page: input.page,
    fields,
    invoices: { onPage: onApplication ? readInvoiceTables(doc).rows.length : 0, read: input.invoicesRead },
    uploads: onApplication ? uploadedDocumentKinds(app.uploads) : null,
    situation: {
      delegated: app.mode === 'delegated',
      minor: claimantIsMinor(app),
      deceased: !!app.claimant.deceased,
      inpatient: app.invoices.some(isInpatient),
      invoiceCount: app.invoices.length,
    },
    warnings: onApplication ? evaluate(app) : [],
  };
}
