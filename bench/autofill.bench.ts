/**
 * `npm run bench -- autofill`: the autofill engine on both replicas in Chromium.
 *
 * - Time to fill the whole 基本信息 step (median of 20 fresh page loads), split into engine work and the waits
 *   for dropdowns / panels to show (Element's popups animate; those waits are measured separately).
 * - Field-level results against the replica's own state (Vue model / posted DOM): filled right / wrong / left
 *   empty for every field the profile can answer, and traps.
 *
 * The engine is bundled with esbuild and evaluated in an ISOLATED WORLD created over CDP
 * (`Page.createIsolatedWorld`), like a content script: page globals (Vue, jQuery, __vue__) are invisible to it.
 * Exports `bundleEngine` / `injectEngine` / `runEngine` for tests/e2e/autofill-engine.test.ts.
 */
import { build } from 'esbuild';
import { join, resolve } from 'node:path';
import type { CDPSession, Page } from 'puppeteer-core';
import type { BenchTable } from './table';
import type { FillContext, FillReport, PersonValues } from '../utils/autofill';

const localToday = (d = new Date()) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

const ROOT = resolve(import.meta.dirname, '..');

let bundled: Promise<string> | null = null;
/** utils/autofill as one IIFE defining `__zwdtAutofill` (no page globals used). */
export function bundleEngine(): Promise<string> {
  bundled ??= build({
    entryPoints: [join(ROOT, 'utils/autofill/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: '__zwdtAutofill',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    alias: { '@': ROOT },
    tsconfig: join(ROOT, 'tsconfig.json'),
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text);
  return bundled;
}

export interface EngineHandle {
  cdp: CDPSession;
  contextId: number;
}

/** Evaluate the engine in a fresh isolated world of the page's main frame (what a content script gets). */
export async function injectEngine(page: Page): Promise<EngineHandle> {
  const code = await bundleEngine();
  const cdp = await page.createCDPSession();
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'zwdt-autofill-test', grantUniveralAccess: false });
  const res = await cdp.send('Runtime.evaluate', { expression: `${code}\n;globalThis.__zwdtAutofill = __zwdtAutofill; typeof __zwdtAutofill.runAutofill`, contextId: executionContextId });
  if (res.exceptionDetails) throw new Error(`engine did not load: ${JSON.stringify(res.exceptionDetails)}`);
  return { cdp, contextId: executionContextId };
}

/** Evaluate `expr` (an async expression using `A` = the engine) in the isolated world and return its JSON value. */
export async function inWorld<T>(h: EngineHandle, expr: string): Promise<T> {
  const res = await h.cdp.send('Runtime.evaluate', {
    expression: `(async () => { const A = globalThis.__zwdtAutofill; return ${expr}; })()`,
    contextId: h.contextId,
    awaitPromise: true,
    returnByValue: true,
  });
  if (res.exceptionDetails) throw new Error(`${res.exceptionDetails.text} ${res.exceptionDetails.exception?.description ?? ''}`);
  return res.result.value as T;
}

export async function runEngine(h: EngineHandle, ctx: FillContext, options: Record<string, unknown> = {}): Promise<FillReport> {
  return inWorld<FillReport>(h, `A.runAutofill(document, ${JSON.stringify(ctx)}, ${JSON.stringify(options)})`);
}

// ---------------------------------------------------------------------------------------------

/** Made-up people (valid-format ID numbers; nobody real). */
export const BENCH_CLAIMANT: PersonValues = {
  name: '王秀英',
  idNumber: '310227194803150026',
  phone: '13800001111',
  mailingAddress: '上海市松江区泗泾镇泗通路225弄3号101室',
  bankName: '上海农商银行松江支行',
  bankAccount: '6222021001001234567',
  postcode: '201601',
};
export const BENCH_AGENT: PersonValues = {
  name: '李建国',
  idNumber: '31011219750601001X',
  phone: '13900002222',
  mailingAddress: '上海市松江区九亭镇涞亭南路888弄5号',
  bankName: '中国农业银行',
  bankAccount: '6228480000000000000',
};

export const REPLICA_APPS = {
  'Element UI': (item: string) => `https://zwdt.sh.gov.cn/govPortals/apply/${item}/basic`,
  'Bootstrap 3': (item: string) => `https://ywtb.sh.gov.cn:18018/ac-product-net/netapply/apply.do?itemCode=${item}`,
} as const;
export const EMPLOYEE_ITEM = 'c85a49fb-2dc3-4a53-95e1-25e9b0491bae';

/** What the replica's state should hold after a fill, per field the profile can answer ('' = must stay empty). */
export function expectedForm(ctx: FillContext, app: keyof typeof REPLICA_APPS): Record<string, string> {
  const c = ctx.claimant;
  const a = ctx.agent;
  return {
    handleMode: a ? '委托人办理' : '本人办理',
    reimburserName: c.name,
    reimburserIdNo: c.idNumber,
    agentName: a ? a.name : '',
    agentIdNo: a ? a.idNumber : '',
    mobile: c.phone,
    bank: '上海农商银行',
    bankCardNo: c.bankAccount,
    district: '松江区',
    addressDetail: '泗泾镇泗通路225弄3号101室',
    // Element: 申请日期 = today; Bootstrap: 就诊日期 is the invoice's date and must be left to the user
    date: app === 'Element UI' ? localToday() : '',
    ...(app === 'Bootstrap 3' ? { postcode: c.postcode ?? '' } : {}),
    // traps
    emergencyPhone: '',
    workPhone: '',
    captcha: '',
  };
}

export interface FieldScore {
  right: string[];
  wrong: string[];
  empty: string[];
}

export function scoreForm(form: Record<string, unknown>, expected: Record<string, string>): FieldScore {
  const s: FieldScore = { right: [], wrong: [], empty: [] };
  for (const [k, want] of Object.entries(expected)) {
    const got = String(form[k] ?? '');
    if (got === want) {
      if (want) s.right.push(k);
    } else if (!got) s.empty.push(k);
    else s.wrong.push(`${k}=${got}`);
  }
  return s;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2 : NaN;
};

export default async function bench(): Promise<BenchTable[]> {
  const { launch } = await import('../tests/e2e/harness');
  const RUNS = Number(process.env.AUTOFILL_BENCH_RUNS ?? 20);
  const s = await launch({ extension: false });
  const timing: BenchTable = {
    title: `Autofill: time to fill 基本信息 (median of ${RUNS}, Chromium, isolated world)`,
    columns: ['replica', 'mode', 'engine work ms (median)', 'waiting for popups ms (median)', 'total ms (median)', 'fields filled'],
    rows: [],
    notes: [
      'engine work = total − waits for dropdowns / date panels to show (Element animates its popups); includes collect, match, plan, events, read-back and verify',
      'each run on a freshly loaded page; the engine bundle is evaluated in a CDP isolated world, as a content script is',
    ],
  };
  const fields: BenchTable = {
    title: 'Autofill: field-level results against the replica state (Vue model / posted form)',
    columns: ['replica', 'mode', 'answerable fields', 'filled right', 'wrong', 'left empty', 'traps filled', 'starred left empty (report)'],
    rows: [],
  };
  try {
    for (const [app, url] of Object.entries(REPLICA_APPS) as Array<[keyof typeof REPLICA_APPS, (i: string) => string]>) {
      for (const [mode, ctx] of [
        ['本人办理', { claimant: BENCH_CLAIMANT, agent: null, item: 'employee', claimantInsurance: 'employee' }],
        ['委托人办理', { claimant: BENCH_CLAIMANT, agent: BENCH_AGENT, item: 'employee', claimantInsurance: 'employee' }],
      ] as Array<[string, FillContext]>) {
        const work: number[] = [];
        const waits: number[] = [];
        const totals: number[] = [];
        let last: FillReport | null = null;
        let lastForm: Record<string, unknown> = {};
        for (let i = 0; i < RUNS; i++) {
          const page = await s.newPage(url(EMPLOYEE_ITEM));
          page.on('dialog', (d) => void d.accept());
          await page.waitForSelector('.form-group, .el-form-item', { visible: true });
          await new Promise((r) => setTimeout(r, 150));
          const h = await injectEngine(page);
          const report = await runEngine(h, ctx);
          totals.push(report.timing.totalMs);
          waits.push(report.timing.waitMs);
          work.push(report.timing.totalMs - report.timing.waitMs);
          last = report;
          lastForm = ((await page.evaluate(() => (window as unknown as { __replica: { state(): { form: Record<string, unknown> } } }).__replica.state())) as { form: Record<string, unknown> }).form;
          await page.close();
        }
        timing.rows.push([app, mode, median(work).toFixed(1), median(waits).toFixed(1), median(totals).toFixed(1), last?.summary.filled ?? 0]);
        const exp = expectedForm(ctx, app);
        const sc = scoreForm(lastForm, exp);
        const answerable = Object.values(exp).filter(Boolean).length;
        const traps = ['emergencyPhone', 'workPhone', 'captcha'].filter((k) => String(lastForm[k] ?? '') !== '');
        fields.rows.push([
          app,
          mode,
          answerable,
          sc.right.length,
          sc.wrong.length ? `${sc.wrong.length} (${sc.wrong.join(', ')})` : 0,
          sc.empty.length ? `${sc.empty.length} (${sc.empty.join(', ')})` : 0,
          traps.length,
          last?.summary.manual.map((m) => m.label).join('、') || '—',
        ]);
      }
    }
  } finally {
    await s.close();
  }
  return [timing, fields];
}
