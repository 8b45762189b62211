// Runs the end-to-end suite (node's test runner, one file at a time: Chromium on 2 cores).
// Usage: node tests/e2e/run.mjs [name-filter…]
//
// The suites run on a private copy of the finished build (see build-snapshot.mjs): a `npm run build`
// started meanwhile — by you or by another suite — cannot change the extension under test. A build
// in progress is waited for; an unfinished or unstamped one is refused. The copy is removed at the
// end, also when the run fails or is interrupted.
import { readdirSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { snapshotBuild } from './build-snapshot.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
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

let snapshot;
try {
  snapshot = await snapshotBuild(join(root, '.output/chrome-mv3'), { log: (s) => console.error(s) });
} catch (e) {
  console.error(String(e instanceof Error ? e.message : e));
  process.exit(1);
}
console.error(`end-to-end: build ${snapshot.stamp.id} (${snapshot.stamp.builtAt}), copied to ${snapshot.dir}`);
const cleanup = () => rmSync(snapshot.dir, { recursive: true, force: true });

const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, E2E_EXTENSION_DIR: snapshot.dir },
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => {
  cleanup();
  process.exit(code ?? (signal ? 1 : 0));
});
