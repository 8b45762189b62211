/** Feature: keep what the panel says about the claim (people chosen, recognised invoices) for the guard. */
import { handle } from '@/utils/messaging';
import { setClaimContext } from '@/utils/panel/messages';
import { setClaimInvoices } from '@/utils/panel/invoice-messages';
import type { Feature } from '@/utils/content/features';
import type { PortalContext } from './context';

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
  },
};
