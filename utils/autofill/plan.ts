/**
 * Decide what goes where, before touching the page.
 *
 * - 办理方式: 本人办理 when there is no agent (the account holder is the claimant), else 委托人办理. It follows
 *   the people chosen in the helper, so it is set even when the page pre-selected something.
 * - 报销人 fields from the claimant; 委托人 fields (委托人 / 被委托人 / 代办人: the account holder) from the agent.
 *   In 本人办理 the account holder IS the claimant: a 委托人 field still on screen is filled from the claimant only
 *   when it is starred (the page insists); otherwise it is left alone ("本人办理，无需填写").
 * - Address: a 所在区 field gets the district the address really lies in (`districtOfAddress`); when the form has
 *   a separate district field, 详细地址 / 邮寄地址 get the rest (上海市 / 松江区 prefix removed). A district
 *   select or cascader is matched by option text (上海市 → 市辖区? → 松江区 → 街道/镇?).
 * - The insurance mismatch (职保 page, 居保 claimant …) is a plain warning; the fill goes on.
 * - Nothing is planned for fields that hold a value unless `overwrite` (except 办理方式, above).
 */
import { districtOfAddress, findPlaces } from '@/utils/address';
import { t } from '@/utils/i18n';
import { idFacts } from '@/utils/id-facts';
import { OPTION_ALIASES, BANK_ALIASES } from '@/utils/page/vocabulary';
import { normalizeLabel } from '@/utils/page/text';
import { rolesIn, sectionRole } from '@/utils/page/meaning';
import { isInvoiceMeaning, type Meaning } from '@/utils/page/meanings';
import type { FillContext, InvoiceRowValues, PersonValues } from './context';
import type { CollectedField, FillPlan, FillValue, MatchResult, PlanSkip, PlannedFill } from './types';

export type Scope = 'basic' | 'invoice';

export interface PlanOptions {
  scope?: Scope;
  districtOf?: (address: string) => string | null;
  invoice?: InvoiceRowValues;
  /** Today as YYYY-MM-DD (for 申请日期); default: the local date. */
  today?: string;
}

