/**
 * Comparing a stored structure report with its replay (utils/report/compare.ts), the popup's diagnostics
 * (utils/report/diagnostics.ts), the replay's scenario (tests/reports/scenario.ts) and the i18n keys the report
 * UI names by code — on the committed reports themselves.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compareReports } from '@/utils/report/compare';
import { diagnose } from '@/utils/report/diagnostics';
import { parseReport, type StructureReport } from '@/utils/report/schema';
import { catalog } from '@/locales';
import { LABEL_SOURCE_KEYS, STAR_RULE_KEYS } from '@/components/report/labels';
import { replayScenario, ADDRESS_BY_VERDICT, OTHER_PAYER } from '../reports/scenario';
import { optionsOf, pageFramework } from '../reports/replay-page';
import { classifyAddress } from '@/utils/address';

const DIR = join(import.meta.dirname, '../reports');
const load = (name: string): StructureReport => parseReport(JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')));

describe('compareReports', () => {
  it('every committed report parses and agrees with itself', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const f of files) {
      const r = load(f.replace(/\.json$/, ''));
      expect(compareReports(r, structuredClone(r)), f).toEqual([]);
    }
  });

  it('a renamed label: every difference names the label', () => {
    const stored = load('element-ui-basic');
    const replayed = structuredClone(stored);
    const f = replayed.fields.find((x) => x.label.startsWith('报销人姓名'))!;
    f.label = '报销人称谓';
    f.meaning = null;
    f.score = 0;
    f.fill = { outcome: 'skipped', reason: 'unknown-label' };
    f.filled = false;
    const problems = compareReports(stored, replayed);
    expect(problems).toContain('「报销人姓名」 is not on the replayed page (the report has it)');
    expect(problems).toContain('「报销人称谓」 is on the replayed page but not in the report');
    // the same rename in the stored report (a changed report): the field pairs up and says what differs
    const changed = structuredClone(stored);
    changed.fields.find((x) => x.label.startsWith('报销人姓名'))!.label = '报销人称谓';
    const lines = compareReports(changed, replayed);
    expect(lines).toEqual([
      '「报销人称谓」 meaning: report claimant.name 1, replay — 0',
      '「报销人称谓」 holds a value: report true, replay false',
      '「报销人称谓」 autofill: report filled, replay skipped (unknown-label)',
    ]);
  });

  it('scores move a little (label evidence of a replay is close, not identical); a refusal by the portal’s own check may be a fill', () => {
    const stored = load('fixture-upload-notes');
    const replayed = structuredClone(stored);
    const i = replayed.fields.findIndex((f) => f.meaning === 'claimant.phone');
    replayed.fields[i]!.score -= 0.1;
    expect(compareReports(stored, replayed)).toEqual([]);
    replayed.fields[i]!.score -= 0.05;
    expect(compareReports(stored, replayed)).toHaveLength(1);
    replayed.fields[i]!.score = stored.fields[i]!.score;
    const byPage = structuredClone(stored);
    byPage.fields[i]!.fill = { outcome: 'refused', reason: '页面提示：手机号码格式不正确', by: 'page' };
    expect(compareReports(byPage, replayed)).toEqual([]);
    byPage.fields[i]!.fill = { outcome: 'refused', reason: '没有找到选项', by: 'helper' };
    expect(compareReports(byPage, replayed)).toEqual(['「手机号码」 autofill: report refused, replay filled']);
  });

  it('slots, invoice columns, what a row needs and the warnings are compared too', () => {
    const stored = load('fixture-plain-table');
    const replayed = structuredClone(stored);
    replayed.uploads[0]!.files = 0;
    replayed.invoiceTables[0]!.columns[5]!.meaning = 'claimant.name';
    replayed.guard.codes = replayed.guard.codes.filter((c) => c !== 'duplicate-invoice');
    const problems = compareReports(stored, replayed);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toBe('upload slot 「银行卡或存折」 files: report 1, replay 0');
    expect(problems[1]).toMatch(/^invoice table 1 columns: .*患者姓名=invoice\.payerName.*患者姓名=claimant\.name/);
    expect(problems[2]).toMatch(/^warnings: report \[.*duplicate-invoice.*\], replay /);
    replayed.rowRequirements.meanings = [];
    expect(compareReports(stored, replayed)).toContainEqual(expect.stringMatching(/^what an invoice row needs: /));
  });
});

describe('diagnostics for the popup', () => {
  it('rules that matched, starred fields left unknown, slots left unknown', () => {
    const report = load('fixture-plain-table');
    const d = diagnose(report);
    expect(d.starRules.map(([r]) => r)).toEqual(['label-star']); // <font color=red>*</font> inside the label cell
    expect(d.labelSources.length).toBeGreaterThan(0);
    expect(d.understood).toBeLessThanOrEqual(d.fields);
    expect(d.unknownStarred).toEqual([]);
    const changed = structuredClone(report);
    const f = changed.fields.find((x) => x.starred && x.usable)!;
    f.meaning = null;
    expect(diagnose(changed).unknownStarred).toEqual([f.label.replace(/[*＊:：\s]/g, '')]);
  });

  it('every rule and label source the page model names has words in both languages', () => {
    for (const key of [...Object.values(STAR_RULE_KEYS), ...Object.values(LABEL_SOURCE_KEYS)]) {
      expect(catalog[key]?.zh_CN, key).toBeTruthy();
      expect(catalog[key]?.en, key).toBeTruthy();
    }
    for (const rule of ['required-class', 'label-star', 'star-element', 'pseudo-star', 'required-attr']) expect(STAR_RULE_KEYS[rule], rule).toBeTruthy();
    for (const src of ['taught', 'form-item', 'label-for', 'aria-labelledby', 'aria-label', 'enclosing-label', 'table-cell', 'table-header', 'preceding-text', 'placeholder', 'title']) {
      expect(LABEL_SOURCE_KEYS[src], src).toBeTruthy();
    }
  });
});

describe('the replay’s scenario rebuilds the report’s situation with made-up people', () => {
  it('addresses the classifier judges as the report says', () => {
    for (const v of ['inside', 'outside', 'unknown'] as const) expect(classifyAddress(ADDRESS_BY_VERDICT[v]).verdict, v).toBe(v);
  });

  it('plain-table: a deceased claimant, another payer, the same invoice twice', () => {
    const s = replayScenario(load('fixture-plain-table'));
    expect(s.agent).toBeNull();
    expect(s.claim.deceased).toBe(true);
    expect(s.claimant.mailingAddress).toBe(ADDRESS_BY_VERDICT.unknown);
    expect(s.rows[0]!.map((r) => r.payerName)).toEqual([OTHER_PAYER, OTHER_PAYER]);
    expect(s.rows[0]![0]!.number).toBe(s.rows[0]![1]!.number);
  });

  it('district-select: 委托人办理, an address outside 松江区, the fill’s missing postcode stays missing', () => {
    const report = load('fixture-district-select');
    const s = replayScenario(report);
    expect(s.agent).not.toBeNull();
    expect(classifyAddress(s.claimant.mailingAddress).verdict).toBe('outside');
    expect(pageFramework(report)).toBe('plain');
    expect(pageFramework(load('fixture-element-plus'))).toBe('element-plus');
    expect(pageFramework(load('element-ui-basic'))).toBe('element-ui');
  });

  it('a custom select whose list was never drawn gets the options its meaning needs', () => {
    const bank = load('element-ui-basic').fields.find((f) => f.meaning === 'claimant.bankName')!;
    expect(optionsOf({ ...bank, options: [] }).map((o) => o.t)).toContain('中国工商银行');
  });
});
