/**
 * The content-script size budget, on the production build (.output/chrome-mv3). The portal content script
 * runs in EVERY frame of the portal (headers, footers, guide pages …): it stays small — no profiles, no OCR,
 * no source catalog of messages, no full zod build. The page features (page model, autofill, guard) are a
 * second script injected only into frames that show the application; they have their own budget.
 *
 *   npm run build && node tests/e2e/run.mjs build-budget
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from './harness';

const KB = 1024;
export const BUDGETS = {
  /** every frame of the portal */
  'content-scripts/portal.js': 100 * KB,
  /**
   * frames that show the application / 物流申请 only: the page model (≈ 47 KB), the autofill engine with the
   * drivers of five widget families (≈ 47 KB), the gazetteer (≈ 41 KB), the guard, zod/mini (≈ 29 KB)
   */
  'portal-features.js': 256 * KB,
};

const read = (file: string) => readFileSync(join(EXTENSION_DIR, file), 'utf8');

for (const [file, budget] of Object.entries(BUDGETS)) {
  test(`${file} is at most ${budget / KB} KB minified`, () => {
    const size = statSync(join(EXTENSION_DIR, file)).size;
    assert.ok(size <= budget, `${file} is ${(size / KB).toFixed(1)} KB, over its budget of ${budget / KB} KB`);
  });

  test(`${file} carries no profile store, OCR, source catalog or full zod build`, () => {
    const code = read(file);
    // classic zod names its schemas "ZodString", "ZodObject" …; zod/mini's are "ZodMini…"
    const classic = [...new Set(code.match(/"Zod(?!Mini)[A-Z][A-Za-z]+"/g) ?? [])].filter((n) => !/ZodError|ZodRealError/.test(n));
    assert.deepEqual(classic, [], 'classic zod schemas in the bundle');
    for (const [what, marker] of [
      ['tesseract.js', /tesseract/i],
      ['pdf.js', /pdfjs|GlobalWorkerOptions/],
      ['the IndexedDB store', /indexedDB\.open|openDB\(/],
      ['the profile store', /zwdt-reimburse-helper\/profiles|objectStore\("profiles"/],
      ['the source catalog of messages', /zh_CN:|"zh_CN"/],
    ] as const) {
      assert.doesNotMatch(code, marker, `${what} in ${file}`);
    }
  });
}

test('the manifest runs only the small script in every frame; the page features are not web-accessible', () => {
  const manifest = JSON.parse(read('manifest.json')) as { content_scripts: Array<{ js: string[]; all_frames?: boolean }>; web_accessible_resources?: Array<{ resources: string[] }> };
  assert.deepEqual(manifest.content_scripts.map((c) => c.js), [['content-scripts/portal.js']]);
  const exposed = (manifest.web_accessible_resources ?? []).flatMap((w) => w.resources);
  assert.ok(!exposed.some((r) => r.includes('portal-features')), `exposed: ${exposed.join(', ')}`);
});
