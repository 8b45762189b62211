import { describe, expect, it } from 'vitest';
import { answer, decide, guideUrl, QUESTIONS, FIRST_QUESTION, type Answers, type QuestionId } from '@/utils/eligibility';

const walk = (a: Answers) => decide(a).outcome;

describe('eligibility: the three cases of the announcement', () => {
  it('starts by asking about Songjiang', () => {
    expect(walk({})).toEqual({ kind: 'pending', question: 'songjiang' });
  });

  it('case 1: emergency care in another province', () => {
    const a: Answers = { songjiang: 'yes', where: 'away', visitAway: 'emergency' };
    expect(walk(a)).toEqual({ kind: 'pending', question: 'insurance' });
    expect(walk({ ...a, insurance: 'employee' })).toEqual({ kind: 'eligible', case: 'away-emergency', visit: 'emergency', item: 'employee' });
  });

  it('case 2: 院前急救 and 医保卡报损/报失 in Shanghai', () => {
    expect(walk({ songjiang: 'yes', where: 'shanghai', shanghaiReason: 'ambulance', insurance: 'resident' })).toEqual({
      kind: 'eligible',
      case: 'shanghai-ambulance',
      visit: 'ambulance',
      item: 'resident',
    });
    expect(walk({ songjiang: 'yes', where: 'shanghai', shanghaiReason: 'card-lost', insurance: 'employee' })).toMatchObject({ kind: 'eligible', case: 'shanghai-card-lost', item: 'employee' });
  });

  it('case 3: care relationship moved away — outpatient, emergency, 急诊留观 and 住院 all count', () => {
    for (const visit of ['outpatient', 'emergency', 'observation', 'inpatient'] as const) {
      expect(walk({ songjiang: 'yes', where: 'transferred', visitTransferred: visit, insurance: 'resident' })).toEqual({
        kind: 'eligible',
        case: 'transferred',
        visit,
        item: 'resident',
      });
    }
  });

  it('not sure about the insurance: eligible, no item chosen', () => {
    expect(walk({ songjiang: 'yes', where: 'away', visitAway: 'emergency', insurance: 'unsure' })).toMatchObject({ kind: 'eligible', item: null });
  });

  it('says honestly when it cannot be filed online', () => {
    expect(walk({ songjiang: 'no' })).toEqual({ kind: 'not-online', reason: 'outside-songjiang' });
    expect(walk({ songjiang: 'yes', where: 'away', visitAway: 'outpatient' })).toEqual({ kind: 'not-online', reason: 'away-not-emergency' });
    expect(walk({ songjiang: 'yes', where: 'away', visitAway: 'inpatient' })).toEqual({ kind: 'not-online', reason: 'away-not-emergency' });
    expect(walk({ songjiang: 'yes', where: 'shanghai', shanghaiReason: 'other' })).toEqual({ kind: 'not-online', reason: 'shanghai-ordinary' });
  });

  it('asks at most four questions on any path, and every path ends', () => {
    const lengths: number[] = [];
    const explore = (a: Answers) => {
      const w = decide(a);
      if (w.outcome.kind !== 'pending') return void lengths.push(w.path.length);
      for (const o of QUESTIONS[w.outcome.question].options) explore({ ...a, [w.outcome.question]: o.value });
    };
    explore({});
    expect(lengths.length).toBeGreaterThan(10);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(4);
  });

  it('every question is reachable and no option leads nowhere', () => {
    const reached = new Set<QuestionId>([FIRST_QUESTION]);
    for (const q of Object.values(QUESTIONS)) for (const o of q.options) {
      if (o.next) reached.add(o.next);
      expect(Boolean(o.next) || Boolean(o.stop) || q.id === 'insurance').toBe(true);
    }
    expect([...reached].sort()).toEqual(Object.keys(QUESTIONS).sort());
  });

  it('changing an earlier answer drops the later ones', () => {
    const a: Answers = { songjiang: 'yes', where: 'away', visitAway: 'emergency', insurance: 'employee' };
    const b = answer(a, 'where', 'shanghai');
    expect(b).toEqual({ songjiang: 'yes', where: 'shanghai' });
    expect(walk(b)).toEqual({ kind: 'pending', question: 'shanghaiReason' });
    expect(answer(a, 'insurance', 'resident')).toEqual({ ...a, insurance: 'resident' });
  });

  it('links to the guide page of the right item (the announcement’s URLs)', () => {
    expect(guideUrl('employee')).toBe('https://zwdt.sh.gov.cn/govPortals/bsfw/item/c85a49fb-2dc3-4a53-95e1-25e9b0491bae');
    expect(guideUrl('resident')).toBe('https://zwdt.sh.gov.cn/govPortals/bsfw/item/4683b2e6-c7bc-4962-995c-54c7dfd6a62c');
  });
});
