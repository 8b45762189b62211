/**
 * Feature: 导出页面结构（不含个人信息） (issue 13). The panel or the popup asks; utils/report reads the page model
 * once, runs the guard's rules on it, joins the last 自动填写's outcomes by label and builds the report — every
 * string anonymised, no value in it. Answered at the panel's token and at PAGE_HOST_ADDRESS (the popup).
 */
import { browser } from 'wxt/browser';
import { handle } from '@/utils/messaging';
import { exportStructure } from '@/utils/report/schema';
import { readStructureReport } from '@/utils/report/page-report';
import type { Feature } from '@/utils/content/features';
import type { PortalContext } from './context';

export const structureReportFeature: Feature<PortalContext> = {
  name: 'structure-report',
  when: (page) => page?.kind === 'application' || page?.kind === 'logistics',
  start(ctx, signal) {
    ctx.hub.answer(
      [
        handle(exportStructure, ({ history }) =>
          readStructureReport(ctx.doc, { page: ctx.page(), claim: ctx.claim.forGuard(), history, extension: browser.runtime.getManifest().version }),
        ),
      ],
      signal,
    );
  },
};
