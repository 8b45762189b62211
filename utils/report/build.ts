/**
 * The structure report from what the page model saw (`PageSummary`: no elements, no values), the last
 * 自动填写 of the page (`LastFill`: outcomes, no values) and the guard (codes + facts). Every string goes
 * through the anonymiser, which also scrubs the values the page holds now wherever they appear (`values`).
 * Pure: the page feature gathers the inputs (entrypoints/portal.content/structure-report.ts).
 */
import type { PageSummary, FieldSummary } from '@/utils/page/summary';
import { createAnonymiser, type Anonymiser } from './anonymise';
import type { LastFill, FillEntry } from './last-fill';
import { REPORT_FORMAT, REPORT_VERSION, type GuardFacts, type ReportField, type StructureReport } from './schema';

export interface ReportInput {
  summary: PageSummary;
  fill: LastFill | null;
  guard: { codes: string[]; facts: GuardFacts };
  location: {
    href: string;
    title: string;
    top: boolean;
    frames: Array<{ src: string; name: string }>;
  };
  /** The helper's version. */
  extension: string;
  /** YYYY-MM-DD */
  today: string;
  /** The values the page holds now (fields, invoice cells, file names, the people the panel chose): scrubbed wherever they appear. */
  values: readonly string[];
  /** Ids that may stay in a URL (the two items' ids: they name the procedure, not a person). */
  knownIds: readonly string[];
  /** Option texts read from a custom select's own list (by field id), when the summary has none. */
  dropdownOptions?: Readonly<Record<string, string[]>>;
}

const FRAMEWORKS: Record<string, string> = { element: 'Element UI', 'element-plus': 'Element Plus', ant: 'Ant Design', iview: 'View UI', layui: 'layui' };

