/**
 * Feature: the portal's application number (or the page's own id for it) for the panel, which keys the drafts
 * by it (issue 10). The reading is utils/page/application-id.ts; this only hands it what the page shows.
 */
import { handle } from '@/utils/messaging';
import { getApplicationId } from '@/utils/drafts/application-message';
import { applicationIdOf } from '@/utils/page/application-id';
import type { Feature } from '@/utils/content/features';
import type { PortalContext } from './context';

export const applicationIdFeature: Feature<PortalContext> = {
  name: 'application-id',
  when: (page) => page?.kind === 'application',
  start(ctx, signal) {
    ctx.hub.answer(
      [
        handle(getApplicationId, () => ({
          application: applicationIdOf({
            url: ctx.doc.location?.href ?? '',
            texts: (ctx.doc.body?.innerText ?? '').split('\n').slice(0, 3000),
            attributes: [...ctx.doc.querySelectorAll<HTMLInputElement>('input[type=hidden][name]')].map((e) => ({ name: e.name, value: e.value })),
          }),
        })),
      ],
      signal,
    );
  },
};
