/** Feature: keep what the panel says about the claim (people chosen, recognised invoices) for the guard. */
import { handle } from '@/utils/messaging';
import { setClaimContext } from '@/utils/panel/messages';
import { setClaimInvoices } from '@/utils/panel/invoice-messages';
import type { Feature } from '@/utils/content/features';
import type { PortalContext } from './context';
import { onSessionEnded } from '@/utils/drafts/session-end';

export const claimFeature: Feature<PortalContext> = {
  name: 'claim',
  when: (page) => page !== null,
  start(ctx, signal) {
    ctx.hub.answer(
      [
        handle(setClaimContext, (people) => {
          ctx.claim.setPeople(people);
          return { ok: true };
        }),
        handle(setClaimInvoices, ({ invoices }) => {
          ctx.claim.setInvoices(invoices);
          return { ok: true };
        }),
      ],
      signal,
    );
    // 结束本次服务: drop the claimant's values held for the guard; nothing comes back (issue 10 item 13).
    const stop = onSessionEnded(() => ctx.claim.clear());
    signal.addEventListener('abort', stop);
  },
};
