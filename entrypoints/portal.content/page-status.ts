/**
 * Feature: what the page shows now, for the toolbar popup and the panel's checklist (issue 14) — item, step,
 * starred fields, invoices, uploads, the warnings that would fire (utils/page-status/adapter.ts: the page
 * model + the guard's rules). Answered at the panel's token and at PAGE_HOST_ADDRESS (the popup does not know
 * the token; only the frame that hosts the panel listens there).
 */
import { handle } from '@/utils/messaging';
import { getPageStatus } from '@/utils/page-status/messages';
import { readPageStatus } from '@/utils/page-status/adapter';
import type { Feature } from '@/utils/content/features';
import type { PortalContext } from './context';

export const pageStatusFeature: Feature<PortalContext> = {
  name: 'page-status',
  when: (page) => page?.kind === 'application' || page?.kind === 'logistics',
  start(ctx, signal) {
    ctx.hub.answer(
      [
        handle(getPageStatus, ({ history }) => {
          const claim = ctx.claim.forGuard();
          return readPageStatus(ctx.doc, { page: ctx.page(), claim, invoicesRead: claim?.invoices?.length ?? 0, history });
        }),
      ],
      signal,
    );
  },
};
