/**
 * Give each collected field its meaning: read the label like a person (longest known term, whose it is, what
 * is left over), use the section heading for a plain 姓名, let taught mappings override, and refuse to guess
 * below the threshold. Part of the page model; the vocabulary is data (`vocabulary.ts`).
 */
import { PAGE_SEARCH_HINT } from './widgets';
import { isMeaning, IGNORE, type Meaning } from './meanings';
import { normalizeLabel, splitRemarks } from './text';
import {
  NOISE,
  PERSON_CONCEPTS,
  ROLE_QUALIFIERS,
  SYNONYMS,
  TRAPS,
  ATTRIBUTE_TRAPS,
  SECTION_TRAP_TERMS,
  type Concept,
  type Role,
  type Synonym,
} from './vocabulary';
import type { CollectedField, MatchResult, TaughtMapping } from './types';

export const THRESHOLD = 0.6;
/** Score lost per unexplained character in the label's main text. */
const RESIDUE_PENALTY = 0.15;

const SYN_BY_LENGTH = [...SYNONYMS].sort((a, b) => b.term.length - a.term.length || b.score - a.score);
const QUAL_BY_LENGTH = [...ROLE_QUALIFIERS].sort((a, b) => b.term.length - a.term.length);
const TRAPS_BY_LENGTH = [...TRAPS].sort((a, b) => b.term.length - a.term.length);
const NOISE_BY_LENGTH = [...NOISE].sort((a, b) => b.length - a.length);
const ADDRESS_TERMS = SYNONYMS.filter((s) => s.concept === 'address.full')
  .map((s) => s.term)
  .sort((a, b) => b.length - a.length);

export interface LabelAnalysis {
  concept: Concept | null;
  score: number;
  roles: Role[];
  trap: string | null;
  term: string | null;
  residue: string;
}

function cut(text: string, term: string): string {
  return text.split(term).join('\u0000');
}

/** Roles named in a text (longest qualifiers first, each consumed so 被委托人 is not also 委托人). */
export function rolesIn(text: string): { roles: Role[]; rest: string } {
  let rest = text;
  const roles: Role[] = [];
  for (const q of QUAL_BY_LENGTH) {
    if (rest.includes(q.term)) {
      rest = cut(rest, q.term);
      if (!roles.includes(q.role)) roles.push(q.role);
    }
  }
  return { roles, rest };
}

/**
 * A trap term in the label — unless it is only part of a longer known phrase that reaches beyond it
 * ("收款单位名称" is the hospital, not 单位名称; "单位电话" stays a trap: 电话 lies inside it).
 */
export function trapIn(text: string): string | null {
  const norm = normalizeLabel(text);
  for (const t of TRAPS_BY_LENGTH) {
    let from = 0;
    for (let at = norm.indexOf(t.term, from); at >= 0; at = norm.indexOf(t.term, from)) {
      const end = at + t.term.length;
      const overlapped = SYN_BY_LENGTH.some((s) => {
        if (s.term.length < 2) return false;
        for (let i = norm.indexOf(s.term); i >= 0; i = norm.indexOf(s.term, i + 1)) {
          const e = i + s.term.length;
          if (i < end && e > at && (i < at || e > end)) return true;
        }
        return false;
      });
      if (!overlapped) return t.why;
      from = at + 1;
    }
  }
  return null;
}

/** Read one label text. */
export function analyseLabel(raw: string): LabelAnalysis {
  const full = normalizeLabel(raw);
  const { main, aside } = splitRemarks(raw);
  const none: LabelAnalysis = { concept: null, score: 0, roles: [], trap: null, term: null, residue: full };
  if (!full) return none;
  const trap = trapIn(full);
  if (trap) return { ...none, trap };

  const text = main || aside;
  let syn: Synonym | undefined;
  for (const s of SYN_BY_LENGTH) {
    if (text.includes(s.term)) {
      syn = s;
      break;
    }
  }
  // 邮寄地址所在区: the part named (区 / 详细地址 / 邮编) wins over the address it belongs to
  if (syn?.concept === 'address.full') {
    const part = SYN_BY_LENGTH.find((s) => s.concept !== 'address.full' && s.concept.startsWith('address.') && s.term.length > 1 && text.includes(s.term));
    if (part) syn = part;
  }
  let rest = syn ? cut(text, syn.term) : text;
  const { roles, rest: afterRoles } = rolesIn(rest);
  const asideRoles = main ? rolesIn(aside).roles : [];
  for (const r of asideRoles) if (!roles.includes(r)) roles.push(r);
  rest = afterRoles;
  for (const n of NOISE_BY_LENGTH) rest = cut(rest, n);
  let concept: Concept | null = syn?.concept ?? null;
  let base = syn?.score ?? 0;
  if (!syn) {
    // "委托人：____" — a role alone names the person
    const left = rest.replace(/\u0000/g, '');
    if (roles.length === 1 && left === '') {
      concept = 'name';
      base = 0.85;
    } else return { ...none, roles, residue: left };
  }
  if (concept?.startsWith('address.')) for (const a of ADDRESS_TERMS) rest = cut(rest, a);
  const residue = rest.replace(/\u0000/g, '').replace(/[a-z0-9]/g, '');
  if (syn && syn.term.length === 1 && residue.length > 0) return { ...none, roles, residue };
  const score = Math.max(0, base - RESIDUE_PENALTY * residue.length);
  return { concept, score, roles, trap: null, term: syn?.term ?? null, residue };
}

