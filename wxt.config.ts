import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { toChromeMessages, duplicateKeys } from './locales';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PORTAL_MATCHES } from './utils/hosts';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { hasRemoteDefaults, remoteDefaultsPlugin, stripRemoteDefaults } from './build/remote-defaults';

// Runtime files of the invoice engine (issue 6), copied into the build so nothing is fetched from a CDN.
// Loaded only by extension pages (the panel frame): not web-accessible, the portal page never sees them.
const req = createRequire(import.meta.url);
const pkgDir = (name: string) => dirname(req.resolve(`${name}/package.json`));
export const INVOICE_ASSETS: Array<{ absoluteSrc: string; relativeDest: string }> = [
  { absoluteSrc: join(pkgDir('tesseract.js'), 'dist/worker.min.js'), relativeDest: 'ocr/worker.min.js' },
  // oem 1 (LSTM only): tesseract.js picks relaxedsimd-lstm / simd-lstm / lstm by the CPU's wasm features.
  ...['relaxedsimd-lstm', 'simd-lstm', 'lstm'].map((v) => ({ absoluteSrc: join(pkgDir('tesseract.js-core'), `tesseract-core-${v}.wasm.js`), relativeDest: `ocr/core/tesseract-core-${v}.wasm.js` })),
  { absoluteSrc: join(pkgDir('@tesseract.js-data/chi_sim'), '4.0.0_best_int/chi_sim.traineddata.gz'), relativeDest: 'ocr/lang/chi_sim.traineddata.gz' },
  { absoluteSrc: req.resolve('zxing-wasm/reader/zxing_reader.wasm'), relativeDest: 'ocr/zxing_reader.wasm' },
  { absoluteSrc: join(pkgDir('pdfjs-dist'), 'build/pdf.worker.min.mjs'), relativeDest: 'ocr/pdf.worker.min.mjs' },
];

// The portal hosts: utils/hosts.ts (declared once).
export { PORTAL_MATCHES };
// The content script runs in every frame of the portal: it is built without the source catalog of messages
// (chrome.i18n answers there), see `vite:build:extendConfig` below.
const CATALOG = join(dirname(new URL(import.meta.url).pathname), 'locales/index.ts');

/**
 * `<outDir>.build.json` says whether the build in `outDir` is complete: `building` (with this
 * process's pid) from the start, `done` (with a fresh id) once everything is written. The end-to-end
 * runner reads it (tests/e2e/build-snapshot.mjs) so no suite runs on a half-written build.
 */
const stampBuild = (outDir: string, stamp: Record<string, unknown>) => {
  // On a clean clone `.output/` does not exist yet when the build starts.
  mkdirSync(dirname(outDir), { recursive: true });
  writeFileSync(`${outDir}.build.json`, JSON.stringify(stamp));
};

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // Issue 14: the Firefox-only manifest key stays out of Chromium builds (Chrome lists it as unrecognised).
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser !== 'firefox') delete (manifest as { browser_specific_settings?: unknown }).browser_specific_settings;
    },
    'build:before': (wxt) => stampBuild(wxt.config.outDir, { state: 'building', pid: process.pid, startedAt: new Date().toISOString() }),
    'build:done': (wxt) => stampBuild(wxt.config.outDir, { state: 'done', id: randomUUID(), builtAt: new Date().toISOString() }),
    // Compile locales/*.json into the extension's _locales (zh_CN is the default language).
    'build:publicAssets': (_wxt, assets) => {
      const dup = duplicateKeys();
      if (dup.length) throw new Error(`i18n keys defined twice: ${dup.join(', ')}`);
      for (const lang of ['zh_CN', 'en'] as const) {
        assets.push({ relativeDest: `_locales/${lang}/messages.json`, contents: JSON.stringify(toChromeMessages(lang), null, 1) });
      }
      // invoice engine runtime (issue 6); the OCR worker without its CDN defaults (build/remote-defaults.ts)
      for (const a of INVOICE_ASSETS) {
        assets.push(hasRemoteDefaults(a.relativeDest) ? { relativeDest: a.relativeDest, contents: stripRemoteDefaults(a.relativeDest, readFileSync(a.absoluteSrc, 'utf8')) } : a);
      }
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.type === 'content-script' || e.type === 'unlisted-script')) return;
      config.plugins = [
        ...(config.plugins ?? []),
        { name: 'zwdt:content-script-without-catalog', enforce: 'pre', load: (id: string) => (id === CATALOG ? 'export const catalog = {};' : null) },
      ];
    },
  },
  vite: () => ({
    plugins: [preact(), remoteDefaultsPlugin()],
    build: { chunkSizeWarningLimit: 4096 },
  }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // scripting: the background injects the page features only into frames that show the application
    permissions: ['storage', 'alarms', 'scripting'],
    host_permissions: PORTAL_MATCHES,
    content_security_policy: {
      // connect-src: the extension's own files (OCR data, wasm) and in-memory blobs — nothing remote
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; connect-src 'self' blob: data:",
    },
    web_accessible_resources: [
      // use_dynamic_url: the panel's URL changes every session, so a page cannot frame it on its own
      { resources: ['panel.html'], matches: PORTAL_MATCHES, use_dynamic_url: true },
    ],
    action: { default_title: '__MSG_extName__' },
    // Issue 14: 自动填写 from the keyboard (the background forwards it to the panel of that tab).
    commands: {
      autofill: { suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_cmdAutofill__' },
    },
    // Firefox (`wxt build -b firefox`): a stable add-on id, the Firefox release that has every API used
    // here (MV2 event page, storage.session), and no data collected. Left out of Chromium builds (hook above).
    browser_specific_settings: {
      gecko: {
        id: 'zwdt-reimburse-helper@songjiang.local',
        strict_min_version: '115.0',
        data_collection_permissions: { required: ['none'] }, // AMO requires it for new add-ons
      },
    },
  },
});
