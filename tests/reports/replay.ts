/**
 * `npm run report:replay -- <report.json> [--html <out.html>]` — turn a structure report into its fixture page
 * and replay it through the built extension (run `npm run build` first): prints every difference between what
 * the report says and what the helper does on the replayed page, one line each, naming the field by its label;
 * exits 1 when there is one. `--html` writes the generated page too (open it next to the report to compare).
 * Without a report file: replays every report committed under tests/reports/.
 */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { launch } from '../e2e/harness';
import { committedReports, loadReport, replay } from './run-replay';

const args = process.argv.slice(2);
const htmlAt = args.indexOf('--html');
const htmlOut = htmlAt >= 0 ? args[htmlAt + 1] : undefined;
const files = args.filter((a, i) => !a.startsWith('--') && (htmlAt < 0 || i !== htmlAt + 1));
const targets = files.length ? files.map((file) => ({ name: basename(file, '.json'), file })) : committedReports();

const s = await launch();
let failed = 0;
try {
  for (const { name, file } of targets) {
    const report = loadReport(file);
    const { problems, html } = await replay(s, report, name);
    if (htmlOut) writeFileSync(targets.length > 1 ? htmlOut.replace(/(\.html)?$/, `-${name}.html`) : htmlOut, html);
    if (problems.length === 0) console.log(`✔ ${name}: the replay agrees with the report (${report.fields.length} fields, ${report.uploads.length} upload slots, warnings [${report.guard.codes.join(', ')}])`);
    else {
      failed++;
      console.log(`✘ ${name}: ${problems.length} difference(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    }
  }
} finally {
  await s.close();
}
process.exit(failed ? 1 : 0);