/** Role named by a section heading (委托人信息 …); null when none or several. */
export function sectionRole(section: string): Role | null {
  if (!section) return null;
  // "委托人（账号本人）": the remark in brackets does not count when the main text names one role
  const { main } = splitRemarks(section);
  const fromMain = rolesIn(main).roles;
  if (fromMain.length === 1) return fromMain[0]!;
  if (fromMain.length > 1) return null;
  const { roles } = rolesIn(normalizeLabel(section));
  return roles.length === 1 ? roles[0]! : null;
}

function meaningOf(concept: Concept, role: Role): Meaning | null {
  if (!PERSON_CONCEPTS.has(concept)) return concept as Meaning;
  if (role === 'other') return null;
  const m = `${role}.${concept}`;
  return isMeaning(m) ? m : null;
}

export interface MatchOptions {
  mappings?: TaughtMapping[];
  host?: string;
}

interface Draft extends MatchResult {
  concept: Concept | null;
  explicitRole: Role | null;
  defaulted: boolean;
}

function attributeTrap(field: CollectedField): string | null {
  // component widgets use type=search / odd names for their inner inputs (ant-select): only plain inputs count
  if (field.kind !== 'text') return null;
  for (const input of field.inputs) {
    const type = (input.getAttribute('type') ?? '').toLowerCase();
    if (type === 'password') return '密码';
    if (type === 'search') return '搜索框';
    if (type === 'email') return '电子邮箱';
    // name / id / autocomplete only: library classes (ant-select-selection-search-input) would mislead
    const attrs = `${input.getAttribute('name') ?? ''} ${input.id} ${input.getAttribute('autocomplete') ?? ''}`.toLowerCase();
    for (const t of ATTRIBUTE_TRAPS) if (attrs.includes(t.term)) return t.why;
  }
  return null;
}

