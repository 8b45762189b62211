/**
 * Feature: the portal's application number (or the page's own id for it) for the panel, which keys the drafts
 * by it (issue 10). The reading is utils/page/application-id.ts (via utils/drafts/page-application.ts, which the
 * form drafts key with too); this only answers the panel.
 */
import { handle } from '@/utils/messaging';
import { getApplicationId } from '@/utils/drafts/application-message';
import { applicationIdIn } from '@/utils/drafts/page-application';
import type { Feature } from '@/utils/content/features';
import type { PortalContext } from './context';

export const applicationIdFeature: Feature<PortalContext> = {
  name: 'application-id',
  when: (page) => page?.kind === 'application',
  start(ctx, signal) {
    ctx.hub.answer(
      [
        handle(getApplicationId, () => ({ application: applicationIdIn(ctx.doc) })),
      ],
      signal,
    );
  },
};
