// The end-to-end suites never run on `.output/chrome-mv3` while something rebuilds it: `wxt build`
// (wxt.config.ts hooks) writes `.output/chrome-mv3.build.json` — `{ state: 'building', pid }` when it
// starts, `{ state: 'done', id }` when it has written everything — and the runner copies a finished
// build into a private directory, checking that no build started while it copied.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** @typedef {{ state: 'building', pid: number, startedAt: string } | { state: 'done', id: string, builtAt: string }} BuildStamp */

/** @param {string} buildDir @returns {BuildStamp | null} */
export function readStamp(buildDir) {
  try {
    return JSON.parse(readFileSync(`${buildDir}.build.json`, 'utf8'));
  } catch {
    return null;
  }
}

/** @param {number} pid */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return /** @type {NodeJS.ErrnoException} */ (e).code === 'EPERM';
  }
}

/**
 * Why the build in `buildDir` cannot be used now, or null when it can. `building` with a live pid
 * means "wait"; everything else is final.
 * @param {string} buildDir
 * @returns {{ wait: boolean, reason: string } | null}
 */
export function buildProblem(buildDir) {
  const stamp = readStamp(buildDir);
  if (!existsSync(join(buildDir, 'manifest.json')) && stamp?.state !== 'building') return { wait: false, reason: `No built extension in ${buildDir}: run \`npm run build\` first.` };
  if (!stamp) return { wait: false, reason: `${buildDir} has no build stamp (built before the stamp existed?): run \`npm run build\`.` };
  if (stamp.state === 'building') {
    return alive(stamp.pid)
      ? { wait: true, reason: `a build (pid ${stamp.pid}) is writing ${buildDir}` }
      : { wait: false, reason: `the build of ${buildDir} (pid ${stamp.pid}) did not finish: run \`npm run build\`.` };
  }
  return null;
}

/**
 * Waits for a build in progress to finish (polling its stamp), then copies the finished build into a
 * fresh directory and returns it. Throws when there is no usable build.
 * @param {string} buildDir
 * @param {{ timeoutMs?: number, log?: (s: string) => void }} [options]
 */
export async function snapshotBuild(buildDir, options = {}) {
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  let told = false;
  for (;;) {
    const problem = buildProblem(buildDir);
    if (problem && !problem.wait) throw new Error(problem.reason);
    if (!problem) {
      const before = readStamp(buildDir);
      const dir = mkdtempSync(join(tmpdir(), 'zwdt-e2e-ext-'));
      cpSync(buildDir, dir, { recursive: true });
      const after = readStamp(buildDir);
      // a build that started (or finished) while we copied leaves a mixed copy: take it again
      if (before?.state === 'done' && after?.state === 'done' && before.id === after.id && existsSync(join(dir, 'manifest.json'))) return { dir, stamp: after };
      rmSync(dir, { recursive: true, force: true });
    } else if (!told) {
      options.log?.(`waiting: ${problem.reason}`);
      told = true;
    }
    if (Date.now() > deadline) throw new Error(`no finished build of ${buildDir} within the time allowed`);
    await new Promise((r) => setTimeout(r, 500)); // the poll interval on the build stamp
  }
}