/** Which framework drew a field: the widget library when it is one, else the class names say. */
export function frameworkOf(library: string, classes: readonly string[]): string {
  // Element Plus: wrappers around inputs and selects, the --default / --large sizes, asterisk-left form items
  const elementPlus = classes.some((c) => /^el-[a-z-]+__wrapper$/.test(c) || /^el-[a-z-]+--(default|large)$/.test(c) || /^asterisk-(left|right)$/.test(c));
  if (library === 'element' || library === 'element-plus') return elementPlus || library === 'element-plus' ? 'Element Plus' : 'Element UI';
  if (FRAMEWORKS[library]) return FRAMEWORKS[library]!;
  if (classes.some((c) => c.startsWith('el-'))) return elementPlus ? 'Element Plus' : 'Element UI';
  if (classes.some((c) => c.startsWith('ant-'))) return 'Ant Design';
  if (classes.some((c) => c.startsWith('ivu-'))) return 'View UI';
  if (classes.some((c) => c.startsWith('layui-'))) return 'layui';
  if (classes.some((c) => /^(form-control|form-group|control-label|input-group|col-(xs|sm|md|lg)-\d+)$/.test(c))) return 'Bootstrap';
  return 'plain';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function pathOf(path: string, known: ReadonlySet<string>, anon: Anonymiser): string {
  return path
    .split('/')
    .map((seg) => {
      let s = seg;
      try {
        s = decodeURIComponent(seg);
      } catch {
        /* keep as is */
      }
      if (known.has(s.toLowerCase())) return s;
      if (UUID.test(s)) return '«uuid»';
      if (/^(?=.*[a-f])[0-9a-f]{16,}$/i.test(s) || /^[A-Za-z0-9_-]{24,}$/.test(s)) return `«${s.length} chars, code-like»`;
      return anon(s);
    })
    .join('/');
}

/** URL → host, path without query values (their keys kept), hash route path. */
export function reportLocation(href: string, knownIds: readonly string[], anon: Anonymiser = createAnonymiser()): { host: string; path: string; query: string[]; hash: string } {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { host: '', path: '', query: [], hash: '' };
  }
  const known = new Set(knownIds.map((k) => k.toLowerCase()));
  const keys = [...new Set([...url.searchParams.keys()])];
  const [hashPath = '', hashQuery = ''] = url.hash.replace(/^#/, '').split('?');
  const hashKeys = [...new URLSearchParams(hashQuery).keys()].map((k) => `#${k}`);
  return {
    host: url.port ? `${url.hostname}:${url.port}` : url.hostname,
    path: pathOf(url.pathname, known, anon),
    query: [...keys, ...hashKeys].map(anon),
    hash: hashPath ? pathOf(hashPath, known, anon) : '',
  };
}

/** The key a fill report names a field by (its label, or its best evidence when it has none). */
const fillKey = (f: Pick<FieldSummary, 'label' | 'evidence'>) => f.label || f.evidence[0]?.text || '';

/** Each field's outcome in the last fill: same label and meaning, each entry used once, in page order. */
export function matchFill(fields: readonly FieldSummary[], entries: readonly FillEntry[]): Array<FillEntry | null> {
  const left = [...entries];
  return fields.map((f) => {
    const key = fillKey(f);
    let i = left.findIndex((e) => e.label === key && e.meaning === f.meaning);
    if (i < 0) i = left.findIndex((e) => e.label === key);
    if (i < 0) return null;
    return left.splice(i, 1)[0]!;
  });
}

export function buildReport(input: ReportInput): StructureReport {
  const { summary } = input;
  // the page's fixed words: every option of every list (a choice, not a person)
  const options = summary.fields.flatMap((f) => [...f.options, ...(input.dropdownOptions?.[f.id] ?? [])]);
  const anon = createAnonymiser(input.values, options);
  const list = (xs: readonly string[]) => xs.map(anon);
  const fills = matchFill(summary.fields, input.fill?.entries ?? []);
  const where = reportLocation(input.location.href, input.knownIds, anon);
  let origin = '';
  try {
    origin = new URL(input.location.href).origin;
  } catch {
    /* no origin */
  }

  const fields: ReportField[] = summary.fields.map((f, i) => {
    const fill = fills[i];
    const opts = f.options.length ? f.options : (input.dropdownOptions?.[f.id] ?? []);
    return {
      id: f.id,
      label: anon(f.label),
      labelSource: f.labelSource,
      evidence: f.evidence.map((e) => ({ text: anon(e.text), source: e.source, weight: e.weight })),
      section: anon(f.section),
      starred: f.starred,
      starRule: f.starRule,
      widget: { kind: f.kind, library: f.library, framework: frameworkOf(f.library, f.classes ?? []), hints: list(f.hints), classes: list(f.classes ?? []) },
      options: list(opts),
      meaning: f.meaning,
      score: Math.round(f.score * 1000) / 1000,
      reason: anon(f.reason),
      trap: f.trap === null ? null : anon(f.trap),
      taught: f.taught,
      filled: f.filled,
      usable: f.usable,
      dialog: f.dialog,
      fill: fill ? { ...fill.outcome, reason: anon(fill.outcome.reason) } : null,
    };
  });

  const fill = input.fill;
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    extension: input.extension,
    exportedAt: input.today,
    page: {
      ...where,
      title: anon(input.location.title),
      kind: summary.pageKind,
      item: summary.item,
      step: summary.step,
      mode: summary.mode,
      top: input.location.top,
      frames: input.location.frames.map((fr) => {
        const at = reportLocation(fr.src, input.knownIds, anon);
        let sameOrigin = false;
        try {
          sameOrigin = new URL(fr.src).origin === origin;
        } catch {
          /* about:blank, javascript: … */
        }
        return { path: at.path, host: at.host, sameOrigin, name: anon(fr.name) };
      }),
    },
    fields,
    uploads: summary.uploads.map((u) => ({ label: anon(u.label), kind: u.kind, accepts: [...u.accepts], starred: u.starred, starRule: u.starRule, files: u.files, visible: u.visible })),
    invoiceTables: summary.invoiceTables.map((t) => ({ columns: t.columns.map((c) => ({ header: anon(c.header), meaning: c.meaning })), rows: t.rows })),
    rowRequirements: { meanings: [...summary.rowRequirements.meanings], source: summary.rowRequirements.source },
    addresses: summary.addresses.map((a) => ({ group: a.group, fields: [...a.fields], filled: a.filled })),
    fill: fill
      ? {
          agent: fill.agent,
          overwrite: fill.overwrite,
          filled: fill.entries.filter((e) => e.outcome.outcome === 'filled').length,
          kept: fill.entries.filter((e) => e.outcome.outcome === 'kept').length,
          skipped: fill.entries.filter((e) => e.outcome.outcome === 'skipped').length,
          refused: fill.entries.filter((e) => e.outcome.outcome === 'refused').length,
          needManual: fill.needManual,
        }
      : null,
    guard: { codes: [...input.guard.codes], facts: input.guard.facts },
  };
}
