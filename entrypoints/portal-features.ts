import { FEATURE_HOST_KEY, type Feature, type FeatureHost } from '@/utils/content/features';
import type { PortalContext } from './portal.content/context';
import { autofillFeature } from './portal.content/autofill';
import { invoiceRowsFeature } from './portal.content/invoice-rows';
import { pageStatusFeature } from './portal.content/page-status';
import { applicationIdFeature } from './portal.content/application-id';
import { createGuardFeature } from './portal.content/guard-feature';
import { structureReportFeature } from './portal.content/structure-report';
import { formDraftFeature } from './portal.content/form-draft';

/**
 * The page features, injected by the background (utils/content/load-features.ts) only into frames that show
 * the application, 物流申请 or a submission's success page. They join the portal content script of the same
 * frame (same isolated world) and run under its page conditions.
 */
export default defineUnlistedScript(() => {
  const host = (globalThis as Record<string, unknown>)[FEATURE_HOST_KEY] as FeatureHost<PortalContext> | undefined;
  if (!host || host.loaded) return; // no content script here, or loaded already
  host.loaded = true;
  const { ctx } = host;

  // Pre-submission warnings (issue 7): the submission watch lives as long as the frame (a success page notes
  // the filed invoices); the guard itself only on the application and 物流申请 pages.
  const submissions = createGuardFeature({ claim: () => ctx.claim.forGuard(), page: () => ctx.page() }, ctx.doc, () => ctx.alive());
  host.signal.addEventListener('abort', () => submissions.dispose());
  const guardFeature: Feature<PortalContext> = {
    name: 'guard',
    when: (p) => p?.kind === 'application' || p?.kind === 'logistics',
    start(c, signal) {
      submissions.update(c.page());
      signal.addEventListener('abort', () => submissions.update(null));
    },
  };
  host.add([autofillFeature, invoiceRowsFeature, pageStatusFeature, applicationIdFeature, guardFeature, structureReportFeature, formDraftFeature]);
});
