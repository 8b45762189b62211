/** Orchestrator: collect → match → plan → execute → verify. (Stub: being implemented.) */
import type { FillContext } from './meanings';
import type { AutofillOptions, FillReport } from './types';

export async function runAutofill(root: Document | Element, ctx: FillContext, options: AutofillOptions = {}): Promise<FillReport> {
  void root;
  void ctx;
  void options;
  return {
    filled: [],
    kept: [],
    skipped: [],
    rejected: [],
    warnings: [],
    summary: { filled: 0, needManual: 0, manual: [], text: '' },
    timing: { totalMs: 0, waitMs: 0 },
  };
}
