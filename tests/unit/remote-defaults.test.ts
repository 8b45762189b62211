/**
 * The build-time removal of the libraries' CDN defaults (build/remote-defaults.ts), on the real files of
 * the installed packages: nothing remote is left, and an edit that no longer matches stops the build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REMOTE_DEFAULTS, hasRemoteDefaults, stripRemoteDefaults } from '../../build/remote-defaults';

const pkg = (name: string) => join(import.meta.dirname, '../../node_modules', name);
const FILES: Array<[where: string, path: string]> = [
  [join(pkg('tesseract.js'), 'src/worker/browser/defaultOptions.js'), join(pkg('tesseract.js'), 'src/worker/browser/defaultOptions.js')],
  [join(pkg('zxing-wasm'), 'dist/es/share.js'), join(pkg('zxing-wasm'), 'dist/es/share.js')],
  ['ocr/worker.min.js', join(pkg('tesseract.js'), 'dist/worker.min.js')],
];

describe('remote defaults removed at build time', () => {
  it.each(FILES)('%s: no CDN URL left', (where, path) => {
    const code = readFileSync(path, 'utf8');
    expect(code).toMatch(/jsdelivr/);
    expect(hasRemoteDefaults(where)).toBe(true);
    const out = stripRemoteDefaults(where, code);
    expect(out).not.toMatch(/https?:\/\/[^"'`\s]*jsdelivr/);
    expect(out.length).toBeLessThan(code.length);
  });

  it('every rule applies to one of the files (none is stale)', () => {
    for (const rule of REMOTE_DEFAULTS) expect(FILES.some(([where]) => rule.where.test(where))).toBe(true);
  });

  it('a library update that moves a default fails loudly instead of shipping it', () => {
    expect(() => stripRemoteDefaults('ocr/worker.min.js', 'var langPath = "https://cdn.example.net/tessdata/";')).toThrow(/expected 1/);
  });

  it('files no rule is about are left alone', () => {
    expect(hasRemoteDefaults('chunks/pdf.js')).toBe(false);
    expect(stripRemoteDefaults('chunks/pdf.js', 'x')).toBe('x');
  });
});
