/**
 * End-to-end harness: the built extension (.output/chrome-mv3) in Debian Chromium, talking to the
 * local portal replica at the REAL host names (host-resolver-rules + a self-signed certificate),
 * so the manifest's real match patterns are exercised.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type Frame } from 'puppeteer-core';
// @ts-expect-error plain ESM JS module without types
import { startReplica } from '../replica/server.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
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

export async function launch(options: { extension?: boolean; headless?: boolean; extensionDir?: string } = {}): Promise<Session> {
  const withExtension = options.extension ?? true;
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (withExtension && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
  }
  const replica: Replica = await startReplica({ port: 0 });
  const userDataDir = mkdtempSync(join(tmpdir(), 'zwdt-e2e-'));
  const headless = options.headless ?? true;
  const extArgs = withExtension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : [];
  const browser = await puppeteer.launch({
    executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium',
    headless,
    userDataDir,
    // A real window (the demo with a display) gets its own size; headless runs emulate 1360×900.
    args: chromiumArgs(replica.port, headless ? extArgs : [...extArgs, '--window-size=1400,960']),
    ignoreDefaultArgs: ['--disable-extensions'],
    acceptInsecureCerts: true,
    defaultViewport: headless ? { width: 1360, height: 900 } : null,
    protocolTimeout: 120_000,
    // Chromium on Linux takes its UI language (and so chrome.i18n's) from the environment.
    env: CHROMIUM_ENV,
  });
  let extensionId: string | null = null;
  if (withExtension) {
    const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 20_000 });
    extensionId = new URL(worker.url()).host;
  }
  return {
    browser,
    replica,
    extensionId,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async newPage(url) {
      const page = await browser.newPage();
      page.setDefaultTimeout(20_000);
      if (url) await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async close() {
      await browser.close().catch(() => {});
      await replica.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Find the helper's in-page frame (extension origin) inside a portal page. */
export async function helperFrame(page: Page, timeout = 15_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => f.url().startsWith('chrome-extension://') && f.url().includes('/panel.html'));
    if (frame) {
      await frame.waitForSelector('[data-testid="panel"]', { timeout: Math.max(1000, deadline - Date.now()) });
      return frame;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The helper panel did not appear on ${page.url()}`);
}

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
