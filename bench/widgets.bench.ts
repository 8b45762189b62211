/**
 * `npm run bench -- widgets`: each widget family's drivers (issue 15) on its real-library fixture page
 * (layui 2, Ant Design Vue 4, View UI 4), in Chromium, in an isolated world like a content script.
 *
 * Per family and mode (本人 / 委托): time per driver kind (median over fresh page loads), the time to fill
 * the whole 基本信息 step field by field, and whether the framework's model (`__replica.state()`) holds every
 * value. Fields are found by their form-item label (tests/e2e/widgets-probe.ts), not by the page model — so
 * this measures the drivers alone; a second table runs the whole engine (page model → plan → drivers →
 * verify) on the same pages, with field-level results. Exports the family specs and the isolated-world
 * helpers for tests/e2e/widgets-*.test.ts.
 */
import { build } from 'esbuild';
import os from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { BenchTable } from './table';
import type { EngineHandle } from './autofill.bench';
import { BENCH_AGENT, BENCH_CLAIMANT, inWorld, injectEngine, runEngine, scoreForm } from './autofill.bench';
import { OPTION_ALIASES } from '../utils/page/vocabulary';
import { addressDetail, bankCandidates, localToday } from '../utils/autofill/plan';
import type { FillValue, PersonValues } from '../utils/autofill';

const ROOT = resolve(import.meta.dirname, '..');

