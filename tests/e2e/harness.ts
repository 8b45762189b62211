/**
 * End-to-end harness: the built extension in Debian Chromium, talking to the local portal replica
 * at the REAL host names (host-resolver-rules + a self-signed certificate), so the manifest's real
 * match patterns are exercised.
 *
 * The extension is the private copy of a finished build that tests/e2e/run.mjs makes
 * (`E2E_EXTENSION_DIR`); a test file run on its own uses `.output/chrome-mv3` and refuses it while
 * a build is writing it. Every session cleans up after itself — Chromium, the replica, the
 * profile — also when launching fails half-way.
 */
import { mkdtempSync, rmSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type Frame, type Target } from 'puppeteer-core';
// @ts-expect-error plain ESM JS module without types
import { startReplica } from '../replica/server.mjs';
// @ts-expect-error plain ESM JS module without types
import { buildProblem } from './build-snapshot.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');
/** Where `npm run build` writes the extension. */
export const BUILD_DIR = join(ROOT, '.output/chrome-mv3');
/** The extension under test: the runner's private copy of a finished build, else the build itself. */
export const EXTENSION_DIR: string = process.env.E2E_EXTENSION_DIR || BUILD_DIR;
export const HOSTS = ['zwdt.sh.gov.cn', 'ywtb.sh.gov.cn', 'www.example.com'];
export const ITEM = {
  employee: 'c85a49fb-2dc3-4a53-95e1-25e9b0491bae',
  resident: '4683b2e6-c7bc-4962-995c-54c7dfd6a62c',
} as const;

export interface Replica {
  port: number;
  submissions: Array<{ time: string; host: string; path: string; body: unknown }>;
  uploads: unknown[];
  reset(): void;
  close(): Promise<void>;
}

