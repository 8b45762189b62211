/** Feature: what the page shows now — item, step, starred fields, invoices, uploads, warnings (page model + rules). */
import { handle } from '@/utils/messaging';
import { getPageStatus } from '@/utils/panel/messages';
import { readPageModel } from '@/utils/page/model';
import { pageStatus } from '@/utils/page/summary';
import { evaluate, guardContextFrom, stateFromModel } from '@/utils/guard';
import type { Feature } from '@/utils/content/features';
import type { PortalContext } from './context';

export const pageStatusFeature: Feature<PortalContext> = {
  name: 'page-status',
  when: (page) => page?.kind === 'application' || page?.kind === 'logistics',
  start(ctx, signal) {
    ctx.hub.answer(
      [
        handle(getPageStatus, () => {
          const page = ctx.page();
          const model = readPageModel(ctx.doc, { page });
          const watched = page?.kind === 'application' || page?.kind === 'logistics';
          const codes = watched ? evaluate(stateFromModel(model, guardContextFrom(ctx.claim.forGuard(), page))).map((f) => f.code) : [];
          return pageStatus(model, codes);
        }),
      ],
      signal,
    );
  },
};