export function localToday(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const CHOICE_KINDS = new Set(['native-select', 'custom-select', 'radio-group']);

export function isChoice(field: CollectedField): boolean {
  return CHOICE_KINDS.has(field.kind);
}

/** Birth date and sex from the ID number (parsed in one place: utils/schemas `idFacts`). */
export const birthDateOf = (id: string): string | null => idFacts(id).birthDate;
export const genderOf = (id: string): 'male' | 'female' | null => idFacts(id).sex;

/** The bank name as options may show it: the full branch, the canonical bank, its short forms. */
export function bankCandidates(name: string): string[] {
  const out = [name];
  const n = name.replace(/\s+/g, '');
  for (const group of BANK_ALIASES) {
    if (group.some((alias) => n.includes(alias))) {
      out.push(...group);
      break;
    }
  }
  const head = n.match(/^(.*?银行)/)?.[1];
  if (head && !out.includes(head)) out.push(head);
  return out;
}

const PREFIX = /^(中国)?(上海市?|上海)(市辖区)?/;

/** "上海市松江区泗泾镇泗通路225弄" with district 松江区 → "泗泾镇泗通路225弄". */
export function addressDetail(address: string, district: string | null): string {
  let s = address.trim().replace(/\s+/g, '');
  s = s.replace(PREFIX, '');
  if (district && s.startsWith(district)) s = s.slice(district.length);
  return s || address.trim();
}

function districtShort(d: string): string {
  return d.replace(/(新区|区)$/, '');
}

/** Town / street of the address (泗泾镇), for a cascader's fourth level. */
function townOf(address: string): string | null {
  try {
    const street = findPlaces(address).find((e) => e.kind === 'street');
    return street?.name ?? null;
  } catch {
    return null;
  }
}

function modeValue(field: CollectedField, agent: boolean): FillValue {
  const opts = field.options.map((o) => o.trim());
  const yesNo = opts.length > 0 && opts.every((o) => o === '是' || o === '否');
  if (yesNo || field.kind === 'checkbox' || /^是否/.test(normalizeLabel(field.label))) {
    // 是否委托 / 是否代办: 是 = someone else files; 是否本人办理: 是 = the account holder's own
    const selfQuestion = normalizeLabel(field.label).includes('本人');
    const yes = selfQuestion ? !agent : agent;
    return { type: 'choice', candidates: [yes ? '是' : '否'] };
  }
  return { type: 'choice', candidates: [...(agent ? OPTION_ALIASES.modeAgent : OPTION_ALIASES.modeSelf)].filter((c) => c !== '是' && c !== '否') };
}

interface Planned {
  value: FillValue | null;
  skip?: PlanSkip['reason'];
  detail?: string;
  force?: boolean;
}

function personValue(meaning: Meaning, p: PersonValues, field: CollectedField): Planned {
  const field_ = meaning.split('.')[1]!;
  const text = (s: string | undefined | null): Planned => (s && s.trim() ? { value: { type: 'text', text: s.trim() } } : { value: null, skip: 'no-value' });
  switch (field_) {
    case 'name':
      return text(p.name);
    case 'idNumber':
      return text(p.idNumber?.replace(/\s+/g, '').toUpperCase());
    case 'idType':
      return isChoice(field) ? { value: { type: 'choice', candidates: [...OPTION_ALIASES.idCard] } } : { value: { type: 'text', text: '居民身份证' } };
    case 'gender': {
      const g = genderOf(p.idNumber ?? '');
      if (!g) return { value: null, skip: 'no-value' };
      return { value: { type: 'choice', candidates: [...(g === 'male' ? OPTION_ALIASES.male : OPTION_ALIASES.female)] } };
    }
    case 'birthDate': {
      const d = birthDateOf(p.idNumber ?? '');
      return d ? { value: { type: 'date', iso: d } } : { value: null, skip: 'no-value' };
    }
    case 'phone':
      return text(p.phone?.replace(/[\s-]+/g, ''));
    case 'bankName':
      if (!p.bankName?.trim()) return { value: null, skip: 'no-value' };
      return isChoice(field) ? { value: { type: 'choice', candidates: bankCandidates(p.bankName.trim()) } } : text(p.bankName);
    case 'bankAccount':
      return text(p.bankAccount?.replace(/[\s-]+/g, ''));
    case 'bankAccountName':
      return text(p.bankAccountName || p.name);
  }
  return { value: null, skip: 'no-value' };
}

/**
 * A 住院 period shown as two plain inputs under one label (住院日期: [入院] [出院]) is a start and an end, in
 * page order — not the joined "start 至 end" twice.
 */
function periodParts(matches: MatchResult[]): Map<CollectedField, 0 | 1> {
  const plain = matches.filter((m) => m.meaning === 'invoice.period' && !m.trap && m.field.kind !== 'daterange' && m.field.container);
  const parts = new Map<CollectedField, 0 | 1>();
  for (const m of plain) {
    const pair = plain.filter((o) => o.field.container === m.field.container);
    if (pair.length === 2) parts.set(m.field, pair[0] === m ? 0 : 1);
  }
  return parts;
}

function invoiceValue(meaning: Meaning, inv: InvoiceRowValues, field: CollectedField, part?: 0 | 1): Planned {
  const text = (s: string | undefined | null): Planned => (s && s.trim() ? { value: { type: 'text', text: s.trim() } } : { value: null, skip: 'no-value' });
  const period = inv.hospitalizationPeriod;
  switch (meaning) {
    case 'invoice.code':
      return text(inv.invoiceCode);
    case 'invoice.number':
      return text(inv.invoiceNumber);
    case 'invoice.date':
      return inv.issueDate ? { value: { type: 'date', iso: inv.issueDate } } : { value: null, skip: 'no-value' };
    case 'invoice.visitType': {
      if (!inv.visitType) return { value: null, skip: 'no-value' };
      const c = [...OPTION_ALIASES[inv.visitType]];
      return isChoice(field) ? { value: { type: 'choice', candidates: c } } : text(c[0]);
    }
    case 'invoice.hospital':
      return isChoice(field) && inv.hospital ? { value: { type: 'choice', candidates: [inv.hospital] } } : text(inv.hospital);
    case 'invoice.amount':
      return text(inv.totalAmount);
    case 'invoice.period':
      if (!period) return { value: null, skip: 'no-value' };
      if (field.kind === 'daterange') return { value: { type: 'daterange', start: period[0], end: period[1] } };
      return part === undefined ? text(`${period[0]} 至 ${period[1]}`) : { value: { type: 'date', iso: period[part] } };
    case 'invoice.periodStart':
      return period ? { value: { type: 'date', iso: period[0] } } : { value: null, skip: 'no-value' };
    case 'invoice.periodEnd':
      return period ? { value: { type: 'date', iso: period[1] } } : { value: null, skip: 'no-value' };
  }
  return { value: null, skip: 'no-value' };
}

export function planFill(matches: MatchResult[], ctx: FillContext, options: PlanOptions = {}): FillPlan {
  const scope = options.scope ?? 'basic';
  const districtOf = options.districtOf ?? districtOfAddress;
  const fills: PlannedFill[] = [];
  const skips: PlanSkip[] = [];
  const warnings: string[] = [];
  const overwrite = ctx.overwrite ?? false;
  const agentMode = ctx.agent !== null;

  if (scope === 'basic' && ctx.item && ctx.claimantInsurance && ctx.claimantInsurance !== 'unknown' && ctx.item !== ctx.claimantInsurance) {
    warnings.push(
      t('autofillWarnInsuranceMismatch', t(ctx.claimantInsurance === 'employee' ? 'autofillInsuranceEmployee' : 'autofillInsuranceResident'), t(ctx.item === 'employee' ? 'autofillInsuranceEmployee' : 'autofillInsuranceResident')),
    );
  }

  const hasDistrictField = matches.some((m) => m.meaning === 'address.district' || (m.meaning === 'address.full' && (isChoice(m.field) || m.field.kind === 'cascader')));
  const addressPerson = (m: MatchResult): PersonValues => {
    // an address under 委托人 belongs to the account holder; otherwise the claimant's mailing address
    const agentish = rolesIn(normalizeLabel(m.field.label)).roles.includes('agent') || sectionRole(m.field.section) === 'agent';
    return agentish && ctx.agent ? ctx.agent : ctx.claimant;
  };
  let warnedDistrict = false;
  const periodPart = periodParts(matches);

  for (const m of matches) {
    const field = m.field;
    if (m.trap) {
      skips.push({ field, meaning: null, reason: 'trap', detail: m.trap });
      continue;
    }
    if (m.taught === 'ignore') {
      skips.push({ field, meaning: null, reason: 'ignored' });
      continue;
    }
    if (!m.meaning) {
      skips.push({ field, meaning: null, reason: 'unknown-label', detail: m.reason });
      continue;
    }
    const meaning = m.meaning;
    if ((scope === 'basic') === isInvoiceMeaning(meaning)) {
      skips.push({ field, meaning, reason: 'other-step' });
      continue;
    }
    if (field.kind === 'checkbox' && meaning !== 'mode') {
      skips.push({ field, meaning, reason: 'unsupported' });
      continue;
    }
    let planned: Planned;
    if (meaning === 'mode') {
      planned = { value: modeValue(field, agentMode), force: true };
    } else if (meaning === 'applicationDate') {
      planned = { value: { type: 'date', iso: options.today ?? localToday() } };
    } else if (meaning.startsWith('claimant.')) {
      planned = personValue(meaning, ctx.claimant, field);
    } else if (meaning.startsWith('agent.')) {
      if (ctx.agent) planned = personValue(meaning, ctx.agent, field);
      else if (field.starred) planned = personValue(meaning, ctx.claimant, field);
      else planned = { value: null, skip: 'not-needed' };
    } else if (meaning.startsWith('address.')) {
      const person = addressPerson(m);
      const address = person.mailingAddress?.trim() ?? '';
      let district: string | null = null;
      if (address) {
        try {
          district = districtOf(address);
        } catch {
          district = null;
        }
      }
      if (address && district && district !== '松江区' && !warnedDistrict) {
        warnedDistrict = true;
        warnings.push(t('autofillWarnOutsideSongjiang', district));
      }
      const asDistrict = meaning === 'address.district' || (meaning === 'address.full' && (isChoice(field) || field.kind === 'cascader'));
      if (meaning === 'address.postcode') {
        planned = person.postcode ? { value: { type: 'text', text: person.postcode } } : { value: null, skip: 'no-value' };
      } else if (!address) {
        planned = { value: null, skip: 'no-value' };
      } else if (asDistrict) {
        if (!district) planned = { value: null, skip: 'no-value', detail: t('autofillReasonNoDistrict') };
        else if (field.kind === 'cascader') {
          const town = townOf(address);
          planned = {
            value: {
              type: 'path',
              levels: [
                { candidates: [...OPTION_ALIASES.shanghai], optional: true },
                { candidates: [...OPTION_ALIASES.shanghaiCity], optional: true },
                { candidates: [district, districtShort(district)] },
                ...(town ? [{ candidates: [town], optional: true }] : []),
              ],
            },
          };
        } else if (isChoice(field)) planned = { value: { type: 'choice', candidates: [district, districtShort(district), `上海市${district}`] } };
        else planned = { value: { type: 'text', text: district } };
      } else if (meaning === 'address.detail' || (meaning === 'address.full' && hasDistrictField)) {
        planned = { value: { type: 'text', text: addressDetail(address, district) } };
      } else {
        planned = { value: { type: 'text', text: address } };
      }
    } else if (meaning.startsWith('invoice.')) {
      planned = options.invoice ? invoiceValue(meaning, options.invoice, field, periodPart.get(field)) : { value: null, skip: 'no-value' };
    } else {
      planned = { value: null, skip: 'no-value' };
    }
    if (!planned.value) {
      skips.push({ field, meaning, reason: planned.skip ?? 'no-value', detail: planned.detail });
      continue;
    }
    if (field.value && !overwrite && !planned.force) {
      skips.push({ field, meaning, reason: 'kept' });
      continue;
    }
    fills.push({ field, meaning, value: planned.value, force: planned.force });
  }
  // districts before details (a district choice may re-render the address part), 办理方式 first of all
  const rank = (f: PlannedFill) => (f.meaning === 'mode' ? 0 : f.meaning === 'address.district' || (f.meaning === 'address.full' && f.value.type !== 'text') ? 1 : 2);
  fills.sort((a, b) => rank(a) - rank(b) || a.field.index - b.field.index);
  return { fills, skips, warnings };
}
