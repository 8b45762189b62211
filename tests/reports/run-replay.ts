/**
 * Replay a structure report through the BUILT extension: its page (replay-page.ts) is served at a portal URL,
 * the panel's messages choose the made-up people and run 自动填写 as the report's fill did, the people typed
 * later are typed, and the page's own structure report is exported and compared with the stored one
 * (utils/report/compare.ts). Used by `tests/e2e/report-replay.test.ts` and `npm run report:replay`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Frame, HTTPRequest } from 'puppeteer-core';
import { helperFrame, type Session } from '../e2e/harness';
import { compareReports } from '../../utils/report/compare';
import { parseReport, type StructureReport } from '../../utils/report/schema';
import { replayScenario } from './scenario';
import { replayPage } from './replay-page';

export const REPORTS_DIR = import.meta.dirname;

/** The committed reports: every `*.json` under tests/reports/ (sorted). */
export function committedReports(): Array<{ name: string; file: string }> {
  return readdirSync(REPORTS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: basename(f, '.json'), file: join(REPORTS_DIR, f) }));
}

export function loadReport(file: string): StructureReport {
  return parseReport(JSON.parse(readFileSync(file, 'utf8')));
}

export interface ReplayResult {
  /** One line per difference; empty when the replay agrees with the report. */
  problems: string[];
  actual: StructureReport;
  html: string;
}

/** A message to the page the way the panel sends it (its tab, its frame's one-time address). */
async function call<T>(panel: Frame, type: string, payload: unknown): Promise<T> {
  const res = await panel.evaluate(
    async (type, payload) => {
      const c = (globalThis as any).chrome;
      const tab = await c.tabs.getCurrent();
      return c.tabs.sendMessage(tab.id, { type, payload, to: location.hash.slice(1) });
    },
    type,
    payload as never,
  );
  if (!res?.ok) throw new Error(`${type}: ${JSON.stringify(res)}`);
  return res.data as T;
}

export async function replay(s: Session, report: StructureReport, name: string): Promise<ReplayResult> {
  const scenario = replayScenario(report);
  const { html, path } = replayPage(report, scenario, name);
  const url = `https://zwdt.sh.gov.cn${path}`;
  const page = await s.newPage();
  page.setDefaultTimeout(60_000);
  page.on('dialog', (d) => void d.accept());
  await page.setRequestInterception(true);
  const serve = (req: HTTPRequest) => {
    if (req.isInterceptResolutionHandled()) return;
    if (req.url() === url) void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    else void req.continue();
  };
  page.on('request', serve);
  try {
    await page.goto(url, { waitUntil: 'load' });
    const kind = report.page.kind ?? 'application';
    await page.waitForFunction(
      (k: string) => document.documentElement.dataset.zwdtHelperPage === k && document.documentElement.hasAttribute('data-zwdt-guard-installed') && document.documentElement.hasAttribute('data-replay-ready'),
      { timeout: 60_000 },
      kind,
    );
    const panel = await helperFrame(page, 30_000);
    await call(panel, 'panel/set-claim-context', scenario.claim);
    await page.evaluate(() => (window as unknown as { __replay: { beforeFill(): void } }).__replay.beforeFill());
    if (scenario.fill) {
      const filled = await call<{ summary: { text: string } }>(panel, 'panel/autofill', {
        claimant: scenario.claimant,
        agent: scenario.agent,
        claimantInsurance: report.page.item === 'resident' ? 'resident' : 'employee',
        overwrite: scenario.overwrite,
        mappings: [],
      });
      if (process.env.REPLAY_DEBUG) console.log(JSON.stringify(filled, null, 1));
    }
    await page.evaluate(() => (window as unknown as { __replay: { afterFill(): void } }).__replay.afterFill());
    const actual = parseReport(await call(panel, 'report/structure', { history: scenario.history }));
    return { problems: compareReports(report, actual), actual, html };
  } finally {
    page.off('request', serve);
    await page.close();
  }
}
