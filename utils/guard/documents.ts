/**
 * The materials of step 3 (材料上传) for the rules: which files the page shows for each kind of document.
 * What a slot takes comes from the page model (its label's main words; notes name substitutes) — the
 * vocabulary is `DOCUMENTS` in utils/page/vocabulary.ts.
 */
import { documentKind, slotMeaning } from '@/utils/page/uploads';
import type { DocumentKind } from '@/utils/page/vocabulary';
import type { ApplicationState, UploadSlot } from './state';

export type { DocumentKind };
export { documentKind };

const meaningOf = (slot: UploadSlot) => (slot.kind !== undefined ? { kind: slot.kind, accepts: slot.accepts ?? [] } : slotMeaning(slot.slotLabel));

/**
 * Files the page shows for a kind of document: every file in a slot of that kind; in a slot of no known kind,
 * or one whose notes say it also takes this kind, the files whose own name says the kind (e.g. 其他材料).
 */
export function filesOf(uploads: readonly UploadSlot[], kind: DocumentKind): string[] {
  const out: string[] = [];
  for (const slot of uploads) {
    const m = meaningOf(slot);
    if (m.kind === kind) out.push(...slot.files);
    else if (m.kind === null || m.accepts.includes(kind)) out.push(...slot.files.filter((f) => documentKind(f) === kind));
  }
  return out;
}

export function hasSlot(uploads: readonly UploadSlot[], kind: DocumentKind): boolean {
  return uploads.some((s) => meaningOf(s).kind === kind);
}

/** The rules about uploads only judge a page that shows upload slots. */
export function showsUploads(state: ApplicationState): boolean {
  return state.uploads.length > 0;
}