let bundled: Promise<string> | null = null;
/** The engine, the widget recognisers and the test probe as one IIFE defining `__zwdtWidgets`. */
export function bundleWidgets(): Promise<string> {
  bundled ??= build({
    stdin: {
      contents: [
        `export * from './utils/autofill/index.ts';`,
        `export * from './utils/autofill/widget-families.ts';`,
        `export { driverFor, fillWidget, familyKinds, widgetViews } from './utils/autofill/drivers/index.ts';`,
        `export * from './tests/e2e/widgets-probe.ts';`,
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: '__zwdtWidgets',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    alias: { '@': ROOT },
    tsconfig: join(ROOT, 'tsconfig.json'),
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text);
  return bundled;
}

/** Evaluate the bundle in a fresh isolated world of the page's main frame; `inWorld(h, 'A.…')` then uses it. */
export async function injectWidgets(page: Page): Promise<EngineHandle> {
  const code = await bundleWidgets();
  const cdp = await page.createCDPSession();
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'zwdt-widgets-test', grantUniveralAccess: false });
  const res = await cdp.send('Runtime.evaluate', {
    expression: `${code}\n;globalThis.__zwdtAutofill = __zwdtWidgets; typeof __zwdtWidgets.fillWidget`,
    contextId: executionContextId,
  });
  if (res.exceptionDetails) throw new Error(`widgets bundle did not load: ${JSON.stringify(res.exceptionDetails)}`);
  return { cdp, contextId: executionContextId };
}

// ---------------------------------------------------------------------------------------------
// the families and what each page's 基本信息 step asks

export interface FieldSpec {
  label: string;
  /** Among several controls in one row (layui 邮寄地址: [区▼] [详细地址]). */
  nth?: number;
  kind?: string;
  /** Only on screen (and filled) in 委托 mode. */
  agentOnly?: boolean;
  value(claimant: PersonValues, agent: PersonValues | null): FillValue;
}

export interface FamilySpec {
  name: string;
  url: string;
  /** `<html data-replica-ready=…>` once the page's framework has rendered. */
  ready: string;
  modeLabel: string;
  /** The option texts the page shows, for asserting the visible skin. */
  modeText: { self: string; agent: string };
  /** Rows revealed by choosing 委托 (waited for before filling them). */
  revealed: string[];
  fields: FieldSpec[];
}

const text = (t: string): FillValue => ({ type: 'text', text: t });
const ADDRESS_DISTRICT = '松江区';
const detailOf = (p: PersonValues) => addressDetail(p.mailingAddress ?? '', ADDRESS_DISTRICT);
const region: FillValue = { type: 'path', levels: [{ candidates: ['上海市', '上海'] }, { candidates: ['市辖区'], optional: true }, { candidates: [ADDRESS_DISTRICT] }] };

function commonFields(agentName: string, agentId: string): FieldSpec[] {
  return [
    { label: '报销人姓名', value: (c) => text(c.name) },
    { label: '报销人身份证号', value: (c) => text(c.idNumber) },
    { label: agentName, agentOnly: true, value: (_c, a) => text(a!.name) },
    { label: agentId, agentOnly: true, value: (_c, a) => text(a!.idNumber) },
    { label: '联系电话', value: (c) => text(c.phone ?? '') },
    { label: '申请日期', value: () => ({ type: 'date', iso: localToday() }) },
    { label: '开户银行', value: (c) => ({ type: 'choice', candidates: bankCandidates(c.bankName ?? '') }) },
    { label: '银行账号', value: (c) => text(c.bankAccount ?? '') },
  ];
}

export const FAMILIES: FamilySpec[] = [
  {
    name: 'layui 2',
    url: 'https://zwdt.sh.gov.cn/govPortals/widgets/layui/apply',
    ready: 'layui',
    modeLabel: '办理方式',
    modeText: { self: '本人', agent: '委托' },
    revealed: ['代办人姓名', '代办人身份证号'],
    fields: [
      ...commonFields('代办人姓名', '代办人身份证号'),
      { label: '邮寄地址', kind: 'custom-select', value: () => ({ type: 'choice', candidates: [ADDRESS_DISTRICT] }) },
      { label: '邮寄地址', kind: 'text', value: (c) => text(detailOf(c)) },
    ],
  },
  {
    name: 'Ant Design Vue 4',
    url: 'https://zwdt.sh.gov.cn/govPortals/widgets/antdv/apply',
    ready: 'antdv',
    modeLabel: '申请方式',
    modeText: { self: '本人申请', agent: '委托代办' },
    revealed: ['代办人姓名', '代办人身份证号'],
    fields: [...commonFields('代办人姓名', '代办人身份证号'), { label: '邮寄地址', value: () => region }, { label: '详细地址', value: (c) => text(detailOf(c)) }],
  },
  {
    name: 'View UI 4',
    url: 'https://zwdt.sh.gov.cn/govPortals/widgets/viewui/apply',
    ready: 'viewui',
    modeLabel: '办理方式',
    modeText: { self: '本人办理', agent: '他人代办' },
    revealed: ['经办人姓名', '经办人身份证号'],
    fields: [...commonFields('经办人姓名', '经办人身份证号'), { label: '邮寄地址', value: () => region }, { label: '详细地址', value: (c) => text(detailOf(c)) }],
  },
];

export const modeValue = (agent: boolean): FillValue => ({ type: 'choice', candidates: [...(agent ? OPTION_ALIASES.modeAgent : OPTION_ALIASES.modeSelf)].filter((c) => c !== '是' && c !== '否') });

/** What `__replica.state().form` must hold after filling the step ('' = must stay empty). */
export function expectedState(f: FamilySpec, claimant: PersonValues, agent: PersonValues | null): Record<string, unknown> {
  return {
    handleMode: agent ? f.modeText.agent : f.modeText.self,
    reimburserName: claimant.name,
    reimburserIdNo: claimant.idNumber,
    agentName: agent ? agent.name : '',
    agentIdNo: agent ? agent.idNumber : '',
    mobile: claimant.phone,
    date: localToday(),
    bank: '上海农商银行',
    bankCardNo: claimant.bankAccount,
    district: ADDRESS_DISTRICT,
    addressDetail: detailOf(claimant),
    // traps
    emergencyPhone: '',
    captcha: '',
    siteSearch: '',
  };
}

export interface FilledRow {
  label: string;
  ok: boolean;
  value: string;
  reason?: string;
  kind?: string;
  library?: string;
  ms: number;
}

export async function openFamily(page: Page, f: FamilySpec): Promise<void> {
  await page.goto(f.url, { waitUntil: 'load' });
  await page.waitForSelector(`html[data-replica-ready="${f.ready}"]`);
  // the framework's first render is done when the mode's label is on screen
  await page.waitForFunction((label: string) => [...document.querySelectorAll('label')].some((l) => l.textContent?.replace(/[\s*：:]/g, '') === label), {}, f.modeLabel);
}

/** Fill the step as a person would, field by field with the family drivers: mode first, then (委托) wait for the revealed rows. */
export async function fillFamily(h: EngineHandle, f: FamilySpec, claimant: PersonValues, agent: PersonValues | null): Promise<{ rows: FilledRow[]; revealed: boolean }> {
  const rows: FilledRow[] = [];
  rows.push(await inWorld<FilledRow>(h, `A.fillByLabel(${JSON.stringify(f.modeLabel)}, ${JSON.stringify(modeValue(!!agent))})`));
  let revealed = true;
  if (agent) for (const label of f.revealed) revealed = (await inWorld<boolean>(h, `A.waitForLabel(${JSON.stringify(label)})`)) && revealed;
  for (const field of f.fields) {
    if (field.agentOnly && !agent) continue;
    const opts = { nth: field.nth, kind: field.kind };
    rows.push(await inWorld<FilledRow>(h, `A.fillByLabel(${JSON.stringify(field.label)}, ${JSON.stringify(field.value(claimant, agent))}, ${JSON.stringify(opts)})`));
  }
  return { rows, revealed };
}

export async function familyState(page: Page): Promise<{ form: Record<string, unknown>; submitted: boolean }> {
  return page.evaluate(() => (window as unknown as { __replica: { state(): { form: Record<string, unknown>; submitted: boolean } } }).__replica.state());
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2 : NaN;
};

export default async function bench(): Promise<BenchTable[]> {
  const { launch } = await import('../tests/e2e/harness');
  const RUNS = Number(process.env.WIDGETS_BENCH_RUNS ?? 10);
  const s = await launch({ extension: false });
  const byKind: BenchTable = {
    title: `Widget drivers per family: ms per fill, median of ${RUNS} fresh page loads (Chromium, isolated world)`,
    columns: ['family', 'mode', 'radio (办理方式)', 'select (开户银行)', 'date (申请日期)', 'district / cascader', 'text (each, median)', 'whole step ms', 'model right', 'drivers failed'],
    rows: [],
    notes: [
      'fields found by their form-item label, filled with the family drivers (no collect / match); includes waiting for popups and for the 委托 rows',
      'model right = fields of `__replica.state().form` equal to what was filled, traps (紧急联系人电话, 验证码, site search) empty and nothing submitted, out of all checked',
    ],
  };
  const engine: BenchTable = {
    title: `Whole autofill engine per widget family: median of ${RUNS} fresh page loads (Chromium, isolated world)`,
    columns: ['family', 'mode', 'engine work ms', 'waiting for popups ms', 'total ms', 'fields filled', 'answerable right', 'wrong', 'left empty', 'traps filled', 'starred left for the user'],
    rows: [],
    notes: [
      '`runAutofill` as the extension runs it: the page model (widget detection: skins, typing boxes, page search) → plan → drivers (chosen by kind + library) → verify; 委托 rows waited for on the DOM and filled in the same run',
      'answerable right / wrong / left empty: `__replica.state().form` against what the profile says, over every run (a run counts right only when every field is); traps = 紧急联系人电话, 验证码, the header search box',
    ],
  };
  const load0 = os.loadavg();
  try {
    for (const f of FAMILIES) {
      for (const [mode, agent] of [
        ['本人', null],
        ['委托', BENCH_AGENT],
      ] as Array<[string, PersonValues | null]>) {
        const per: Record<string, number[]> = { radio: [], select: [], date: [], district: [], text: [], total: [] };
        let right = 0;
        let checked = 0;
        let failed = new Set<string>();
        for (let i = 0; i < RUNS; i++) {
          const page = await s.newPage();
          await openFamily(page, f);
          const h = await injectWidgets(page);
          const t0 = performance.now();
          const { rows } = await fillFamily(h, f, BENCH_CLAIMANT, agent);
          per.total!.push(performance.now() - t0);
          for (const r of rows) {
            if (!r.ok) failed.add(`${r.label}: ${r.reason}`);
            const k = r.kind === 'radio-group' ? 'radio' : r.label === '开户银行' ? 'select' : r.kind === 'date' ? 'date' : r.label === '邮寄地址' && r.kind !== 'text' ? 'district' : 'text';
            per[k]!.push(r.ms);
          }
          const { form, submitted } = await familyState(page);
          const want = expectedState(f, BENCH_CLAIMANT, agent);
          checked = Object.keys(want).length + 1;
          right = Object.entries(want).filter(([k, v]) => form[k] === v).length + (submitted || s.replica.submissions.length ? 0 : 1);
          await page.close();
        }
        const fmt = (xs: number[]) => (xs.length ? median(xs).toFixed(1) : '—');
        byKind.rows.push([f.name, mode, fmt(per.radio!), fmt(per.select!), fmt(per.date!), fmt(per.district!), fmt(per.text!), fmt(per.total!), `${right}/${checked}`, failed.size ? [...failed].join('; ') : 0]);
        failed = new Set();
        // the whole engine (collect → match → plan → drivers → verify) on the same page
        const totals: number[] = [];
        const waits: number[] = [];
        const filledCounts: number[] = [];
        const wrong = new Set<string>();
        const empty = new Set<string>();
        const traps = new Set<string>();
        const manual = new Set<string>();
        let answerable = 0;
        let allRight = 0;
        for (let i = 0; i < RUNS; i++) {
          const page = await s.newPage();
          await openFamily(page, f);
          const h = await injectEngine(page);
          const report = await runEngine(h, { claimant: BENCH_CLAIMANT, agent, item: 'employee', claimantInsurance: 'employee' });
          totals.push(report.timing.totalMs);
          waits.push(report.timing.waitMs);
          filledCounts.push(report.summary.filled);
          const { form } = await familyState(page);
          const want = expectedState(f, BENCH_CLAIMANT, agent) as Record<string, string>;
          const trapKeys = ['emergencyPhone', 'captcha', 'siteSearch'];
          const answer = Object.fromEntries(Object.entries(want).filter(([k, v]) => v !== '' && !trapKeys.includes(k)));
          const sc = scoreForm(form, answer);
          answerable = Object.keys(answer).length;
          if (sc.right.length === answerable) allRight++;
          sc.wrong.forEach((w) => wrong.add(w));
          sc.empty.forEach((e) => empty.add(e));
          trapKeys.filter((k) => String(form[k] ?? '') !== '').forEach((k) => traps.add(k));
          report.summary.manual.forEach((m) => manual.add(m.label.replace(/[*：:]/g, '')));
          await page.close();
        }
        engine.rows.push([
          f.name,
          mode,
          fmt(totals.map((t, i) => t - waits[i]!)),
          fmt(waits),
          fmt(totals),
          fmt(filledCounts),
          `${answerable}/${answerable} in ${allRight}/${RUNS} runs`,
          wrong.size ? [...wrong].join(', ') : 0,
          empty.size ? [...empty].join(', ') : 0,
          traps.size ? [...traps].join(', ') : 0,
          manual.size ? [...manual].join('、') : '—',
        ]);
      }
    }
  } finally {
    await s.close();
  }
  const load1 = os.loadavg();
  engine.notes!.push(`load average (1 min) ${load0[0]!.toFixed(1)} at the start, ${load1[0]!.toFixed(1)} at the end, on ${os.cpus().length} cores`);
  return [byKind, engine];
}
