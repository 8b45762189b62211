/**
 * What the guidance features (the toolbar popup, the ticking material checklist) learn about the page: one
 * reading of the single page model (utils/page/) and the guard's rules on it — the same reading the autofill
 * and the warnings use, so the popup never disagrees with them.
 */
import { readPageModel, pageStatus } from '@/utils/page';
import { evaluate, guardContextFrom, stateFromModel } from '@/utils/guard';
import { claimantIsMinor } from '@/utils/guard/claimant';
import { filesOf } from '@/utils/guard/documents';
import { isInpatient } from '@/utils/guard/invoices';
import { DOCUMENTS } from '@/utils/page/vocabulary';
import type { UploadSlot } from '@/utils/guard/state';
import type { PageInfo } from '@/utils/detect/page';
import type { ClaimContext } from '@/utils/schemas';
import type { UploadedKinds } from '@/utils/checklist';
import type { PageStatus } from './messages';

/** Files per document kind in the upload slots the page shows (null: no upload slots shown). */
export function uploadedDocumentKinds(slots: readonly UploadSlot[]): UploadedKinds | null {
  if (slots.length === 0) return null;
  const out: UploadedKinds = {};
  for (const { kind } of DOCUMENTS) {
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
  const model = readPageModel(doc, { page: input.page });
  const app = stateFromModel(model, guardContextFrom(input.claim, input.page, input.history));
  const status = pageStatus(model);
  return {
    page: input.page,
    fields: onApplication ? status.fields : [],
    invoices: { onPage: onApplication ? status.invoiceRows : 0, read: input.invoicesRead },
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