function matchOne(field: CollectedField, taught: Map<string, string>): Draft {
  const base: Draft = {
    field,
    meaning: null,
    score: 0,
    trap: null,
    reason: '',
    taught: null,
    concept: null,
    explicitRole: null,
    defaulted: false,
  };
  // 1. taught mappings win over everything
  for (const ev of field.evidence) {
    const t = taught.get(normalizeLabel(ev.text));
    if (t) {
      if (t === IGNORE) return { ...base, taught: IGNORE, reason: `taught:${ev.text}` };
      if (isMeaning(t)) return { ...base, meaning: t, score: 1, taught: t, reason: `taught:${ev.text}` };
    }
  }
  // 2. traps: a real page search (widget detection: header / site search), any trustworthy evidence, the
  //    input's attributes, or a section like 紧急联系人
  if (field.hints.includes(PAGE_SEARCH_HINT)) return { ...base, trap: trapIn('搜索') ?? '搜索', reason: 'trap:page search' };
  for (const ev of field.evidence) {
    if (ev.weight < 0.7) continue;
    const trap = trapIn(ev.text);
    if (trap) return { ...base, trap, reason: `trap:${ev.text}` };
  }
  const attrTrap = attributeTrap(field);
  if (attrTrap) return { ...base, trap: attrTrap, reason: 'trap:attribute' };
  const sectionNorm = normalizeLabel(field.section);
  for (const term of SECTION_TRAP_TERMS) {
    if (sectionNorm.includes(term)) return { ...base, trap: trapIn(term) ?? term, reason: `trap:section ${field.section}` };
  }

  // 3. the best-scoring evidence
  let best: { a: LabelAnalysis; score: number; text: string; source: string } | null = null;
  const analyses: Array<{ a: LabelAnalysis; score: number; text: string; source: string }> = [];
  for (const ev of field.evidence) {
    const a = analyseLabel(ev.text);
    const score = a.score * ev.weight;
    analyses.push({ a, score, text: ev.text, source: ev.source });
    if (a.concept && (!best || score > best.score)) best = { a, score, text: ev.text, source: ev.source };
  }
  if (!best) return { ...base, reason: 'no known term' };
  // a shared label "邮寄地址" over 所在区 + 详细地址: the placeholder tells which part this is
  if (best.a.concept === 'address.full') {
    const refined = analyses.find(
      (x) => (x.a.concept === 'address.district' || x.a.concept === 'address.detail' || x.a.concept === 'address.postcode') && x.score >= THRESHOLD,
    );
    if (refined) best = { ...refined, score: Math.max(refined.score, best.score) };
  }
  // report the field by the words that were understood ("邮寄地址", not the static "上海市" before it)
  if (best.score >= THRESHOLD) {
    const named = best.source === 'placeholder' ? analyses.find((x) => x.a.concept && x.source !== 'placeholder') : best;
    if (named) field.label = named.text;
    else if (!field.label) field.label = best.text;
  }
  const concept = best.a.concept!;
  const labelRoles = best.a.roles;
  let role: Role;
  let explicitRole: Role | null = null;
  let defaulted = false;
  if (labelRoles.length > 1 && PERSON_CONCEPTS.has(concept)) {
    return { ...base, concept, reason: `several people in "${best.text}"` };
  }
  if (labelRoles.length === 1) {
    role = labelRoles[0]!;
    explicitRole = role;
  } else {
    const s = sectionRole(field.section);
    if (s) {
      role = s;
      explicitRole = s;
    } else {
      role = 'claimant';
      defaulted = true;
    }
  }
  const meaning = meaningOf(concept, role);
  const reason = `${best.a.term ?? 'role'}${explicitRole ? `+${explicitRole}` : ''} in "${best.text}"`;
  if (best.score < THRESHOLD) return { ...base, concept, score: best.score, reason: `low score ${best.score.toFixed(2)}: ${reason}` };
  if (!meaning) return { ...base, concept, score: best.score, explicitRole, reason: `no such value for ${role}: ${reason}` };
  return { ...base, meaning, concept, score: best.score, reason, explicitRole, defaulted };
}

/**
 * A person meaning that appears twice with the role only defaulted (a second plain 身份证号码 below 委托人姓名):
 * take the role of the nearest explicit field above it, as a reader would; if still ambiguous, leave it.
 */
function resolveDuplicates(drafts: Draft[]): void {
  const counts = new Map<Meaning, number>();
  for (const d of drafts) if (d.meaning) counts.set(d.meaning, (counts.get(d.meaning) ?? 0) + 1);
  let lastRole: Role | null = null;
  for (const d of drafts) {
    if (d.concept && PERSON_CONCEPTS.has(d.concept)) {
      if (d.explicitRole) lastRole = d.explicitRole;
      else if (d.defaulted && d.meaning && (counts.get(d.meaning) ?? 0) > 1 && lastRole && lastRole !== 'claimant') {
        const m = meaningOf(d.concept, lastRole);
        d.meaning = m;
        d.reason += ` (role ${lastRole} from the field above)`;
        if (!m) d.score = 0;
      }
    }
  }
  // still duplicated defaulted meanings: keep the first, leave the others alone
  const seen = new Set<Meaning>();
  for (const d of drafts) {
    if (!d.meaning || !d.concept || !PERSON_CONCEPTS.has(d.concept)) continue;
    if (seen.has(d.meaning) && d.defaulted) {
      d.reason = `ambiguous: second field for ${d.meaning}`;
      d.meaning = null;
      continue;
    }
    seen.add(d.meaning);
  }
}

export function matchFields(fields: CollectedField[], options: MatchOptions = {}): MatchResult[] {
  const taught = new Map<string, string>();
  for (const m of options.mappings ?? []) {
    if (m.host && options.host && m.host !== options.host) continue;
    taught.set(normalizeLabel(m.label), m.meaning);
  }
  const drafts = fields.map((f) => matchOne(f, taught));
  resolveDuplicates(drafts);
  return drafts.map(({ field, meaning, score, trap, reason, taught: t }) => ({ field, meaning, score, trap, reason, taught: t }));
}
