/**
 * A structure report → a static fixture page with the same labels, sections, stars (drawn the way the report's
 * star rule found them), widget kinds, options, dialogs, hidden step panes, upload slots (with as many files
 * listed) and invoice tables. Element UI (Vue 2) or Element Plus (Vue 3) markup when the report's widgets came
 * from a component library — the replica serves both from node_modules — plain markup otherwise. Pure: the
 * page is a string; the replay run serves it at a portal URL.
 *
 * What a report cannot say is taken from its meaning: a custom select whose options were never drawn gets the
 * options its meaning needs (banks, districts, 办理方式 …); a cascader gets 上海市 / 市辖区 / the 16 districts.
 */
import { BANK_ALIASES, MODE_WORDS } from '../../utils/page/vocabulary';
import { SHANGHAI_DISTRICTS } from '../../utils/address';
import { ITEMS, STEP_NAMES } from '../../utils/detect/items';
import { districtOfAddress } from '../../utils/address';
import type { ReportField, ReportUpload, StructureReport } from '../../utils/report/schema';
import type { Scenario } from './scenario';

export type Framework = 'element-ui' | 'element-plus' | 'plain';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\{\{/g, '{&#8203;{');
const json = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

/** The page's framework: Element Plus if any field was drawn by it, Element UI if any by a component library, else plain. */
export function pageFramework(report: StructureReport): Framework {
  const fw = report.fields.map((f) => f.widget.framework);
  if (fw.includes('Element Plus')) return 'element-plus';
  if (report.fields.some((f) => f.widget.library !== 'native' || /^(Element UI|Ant Design|View UI|layui)$/.test(f.widget.framework))) return 'element-ui';
  return 'plain';
}

// ------------------------------------------------------------------------------------------------ options

interface Option {
  v: string;
  t: string;
}
interface CascaderNode {
  value: string;
  label: string;
  children?: CascaderNode[];
}

const PLACEHOLDER = /^[-—\s]*请选择|^--|^选择/;

const CASCADER: CascaderNode[] = [
  { value: 'sh', label: '上海市', children: [{ value: 'sx', label: '市辖区', children: SHANGHAI_DISTRICTS.map(([code, name]) => ({ value: code, label: name })) }] },
  { value: 'js', label: '江苏省', children: [{ value: 'sz', label: '苏州市', children: [{ value: 'ks', label: '昆山市' }] }] },
];

/** The options a select shows: the report's, or what its meaning needs. */
export function optionsOf(f: ReportField): Option[] {
  let texts = f.options;
  if (texts.length === 0) {
    const m = f.meaning ?? '';
    if (m.endsWith('.bankName')) texts = BANK_ALIASES.map((b) => b[0]!);
    else if (m.startsWith('address.')) texts = SHANGHAI_DISTRICTS.map(([, n]) => n);
    else if (m === 'mode') texts = ['本人办理', '委托人办理'];
    else if (m === 'invoice.visitType') texts = ['门诊', '急诊', '住院'];
    else if (m.endsWith('.idType')) texts = ['居民身份证', '护照'];
    else if (m.endsWith('.gender')) texts = ['男', '女'];
    else texts = ['选项一', '选项二'];
  }
  return texts.map((t, k) => ({ v: PLACEHOLDER.test(t) && f.widget.kind === 'native-select' ? '' : `o${k}`, t }));
}

// ------------------------------------------------------------------------------------------------ values put in before / after the fill

/** A value a person put in (the report says the field held one, and the fill did not put it there). */
type Setting = { kind: 'text'; value: string } | { kind: 'option'; value: string } | { kind: 'check' } | { kind: 'path'; value: string[] } | { kind: 'range'; value: [string, string] };

function settingFor(f: ReportField, s: Scenario, report: StructureReport): Setting | null {
  const m = f.meaning ?? '';
  const person = m.startsWith('agent.') && s.agent ? s.agent : s.claimant;
  const address = s.claimant.mailingAddress || s.agent?.mailingAddress || '';
  const district = districtOfAddress(address) ?? '松江区';
  const opts = optionsOf(f).filter((o) => o.v !== '');
  const pick = (words: readonly string[]) => opts.find((o) => words.some((w) => o.t.includes(w))) ?? opts[0];
  switch (f.widget.kind) {
    case 'checkbox':
      return { kind: 'check' };
    case 'date':
      return { kind: 'text', value: '2026-11-25' };
    case 'daterange':
      return { kind: 'range', value: ['2026-11-01', '2026-11-05'] };
    case 'cascader': {
      const code = SHANGHAI_DISTRICTS.find(([, n]) => n === district)?.[0] ?? '310117';
      return { kind: 'path', value: ['sh', 'sx', code] };
    }
    case 'native-select':
    case 'custom-select':
    case 'radio-group': {
      let o: Option | undefined;
      if (m === 'mode') o = pick(MODE_WORDS.find((w) => w.mode === (report.page.mode ?? 'self'))!.words);
      else if (m.endsWith('.bankName')) o = pick([person.bankName.slice(0, 4)]);
      else if (m.startsWith('address.')) o = pick([district, district.replace(/区$/, '')]);
      else o = opts[0];
      return o ? { kind: 'option', value: o.v } : null;
    }
    default: {
      const byMeaning: Record<string, string | undefined> = {
        name: person.name,
        idNumber: person.idNumber,
        phone: person.phone,
        bankAccount: person.bankAccount,
        bankAccountName: person.name,
        bankName: person.bankName,
        full: address,
        detail: address.replace(/^上海市(市辖区)?[^区县]*[区县]/, ''),
        district,
        postcode: '201600',
      };
      return { kind: 'text', value: byMeaning[m.split('.')[1] ?? ''] || (m === 'applicationDate' ? '2026-11-25' : '已填写') };
    }
  }
}

/** A field inside an invoice table: the scenario row's value for its column. */
function cellSetting(f: ReportField, row: Row): Setting | null {
  const text = f.meaning ? (CELL[f.meaning]?.(row) ?? '') : '';
  if (f.widget.kind === 'native-select' || f.widget.kind === 'custom-select' || f.widget.kind === 'radio-group') {
    const o = optionsOf(f).find((x) => x.v !== '' && x.t === text) ?? optionsOf(f).find((x) => x.v !== '');
    return o ? { kind: 'option', value: o.v } : null;
  }
  return { kind: 'text', value: text || '已填写' };
}

/** Before the fill: what the fill kept (the field held a value) or what held one when no fill ran. After: typed later. */
function phaseOf(f: ReportField, report: StructureReport): 'before' | 'after' | null {
  if (!f.filled) return null;
  if (!report.fill || !f.fill || f.fill.outcome === 'kept') return 'before';
  if (f.fill.outcome === 'filled') return null;
  return 'after';
}

// ------------------------------------------------------------------------------------------------ stars

interface Star {
  itemClass: string;
  labelClass: string;
  before: string;
  labelText: (l: string) => string;
  controlAttr: string;
}

function starOf(starred: boolean, rule: string | null): Star {
  const none: Star = { itemClass: '', labelClass: '', before: '', labelText: (l) => l, controlAttr: '' };
  if (!starred) return none;
  switch (rule) {
    case 'required-class':
      return { ...none, itemClass: 'is-required', labelClass: 'required' };
    case 'label-star':
      return { ...none, labelText: (l) => (/[*＊✱]/.test(l) ? l : `*${l}`) };
    case 'star-element':
      return { ...none, before: '<span class="star">*</span>' };
    case 'pseudo-star':
      return { ...none, labelClass: 'zr-pseudo-star' };
    case 'required-attr':
      return { ...none, controlAttr: ' required' };
    default:
      return { ...none, itemClass: 'is-required', labelClass: 'required' };
  }
}

// ------------------------------------------------------------------------------------------------ plain markup

function plainControl(f: ReportField, i: number, star: Star, attrsExtra: string): string {
  let extra = attrsExtra;
  // the other evidence the report names (a title, an aria-label) goes on the control too
  for (const source of ['title', 'aria-label'] as const) {
    const ev = f.evidence.find((e) => e.source === source);
    if (ev && f.labelSource !== source && !extra.includes(`${source}=`)) extra += ` ${source}="${esc(ev.text)}"`;
  }
  const id = `zr${i}`;
  const attrs = `id="${id}" name="${id}"${star.controlAttr}${extra}`;
  const placeholder = f.evidence.find((e) => e.source === 'placeholder')?.text;
  const ph = placeholder && !extra.includes('placeholder=') ? ` placeholder="${esc(placeholder)}"` : '';
  switch (f.widget.kind) {
    case 'native-select':
    case 'custom-select':
    case 'cascader':
      return `<select ${attrs}>${optionsOf(f)
        .map((o) => `<option value="${o.v}">${esc(o.t)}</option>`)
        .join('')}</select>`;
    case 'radio-group':
      return `<span class="radios">${optionsOf(f)
        .map((o, k) => `<label><input type="radio" name="${id}" value="${o.v}"${k === 0 ? star.controlAttr : ''}> ${esc(o.t)}</label>`)
        .join(' ')}</span>`;
    case 'checkbox':
      return `<input type="checkbox" ${attrs}>`;
    case 'date':
      return f.widget.hints.includes('input[type=date]') ? `<input type="date" ${attrs}>` : `<input type="text" class="date-input" ${attrs}${ph || ' placeholder="选择日期"'}>`;
    case 'daterange':
      return `<input type="date" ${attrs}> - <input type="date" id="${id}b"${star.controlAttr}>`;
    default: {
      const type = /input\[type=(\w+)\]/.exec(f.widget.hints.join(' '))?.[1] ?? 'text';
      return f.widget.hints.includes('textarea') ? `<textarea ${attrs}${ph}></textarea>` : `<input type="${type === 'date' ? 'text' : type}" ${attrs}${ph}>`;
    }
  }
}

const evidenceText = (f: ReportField, source: string) => f.evidence.find((e) => e.source === source)?.text;

/**
 * One field in plain markup: its own label (label[for], aria-labelledby) before the control's box, and inside the
 * box the text before it and the control (or an enclosing label) — as the report's evidence says. The star goes
 * on the element the best evidence came from. `item`: the text of the form item's label, not repeated here.
 */
function plainOwn(f: ReportField, i: number, item?: string): { label: string; box: string } {
  const star = starOf(f.starred, f.starRule);
  const best = f.labelSource;
  const cls = (source: string) => (best === source && star.labelClass ? ` class="${star.labelClass}"` : '');
  const text = (source: string) => esc(best === source ? star.labelText(evidenceText(f, source) ?? f.label) : (evidenceText(f, source) ?? ''));
  const mark = (source: string) => (best === source ? star.before : '');
  const forLabel = evidenceText(f, 'label-for');
  const preceding = evidenceText(f, 'preceding-text');
  const labelledBy = evidenceText(f, 'aria-labelledby');
  let extra = '';
  if (best === 'placeholder') extra += ` placeholder="${esc(star.labelText(f.evidence[0]!.text))}"`;
  if (labelledBy !== undefined) extra += ` aria-labelledby="zrl${i}"`;
  let label = '';
  if (labelledBy !== undefined) label += `${mark('aria-labelledby')}<span id="zrl${i}"${cls('aria-labelledby')}>${text('aria-labelledby')}</span> `;
  if (forLabel !== undefined) label += `${mark('label-for')}<label for="zr${i}" class="control-label${best === 'label-for' && star.labelClass ? ` ${star.labelClass}` : ''}">${text('label-for')}</label>`;
  let box = '';
  if (preceding !== undefined && preceding !== forLabel && preceding !== item) box += `${mark('preceding-text')}<span${cls('preceding-text')}>${text('preceding-text')}</span> `;
  const control = plainControl(f, i, star, extra);
  box += evidenceText(f, 'enclosing-label') !== undefined ? `${mark('enclosing-label')}<label${cls('enclosing-label')}>${text('enclosing-label')} ${control}</label>` : control;
  return { label, box };
}

/** The text of the form item a field sits in: its form-item evidence, or its own label text when the next field's form item has that text. */
function itemOf(items: ReadonlyArray<{ f: ReportField }>, k: number): string | undefined {
  const f = items[k]!.f;
  const own = evidenceText(f, 'form-item');
  if (own !== undefined) return own;
  const next = items[k + 1] ? evidenceText(items[k + 1]!.f, 'form-item') : undefined;
  return next !== undefined && (next === evidenceText(f, 'preceding-text') || next === evidenceText(f, 'label-for')) ? next : undefined;
}

/** Fields of plain markup: a run of fields sharing a form item's label goes in one form group, as the page had it. */
function plainFields(items: ReadonlyArray<{ f: ReportField; i: number }>, head: (f: ReportField) => string): string {
  const out: string[] = [];
  for (let k = 0; k < items.length; ) {
    const { f, i } = items[k]!;
    const star = starOf(f.starred, f.starRule);
    if (f.labelSource === 'table-cell' || f.labelSource === 'table-header') {
      const label = `${star.before}<span${star.labelClass ? ` class="${star.labelClass}"` : ''}>${esc(star.labelText(f.evidence[0]!.text))}</span>`;
      out.push(
        head(f) +
          (f.labelSource === 'table-cell'
            ? `<table class="zr-row"><tr><td class="td-label">${label}</td><td>${plainControl(f, i, star, '')}</td></tr></table>`
            : `<table class="zr-row"><thead><tr><th>${label}</th></tr></thead><tbody><tr><td>${plainControl(f, i, star, '')}</td></tr></tbody></table>`),
      );
      k++;
      continue;
    }
    const item = itemOf(items, k);
    if (item === undefined) {
      const own = plainOwn(f, i);
      out.push(`${head(f)}<div class="row">${own.label}<span class="box">${own.box}</span></div>`);
      k++;
      continue;
    }
    // the run of fields under this form item's label
    const run = [items[k]!];
    while (k + run.length < items.length && evidenceText(items[k + run.length]!.f, 'form-item') === item) run.push(items[k + run.length]!);
    const owner = run.find((x) => x.f.labelSource === 'form-item' || (x === run[0] && evidenceText(x.f, 'form-item') === undefined));
    // whose star the item's label carries: a field labelled by it (or by the same text read as the text before it)
    // or, with no such field, the row's label when every field under it is starred (one starred row label stars its parts)
    const rowStarred = run.length > 1 && run.every((x) => x.f.starred) ? run[0]!.f : null;
    const ownerStar =
      owner && (owner.f.labelSource === 'form-item' || owner.f.evidence[0]?.text === item)
        ? starOf(owner.f.starred, owner.f.starRule)
        : rowStarred
          ? starOf(true, rowStarred.starRule)
          : null;
    // a field's own label[for] with the item's text IS the item's label (Bootstrap: two fields in one form group)
    const labelled = run.some((x) => evidenceText(x.f, 'label-for') === item);
    const itemLabel = labelled ? '' : `${ownerStar?.before ?? ''}<label class="control-label ${ownerStar?.labelClass ?? ''}">${esc(ownerStar ? ownerStar.labelText(item) : item)}</label>`;
    const parts = run.map((x) => plainOwn(x.f, x.i, item)).map((o) => `${o.label}<div class="controls">${o.box}</div>`);
    // the star class goes on the label, not the group: the group's other fields are not starred by it
    out.push(`${head(f)}<div class="form-group">${itemLabel}${parts.join('')}</div>`);
    k += run.length;
  }
  return out.join('\n');
}

// ------------------------------------------------------------------------------------------------ Element markup (Vue templates)

function elementControl(f: ReportField, i: number, fw: 'element-ui' | 'element-plus', star: Star): string {
  const model = `m.f${i}`;
  const ph = f.evidence.find((e) => e.source === 'placeholder') ? ` :placeholder="P[${i}]"` : '';
  const native = f.widget.library === 'native' && !/^Element/.test(f.widget.framework);
  const radioValue = fw === 'element-plus' ? ':value' : ':label';
  const date = fw === 'element-plus' ? 'YYYY-MM-DD' : 'yyyy-MM-dd';
  const req = star.controlAttr;
  switch (f.widget.kind) {
    case 'text':
      if (native) return `<input id="zr${i}" v-model="${model}"${ph}${req}>`;
      return f.widget.hints.includes('textarea') || f.widget.classes.includes('el-textarea__inner')
        ? `<el-input type="textarea" v-model="${model}"${ph}${req}></el-input>`
        : `<el-input v-model="${model}"${ph}${req}></el-input>`;
    case 'native-select':
      return `<select id="zr${i}" v-model="${model}"${req}><option v-for="o in O[${i}]" :key="o.v" :value="o.v">{{ o.t }}</option></select>`;
    case 'radio-group':
      return native
        ? `<span><label v-for="o in O[${i}]" :key="o.v"><input type="radio" name="zr${i}" :value="o.v" v-model="${model}"> {{ o.t }}</label></span>`
        : `<el-radio-group v-model="${model}"><el-radio v-for="o in O[${i}]" :key="o.v" ${radioValue}="o.v">{{ o.t }}</el-radio></el-radio-group>`;
    case 'checkbox':
      return native ? `<input type="checkbox" v-model="${model}">` : `<el-checkbox v-model="${model}"></el-checkbox>`;
    case 'custom-select':
      return `<el-select v-model="${model}" filterable${ph || ' placeholder="请选择"'}><el-option v-for="o in O[${i}]" :key="o.v" :label="o.t" :value="o.v"></el-option></el-select>`;
    case 'date':
      return `<el-date-picker v-model="${model}" type="date" value-format="${date}"${ph || ' placeholder="选择日期"'}></el-date-picker>`;
    case 'daterange':
      return `<el-date-picker v-model="${model}" type="daterange" value-format="${date}" start-placeholder="开始日期" end-placeholder="结束日期"></el-date-picker>`;
    case 'cascader':
      return `<el-cascader v-model="${model}" :options="C"${ph}></el-cascader>`;
    default:
      return `<el-input v-model="${model}"></el-input>`;
  }
}

function elementField(f: ReportField, i: number, fw: 'element-ui' | 'element-plus'): string {
  const star = starOf(f.starred, f.starRule);
  const required = star.itemClass ? ' required' : '';
  const control = elementControl(f, i, fw, star);
  if (f.labelSource === 'placeholder' || f.labelSource === null) return `<el-form-item${required}>${control}</el-form-item>`;
  if (star.labelClass === 'zr-pseudo-star' || star.before) {
    return `<el-form-item${required}><template #label>${star.before}<span class="${star.labelClass}">{{ L[${i}] }}</span></template>${control}</el-form-item>`;
  }
  return `<el-form-item :label="L[${i}]"${required}>${control}</el-form-item>`;
}

// ------------------------------------------------------------------------------------------------ the page

function uploadSlot(u: ReportUpload, k: number): string {
  const star = starOf(u.starred, u.starRule);
  const files = Array.from({ length: u.files }, (_, n) => `<li>file${k + 1}-${n + 1}.jpg</li>`).join('');
  return `<div class="upload-slot${star.itemClass ? ' is-required' : ''}">${star.before}<span class="slot-label ${star.labelClass}">${esc(star.labelText(u.label))}</span> <input type="file" multiple><ul class="file-list">${files}</ul></div>`;
}

type Row = Scenario['rows'][number][number];
const EMPTY_ROW: Row = { number: '', code: '', visitType: '', insuranceType: '', payerName: '' };

const CELL: Record<string, (r: Row) => string> = {
  'invoice.number': (r) => r.number,
  'invoice.code': (r) => r.code,
  'invoice.visitType': (r) => r.visitType,
  'invoice.insuranceType': (r) => r.insuranceType,
  'invoice.payerName': (r) => r.payerName,
  'invoice.hospital': (r) => (r.number ? '上海市第一人民医院' : ''),
  'invoice.amount': (r) => (r.number ? '100.00' : ''),
  'invoice.date': (r) => (r.number ? '2026-09-12' : ''),
};

/**
 * Fields that sat inside an invoice table (an old form typing rows inline): read from the table header, label
 * equal to a column's header. They go back into the table, the n-th one of a column into row n.
 */
function tableFields(report: StructureReport): Map<number, { table: number; column: number; row: number }> {
  const at = new Map<number, { table: number; column: number; row: number }>();
  report.invoiceTables.forEach((t, k) => {
    t.columns.forEach((c, col) => {
      let row = 0;
      report.fields.forEach((f, i) => {
        if (!at.has(i) && (f.labelSource === 'table-header' || f.labelSource === 'table-cell') && f.label === c.header && f.dialog === null) at.set(i, { table: k, column: col, row: row++ });
      });
    });
  });
  return at;
}

function invoiceTables(report: StructureReport, s: Scenario, inTable: Map<number, { table: number; column: number; row: number }>, control: (f: ReportField, i: number) => string): string {
  return report.invoiceTables
    .map((t, k) => {
      const cells = new Map<string, number>();
      let rowCount = t.rows;
      for (const [i, p] of inTable) {
        if (p.table !== k) continue;
        cells.set(`${p.row}:${p.column}`, i);
        rowCount = Math.max(rowCount, p.row + 1);
      }
      const rows = Array.from({ length: rowCount }, (_, r) => s.rows[k]?.[r] ?? EMPTY_ROW);
      const body = rows
        .map((r, ri) => {
          const tds = t.columns.map((c, ci) => {
            const i = cells.get(`${ri}:${ci}`);
            return `<td>${i !== undefined ? control(report.fields[i]!, i) : esc(c.meaning ? (CELL[c.meaning]?.(r) ?? '') : c.header === '序号' ? String(ri + 1) : '')}</td>`;
          });
          return `<tr>${tds.join('')}</tr>`;
        })
        .join('');
      const table = `<table class="invoice-table" border="1"><thead><tr>${t.columns.map((c) => `<th>${esc(c.header)}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table>`;
      // typed inline on a step pane the user is not on: the table sits there too
      const own = [...cells.values()].map((i) => report.fields[i]!);
      return own.length > 0 && own.every((f) => !f.usable) ? `<div class="step-pane" style="display:none">${table}</div>` : table;
    })
    .join('\n');
}

/** Consecutive fields sharing where they sit (main form, hidden pane, dialog) go in one container. */
function groups(fields: readonly ReportField[], skip: ReadonlySet<number>): Array<{ where: string; items: Array<{ f: ReportField; i: number }> }> {
  const out: Array<{ where: string; items: Array<{ f: ReportField; i: number }> }> = [];
  fields.forEach((f, i) => {
    if (skip.has(i)) return;
    const where = f.dialog ? `dialog-${f.dialog}` : f.usable ? 'form' : 'hidden';
    const last = out[out.length - 1];
    if (last && last.where === where) last.items.push({ f, i });
    else out.push({ where, items: [{ f, i }] });
  });
  return out;
}

export interface ReplayPage {
  html: string;
  framework: Framework;
  /** The URL path the page is served at (an application URL of the report's item). */
  path: string;
}

export function replayPage(report: StructureReport, s: Scenario, name: string): ReplayPage {
  const fw = pageFramework(report);
  const item = ITEMS.find((x) => x.kind === report.page.item);
  const title = item?.title ?? '办理医疗费零星报销';
  const logistics = report.page.kind === 'logistics';
  const steps = (Object.entries(STEP_NAMES) as Array<[string, string]>)
    .map(([key, text]) => `<li class="${report.page.step === key ? 'active' : ''}">${text}</li>`)
    .join('');

  const renderControl = (f: ReportField, i: number) => (fw === 'plain' ? plainControl(f, i, starOf(f.starred, f.starRule), '') : elementControl(f, i, fw, starOf(f.starred, f.starRule)));
  const inTable = tableFields(report);
  let section = '';
  const body = groups(report.fields, new Set(inTable.keys()))
    .map((g) => {
      const head = (f: ReportField) => {
        const h = f.section && f.section !== section ? `<h4 class="section-title">${esc(f.section)}</h4>` : '';
        section = f.section;
        return h;
      };
      const inner = fw === 'plain' ? plainFields(g.items, head) : g.items.map(({ f, i }) => head(f) + elementField(f, i, fw)).join('\n');
      const form = fw === 'plain' ? `<form onsubmit="return false">${inner}</form>` : `<el-form label-width="180px">${inner}</el-form>`;
      if (g.where === 'form') return form;
      // a step pane the user has left: shown while 自动填写 runs if the fill saw its fields (it ran on that step)
      if (g.where === 'hidden') {
        if (!g.items.some(({ f }) => f.fill)) return `<div class="step-pane" style="display:none">${form}</div>`;
        return fw === 'plain' ? `<div class="step-pane filled-then" style="display:none">${form}</div>` : `<div class="step-pane" v-show="fillTime">${form}</div>`;
      }
      const shown = g.where === 'dialog-open' ? '' : ' style="display:none"';
      return fw === 'plain'
        ? `<div role="dialog" class="zr-dialog"${shown}><h4>新增</h4>${form}</div>`
        : `<div class="el-dialog__wrapper"${shown}><div class="el-dialog"><div class="el-dialog__body">${form}</div></div></div>`;
    })
    .join('\n');

  const visibleSlots = report.uploads.filter((u) => u.visible).map((u, k) => uploadSlot(u, k));
  const hiddenSlots = report.uploads.filter((u) => !u.visible).map((u, k) => uploadSlot(u, k + 1000));
  const uploads = `${visibleSlots.length ? `<div class="uploads">${visibleSlots.join('\n')}</div>` : ''}${hiddenSlots.length ? `<div class="uploads" style="display:none">${hiddenSlots.join('\n')}</div>` : ''}`;

  // values a person had put in: before the fill (kept), and after it (typed later)
  const settings: Record<string, { phase: 'before' | 'after'; setting: Setting }> = {};
  report.fields.forEach((f, i) => {
    const phase = phaseOf(f, report);
    const cell = inTable.get(i);
    const row = cell ? (s.rows[cell.table]?.[cell.row] ?? EMPTY_ROW) : null;
    const setting = !phase ? null : row ? cellSetting(f, row) : settingFor(f, s, report);
    if (phase && setting) settings[`f${i}`] = { phase, setting };
  });
  const data = {
    L: report.fields.map((f) => starOf(f.starred, f.starRule).labelText(f.label)),
    P: report.fields.map((f) => f.evidence.find((e) => e.source === 'placeholder')?.text ?? ''),
    O: report.fields.map((f) => (['native-select', 'custom-select', 'radio-group'].includes(f.widget.kind) ? optionsOf(f) : [])),
    C: CASCADER,
    settings,
    kinds: report.fields.map((f) => f.widget.kind),
  };

  const head =
    fw === 'element-ui'
      ? '<link rel="stylesheet" href="/vendor/element-ui/theme-chalk/index.css">'
      : fw === 'element-plus'
        ? '<link rel="stylesheet" href="/vendor/element-plus/index.css">'
        : '';
  const vendor =
    fw === 'element-ui'
      ? '<script src="/vendor/vue.min.js"></script><script src="/vendor/element-ui/index.js"></script>'
      : fw === 'element-plus'
        ? '<script src="/vendor/vue3.global.prod.js"></script><script src="/vendor/element-plus/index.full.min.js"></script>'
        : '';

  const html = `<!doctype html>
<!-- Replay of a structure report (${esc(name)}): generated by tests/reports/replay-page.ts, ${fw} markup. -->
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>${head}
<style>
  body { font-family: "Noto Sans CJK SC", sans-serif; margin: 0; }
  #app { width: 1000px; margin: 12px auto 200px; }
  .steps { display: flex; gap: 2rem; list-style: none; padding: 0; } .steps .active { font-weight: bold; color: #409eff; }
  .zr-pseudo-star::before { content: '*'; color: #f56c6c; margin-right: 4px; }
  .star { color: #f56c6c; }
  .row, .form-group, .upload-slot { margin: 8px 0; }
</style></head>
<body>
<div id="app">
  <h3 class="apply-title">${esc(logistics ? `${title} 物流申请` : title)}</h3>
  ${logistics ? '<p>物流申请：快递公司、取件地址</p>' : `<ul class="steps">${steps}</ul>`}
  ${body}
  ${invoiceTables(report, s, inTable, renderControl)}
  ${uploads}
</div>
${vendor}
<script>
  var R = ${json(data)};
  function setPlain(key, st) {
    var i = key.slice(1), el = document.getElementById('zr' + i);
    if (st.kind === 'check') { el.checked = true; }
    else if (st.kind === 'option' && R.kinds[i] === 'radio-group') {
      var r = document.querySelector('input[name="zr' + i + '"][value="' + st.value + '"]'); if (r) r.checked = true; el = r;
    } else if (st.kind === 'range') { el.value = st.value[0]; document.getElementById('zr' + i + 'b').value = st.value[1]; }
    else if (st.kind === 'path') { el.value = st.value[st.value.length - 1]; }
    else { el.value = st.value; }
    if (el) { el.dispatchEvent(new Event('input', { bubbles: true })); el.dispatchEvent(new Event('change', { bubbles: true })); }
  }
  function modelValue(st) { return st.kind === 'check' ? true : st.value; }
  function apply(phase, set) { Object.keys(R.settings).forEach(function (k) { if (R.settings[k].phase === phase) set(k, R.settings[k].setting); }); }
  function panes(shown) { document.querySelectorAll('.filled-then').forEach(function (p) { p.style.display = shown ? '' : 'none'; }); }
  function ready(set, show) {
    window.__replay = { beforeFill: function () { show(true); }, afterFill: function () { show(false); apply('after', set); } };
    document.documentElement.setAttribute('data-replay-ready', '1');
  }
  ${
    fw === 'plain'
      ? `apply('before', setPlain); ready(setPlain, panes);`
      : `var m = {}; R.kinds.forEach(function (k, i) { m['f' + i] = k === 'checkbox' ? false : k === 'cascader' || k === 'daterange' ? [] : ''; });
  apply('before', function (k, st) { m[k] = modelValue(st); });
  var options = { data: function () { return { m: m, L: R.L, P: R.P, O: R.O, C: R.C, fillTime: false }; }, mounted: function () { var vm = this; ready(function (k, st) { vm.m[k] = modelValue(st); }, function (shown) { vm.fillTime = shown; }); } };
  ${fw === 'element-plus' ? `Vue.createApp(options).use(ElementPlus).mount('#app');` : `options.el = '#app'; new Vue(options);`}`
  }
</script>
</body></html>
`;
  const id = item?.id ?? ITEMS[0]!.id;
  return { html, framework: fw, path: logistics ? `/govPortals/replay/${name}/my/banjian/wuliu` : `/govPortals/replay/${name}/apply/${id}` };
}
