/**
 * Every structure report committed under tests/reports/ is a regression test (issue 13): its page is rebuilt
 * from the report (tests/reports/replay-page.ts — Element UI, Element Plus or plain markup as the report says),
 * 自动填写 and the guard run on it through the BUILT extension with made-up people in the report's situation,
 * and what the helper reports there must match what the report says: labels, stars, widgets, meanings, what the
 * fill did to each field, upload slots, invoice columns, the warnings. A changed report — a label renamed — fails
 * with a message that names the label.
 *
 *   npm run build && node tests/e2e/run.mjs report-replay
 *   npm run report:replay -- path/to/report.json      # one report, with its differences printed
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch, type Session } from './harness';
import { committedReports, loadReport, replay } from '../reports/run-replay';
import type { StructureReport } from '../../utils/report/schema';

let s: Session;
before(async () => {
  s = await launch();
});
after(async () => {
  await s?.close();
});

const reports = committedReports();

describe('committed structure reports replay as tests', () => {
  it('there are reports from both replicas and every fixture page', () => {
    const names = reports.map((r) => r.name);
    for (const n of ['element-ui-basic', 'element-ui-materials', 'bootstrap-basic', 'fixture-upload-notes', 'fixture-district-select', 'fixture-element-plus', 'fixture-plain-table']) {
      assert.ok(names.includes(n), `tests/reports/${n}.json`);
    }
  });

  for (const { name, file } of reports) {
    it(`${name}: the replayed page gives the report's outcome`, async () => {
      const report = loadReport(file);
      const { problems, actual } = await replay(s, report, name);
      assert.deepEqual(problems, [], `${name}: the replay differs from the report:\n${problems.join('\n')}`);
      // not vacuous: the replay filled and judged what the report says
      assert.equal(actual.fields.length, report.fields.length);
      assert.deepEqual(actual.guard.codes, report.guard.codes);
    });
  }
});

/** The report as if the page had written another label: every text of that field renamed. */
function renamed(report: StructureReport, from: string, to: string): StructureReport {
  const copy = structuredClone(report);
  const field = copy.fields.find((f) => f.label.replace(/[*＊:：\s]/g, '') === from);
  assert.ok(field, `a field 「${from}」 in the report`);
  field.label = field.label.replace(from, to);
  for (const e of field.evidence) e.text = e.text.replace(from, to);
  return copy;
}

describe('a changed report fails, naming the label', () => {
  it('「报销人姓名」 renamed to 「报销人称谓」: the replay says which label the helper now reads differently', async () => {
    const report = renamed(loadReport(reports.find((r) => r.name === 'element-ui-basic')!.file), '报销人姓名', '报销人称谓');
    const { problems } = await replay(s, report, 'element-ui-basic-renamed');
    assert.ok(problems.length > 0, 'the replay must fail');
    assert.ok(
      problems.every((p) => p.includes('「报销人称谓」')),
      `every difference names the renamed label:\n${problems.join('\n')}`,
    );
    assert.ok(problems.some((p) => /「报销人称谓」 meaning: report claimant\.name/.test(p)), problems.join('\n'));
    assert.ok(problems.some((p) => /「报销人称谓」 autofill: report filled, replay skipped \(unknown-label\)/.test(p)), problems.join('\n'));
  });

  it('on a plain page too (the Bootstrap replica’s 开户银行)', async () => {
    const report = renamed(loadReport(reports.find((r) => r.name === 'bootstrap-basic')!.file), '开户银行', '开户单位');
    const { problems } = await replay(s, report, 'bootstrap-basic-renamed');
    assert.ok(problems.length > 0 && problems.every((p) => p.includes('「开户单位」')), problems.join('\n'));
  });
});
