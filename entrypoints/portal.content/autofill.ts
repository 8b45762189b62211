/** Feature: 自动填写 — the panel asks, the page model is read, the engine fills (utils/autofill). */
import { runAutofill as fillPage, isTaughtMeaning, type TaughtMapping } from '@/utils/autofill';
import { handle } from '@/utils/messaging';
import { runAutofill } from '@/utils/panel/messages';
import { recordFill } from '@/utils/report/last-fill';
import type { Feature } from '@/utils/content/features';
import type { PortalContext } from './context';

export const autofillFeature: Feature<PortalContext> = {
  name: 'autofill',
  when: (page) => page?.kind === 'application' || page?.kind === 'logistics',
  start(ctx, signal) {
    ctx.hub.answer(
      [
        handle(runAutofill, async ({ claimant, agent, claimantInsurance, overwrite, mappings }) => {
          const item = ctx.page()?.item ?? null;
          const taught: TaughtMapping[] = mappings.flatMap((m) => (isTaughtMeaning(m.meaning) ? [{ ...m, meaning: m.meaning }] : []));
          const report = await fillPage(ctx.doc, { claimant, agent, item, claimantInsurance, overwrite }, { mappings: taught });
          // the structure report (issue 13) says what this fill did to each field — outcomes only, no values
          recordFill(ctx.doc, report, { agent: agent !== null, overwrite });
          return report;
        }),
      ],
      signal,
    );
  },
};
