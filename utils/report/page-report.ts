/**
 * The structure report of a live page: one reading of the page model, the guard's rules on it, the last
 * 自动填写 of this document, and `buildReport` (every string anonymised; the page's values scrubbed). What the
 * page feature answers (entrypoints/portal.content/structure-report.ts); unit tested on small pages.
 */
import { readPageModel, summarise, fieldId } from '@/utils/page';
import { evaluate, guardContextFrom, stateFromModel } from '@/utils/guard';
import { ITEMS } from '@/utils/detect/items';
import { localToday } from '@/utils/autofill/plan';
import type { PageInfo } from '@/utils/detect/page';
import type { ClaimContext } from '@/utils/schemas';
import { buildReport } from './build';
import { guardFacts } from './facts';
import { customOptions, pageFrames, pageValues } from './gather';
import { lastFill } from './last-fill';
import type { StructureReport } from './schema';

export interface PageReportInput {
  /** The detector's verdict (undefined: detect from the page). */
  page?: PageInfo | null;
  /** What the panel told this frame (people chosen, invoices read). */
  claim: ClaimContext | null;
  /** 票据号码 filed earlier from this device. */
  history: string[];
  /** The helper's version. */
  extension: string;
  now?: Date;
}

export function readStructureReport(doc: Document, input: PageReportInput): StructureReport {
  const model = readPageModel(doc, input.page === undefined ? {} : { page: input.page });
  const page = model.page;
  const state = stateFromModel(model, { ...guardContextFrom(input.claim, page, input.history), ...(input.now ? { now: input.now } : {}) });
  const win = doc.defaultView;
  let top = true;
  try {
    top = !win || win === win.top;
  } catch {
    top = false;
  }
  return buildReport({
    summary: summarise(model),
    fill: lastFill(doc),
    guard: {
      codes: evaluate(state).map((f) => f.code),
      facts: guardFacts(state, {
        rowsOnPage: model.invoiceTables.some((t) => t.rows.length > 0),
        mailing: model.addresses.some((a) => a.group === 'mailing'),
        pickup: model.addresses.some((a) => a.group === 'pickup'),
      }),
    },
    location: { href: doc.location?.href ?? '', title: doc.title, top, frames: pageFrames(doc) },
    extension: input.extension,
    today: localToday(input.now ?? new Date()),
    values: pageValues(model, input.claim),
    knownIds: ITEMS.map((i) => i.id),
    dropdownOptions: customOptions(model, fieldId),
  });
}
