import { describe, expect, it } from 'vitest';
import { buildChecklist, missingLines, MATERIALS, SUBSTITUTE_SLOT_NAMES, VARIANT_LINES, situationFrom, situationFromQuery, situationToQuery, DEFAULT_SITUATION, type Situation } from '@/utils/checklist';
import { documentKind } from '@/utils/guard/documents';
import { RULES } from '@/utils/guard/rules';

const needed = (s: Partial<Situation>) =>
  buildChecklist({ ...DEFAULT_SITUATION, ...s })
    .filter((l) => l.needed)
    .map((l) => l.id);

describe('material checklist: derived from the guard rules', () => {
  it('every slot name is read by the guard as its kind (no second vocabulary)', () => {
    for (const m of MATERIALS) expect(documentKind(m.slotName)).toBe(m.kind);
    for (const [kind, name] of Object.entries(SUBSTITUTE_SLOT_NAMES)) expect(documentKind(name!)).toBe(kind);
  });

  it('every line names a real guard rule, and every material rule has its line', () => {
    const codes = new Set(RULES.map((r) => r.code));
    for (const m of MATERIALS) if (m.rule) expect(codes.has(m.rule)).toBe(true);
    const materialRules = RULES.filter((r) => r.code.startsWith('missing-')).map((r) => r.code);
    expect(materialRules.sort()).toEqual(MATERIALS.flatMap((m) => (m.rule ? [m.rule] : [])).sort());
  });

  it('本人办理, outpatient: bank card, insurance card, ID, invoices, itemised lists', () => {
    expect(needed({})).toEqual(['bank-card', 'insurance-card', 'id-document', 'invoice', 'invoice-detail']);
  });

  it('委托人办理 adds the account holder’s ID; 住院 adds the 出院小结', () => {
    expect(needed({ delegated: true })).toContain('agent-id');
    expect(needed({ inpatient: true })).toContain('discharge-summary');
    expect(needed({ delegated: true, inpatient: true })).toEqual(['bank-card', 'insurance-card', 'id-document', 'agent-id', 'discharge-summary', 'invoice', 'invoice-detail']);
  });

  it('a minor: 户口本本人页 instead of the ID card; a deceased claimant: 死亡证明 …', () => {
    const minor = buildChecklist({ ...DEFAULT_SITUATION, minor: true }).find((l) => l.id === 'id-document')!;
    expect(minor.label).toBe(VARIANT_LINES.guardMissingIdDocumentMinor!.label);
    const dead = buildChecklist({ ...DEFAULT_SITUATION, deceased: true }).find((l) => l.id === 'id-document')!;
    expect(dead.label).toBe(VARIANT_LINES.guardMissingIdDocumentDeceased!.label);
    expect(buildChecklist(DEFAULT_SITUATION).find((l) => l.id === 'id-document')!.label).toBe('checkIdCard');
  });

  it('without a page read, nothing is ticked or missing', () => {
    const lines = buildChecklist({ ...DEFAULT_SITUATION, delegated: true });
    expect(lines.every((l) => l.done === null)).toBe(true);
    expect(missingLines(lines)).toEqual([]);
  });

  it('ticks off what the page shows uploaded, as the guard would judge it', () => {
    const s: Situation = { delegated: true, minor: false, deceased: false, inpatient: true, invoiceCount: 2 };
    let lines = buildChecklist(s, {});
    expect(missingLines(lines).map((l) => l.id)).toEqual(['bank-card', 'insurance-card', 'id-document', 'agent-id', 'discharge-summary', 'invoice', 'invoice-detail']);
    lines = buildChecklist(s, { 'bank-card': 1, 'insurance-card': 1, 'id-card': 1, invoice: 2, 'invoice-detail': 1 });
    expect(missingLines(lines).map((l) => l.id)).toEqual(['agent-id', 'discharge-summary', 'invoice-detail']); // 2 invoices, 1 list
    lines = buildChecklist(s, { 'bank-card': 1, 'insurance-card': 1, 'id-card': 1, 'agent-id': 1, 'discharge-summary': 1, invoice: 2, 'invoice-detail': 2 });
    expect(missingLines(lines)).toEqual([]);
    expect(lines.filter((l) => l.needed).every((l) => l.done === true)).toBe(true);
  });

  it('a minor’s 户口本本人页 ticks the ID line', () => {
    const s: Situation = { ...DEFAULT_SITUATION, minor: true };
    expect(buildChecklist(s, { 'household-register': 1 }).find((l) => l.id === 'id-document')).toMatchObject({ done: true, files: 1 });
    expect(buildChecklist(s, {}).find((l) => l.id === 'id-document')).toMatchObject({ done: false, files: 0 });
  });

  it('the situation from the eligibility outcome and back from a URL', () => {
    const s = situationFrom({ kind: 'eligible', case: 'transferred', visit: 'inpatient', item: 'resident' }, { delegated: true, minor: false, deceased: true });
    expect(s).toEqual({ delegated: true, minor: false, deceased: true, inpatient: true });
    expect(situationFromQuery(`?${situationToQuery(s)}`)).toEqual(s);
    expect(situationFromQuery('')).toEqual(DEFAULT_SITUATION);
  });
});
