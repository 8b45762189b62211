// Runs the end-to-end suite (node's test runner, one file at a time: Chromium on 2 cores).
// Usage: node tests/e2e/run.mjs [name-filter…]
import { readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
if (!existsSync(join(root, '.output/chrome-mv3/manifest.json'))) {
  console.error('No built extension: run `npm run build` first.');
  process.exit(1);
}
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.test.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort()
  .map((f) => join(here, f));
if (files.length === 0) {
  console.error('No end-to-end test files matched.');
  process.exit(1);
}
const res = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(res.status ?? 1);