export interface Session {
  browser: Browser;
  replica: Replica;
  extensionId: string | null;
  /** `chrome-extension://<id>/<path>` */
  extensionUrl(path: string): string;
  newPage(url?: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Chromium's flags for a test run. `offline`: every host but the replica's resolves to nothing, so
 * a request anywhere else fails (and shows up in a request log) instead of leaving the machine.
 */
export function chromiumArgs(port: number, extra: string[] = [], options: { offline?: boolean } = {}): string[] {
  const rules = [...HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`), ...(options.offline ? ['MAP * ~NOTFOUND'] : []), 'EXCLUDE localhost'];
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    '--ignore-certificate-errors',
    '--lang=zh-CN',
    '--accept-lang=zh-CN,zh',
    `--host-resolver-rules=${rules.join(', ')}`,
    ...extra,
  ];
}

/** Chromium on Linux takes its UI language (and so chrome.i18n's) from the environment; needs Debian's chromium-l10n. */
export const CHROMIUM_ENV = { ...process.env, LANGUAGE: 'zh_CN:zh' };

export interface LaunchOptions {
  extension?: boolean;
  headless?: boolean;
  extensionDir?: string;
  /** Every host but the replica's resolves to nothing (see `chromiumArgs`). */
  offline?: boolean;
  /** Log every URL any target requests (pages, frames, workers, the service worker) into `Session.requests`. */
  logRequests?: boolean;
  protocolTimeout?: number;
}

export interface OfflineSession extends Session {
  requests: string[];
}

/** Runs `undo` steps in reverse order, each even when an earlier one fails. */
async function unwind(steps: Array<() => unknown>): Promise<void> {
  for (const step of steps.reverse()) {
    try {
      await step();
    } catch {
      /* the next one still runs */
    }
  }
}

/** Closes Chromium; if it does not go within a while (a hung renderer under load), kills it. */
async function closeBrowser(browser: Browser): Promise<void> {
  const proc = browser.process();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const killed = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      proc?.kill('SIGKILL');
      resolve();
    }, 30_000);
  });
  await Promise.race([browser.close().catch(() => proc?.kill('SIGKILL')), killed]);
  clearTimeout(timer);
}

export async function launch(options: LaunchOptions & { logRequests: true }): Promise<OfflineSession>;
export async function launch(options?: LaunchOptions): Promise<Session>;
export async function launch(options: LaunchOptions = {}): Promise<Session | OfflineSession> {
  const withExtension = options.extension ?? true;
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (withExtension) {
    const problem = extensionDir === BUILD_DIR ? buildProblem(BUILD_DIR) : null;
    if (problem) throw new Error(problem.wait ? `${problem.reason}: wait for it, or run the suite with tests/e2e/run.mjs (it waits and copies the build).` : problem.reason);
    if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
  }
  const undo: Array<() => unknown> = [];
  try {
    const replica: Replica = await startReplica({ port: 0 });
    undo.push(() => replica.close());
    const userDataDir = mkdtempSync(join(tmpdir(), 'zwdt-e2e-'));
    undo.push(() => rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5 }));
    // Developer mode, as for anyone running an unpacked build: without it Chromium disables a
    // command-line extension that reloads itself (DISABLE_UNSUPPORTED_DEVELOPER_EXTENSION).
    mkdirSync(join(userDataDir, 'Default'), { recursive: true });
    writeFileSync(join(userDataDir, 'Default', 'Preferences'), JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
    const headless = options.headless ?? true;
    const extArgs = withExtension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : [];
    const browser = await puppeteer.launch({
      executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium',
      headless,
      userDataDir,
      // A real window (the demo with a display) gets its own size; headless runs emulate 1360×900.
      args: chromiumArgs(replica.port, headless ? extArgs : [...extArgs, '--window-size=1400,960'], { offline: options.offline }),
      ignoreDefaultArgs: ['--disable-extensions'],
      acceptInsecureCerts: true,
      defaultViewport: headless ? { width: 1360, height: 900 } : null,
      protocolTimeout: options.protocolTimeout ?? 120_000,
      // Chromium on Linux takes its UI language (and so chrome.i18n's) from the environment.
      env: CHROMIUM_ENV,
    });
    undo.push(() => closeBrowser(browser));
    const requests: string[] = [];
    if (options.logRequests) {
      const watch = async (target: Target) => {
        try {
          const cdp = await target.createCDPSession();
          cdp.on('Network.requestWillBeSent', (e: { request: { url: string } }) => requests.push(e.request.url));
          await cdp.send('Network.enable');
        } catch {
          /* target gone */
        }
      };
      browser.on('targetcreated', (t: Target) => void watch(t));
      for (const t of browser.targets()) await watch(t);
    }
    let extensionId: string | null = null;
    if (withExtension) {
      const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 60_000 });
      extensionId = new URL(worker.url()).host;
    }
    let closed = false;
    return {
      browser,
      replica,
      extensionId,
      requests,
      extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
      async newPage(url) {
        const page = await browser.newPage();
        page.setDefaultTimeout(60_000); // a bound for failures on a loaded 2-core machine, never a wait
        if (options.logRequests) page.on('request', (r) => requests.push(r.url()));
        if (url) await page.goto(url, { waitUntil: 'load' });
        return page;
      },
      async close() {
        if (closed) return;
        closed = true;
        await unwind(undo);
      },
    };
  } catch (err) {
    await unwind(undo);
    throw err;
  }
}

/** Find the helper's in-page frame (extension origin) inside a portal page, once its panel has rendered. */
export async function helperFrame(page: Page, timeout = 60_000): Promise<Frame> {
  const isPanel = (f: Frame) => !f.detached && f.url().startsWith('chrome-extension://') && f.url().includes('/panel.html');
  const deadline = Date.now() + timeout;
  for (;;) {
    const left = () => Math.max(1, deadline - Date.now());
    const frame = page.frames().find(isPanel) ?? (await page.waitForFrame(isPanel, { timeout: left() }).catch(() => null));
    if (!frame) throw new Error(`The helper panel did not appear on ${page.url()}`);
    try {
      await frame.waitForSelector('[data-testid="panel"]', { timeout: left() });
      return frame;
    } catch (err) {
      if (!frame.detached) throw err; // replaced meanwhile (the page remounted its panel): take the new one
    }
  }
}

/**
 * @deprecated Waiting on time is how a suite becomes flaky on a loaded machine: wait on a condition
 * (`waitForSelector`, `waitForFunction`, `until` in portal-user.ts). Kept only so that test files
 * written before the change still load.
 */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Store profiles through the extension's own message API (what the options page's import does). */
export async function importProfiles(s: Session, text: string): Promise<void> {
  const page = await s.newPage(s.extensionUrl('options.html'));
  const res = await page.evaluate(
    (t) => (globalThis as any).chrome.runtime.sendMessage({ type: 'profiles/import', payload: { text: t, defaultChoice: 'replace' } }),
    text,
  );
  await page.close();
  if (!res?.ok) throw new Error(`import failed: ${JSON.stringify(res)}`);
}

/** The replica's own view of its state (Vue model / DOM), read in the page's main world. */
export async function replicaState(page: Page | Frame): Promise<any> {
  return page.evaluate(() => (window as unknown as { __replica: { state(): unknown } }).__replica.state());
}
