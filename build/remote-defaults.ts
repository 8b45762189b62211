/**
 * CDN defaults that libraries carry in their code although the extension always passes its own,
 * bundled files (utils/invoice/extension.ts): tesseract.js's worker, core and language data, and
 * zxing-wasm's .wasm. They are never used, but a package that holds remote script URLs is one a
 * reviewer cannot trust at a glance — so the build removes them (a Vite transform for the bundled
 * modules, the same edit on the copied OCR worker). Each edit must apply exactly as often as listed:
 * a library update that moves them fails the build instead of shipping them silently. The package
 * test (tests/e2e/package.test.ts) checks the result: no remote URL but the allow-listed ones.
 */
import type { Plugin } from 'vite';

export interface RemoteDefault {
  /** The module (Vite id) or the copied asset (its path in the package) the edit applies to. */
  where: RegExp;
  find: RegExp;
  /** What stands in: an empty path, so a default that were ever used fails on the extension's own origin. */
  replace: string;
  /** How many times `find` occurs there. */
  count: number;
  why: string;
}

export const REMOTE_DEFAULTS: readonly RemoteDefault[] = [
  {
    where: /[\\/]tesseract\.js[\\/]src[\\/]worker[\\/]browser[\\/]defaultOptions\.js$/,
    find: /`https:\/\/cdn\.jsdelivr\.net\/npm\/tesseract\.js@v\$\{version\}\/dist\/worker\.min\.js`/g,
    replace: "''",
    count: 1,
    why: 'workerPath: always /ocr/worker.min.js',
  },
  {
    where: /[\\/]zxing-wasm[\\/]dist[\\/]es[\\/]share\.js$/,
    find: /`https:\/\/fastly\.jsdelivr\.net\/npm\/zxing-wasm@[^`]*`/g,
    replace: "''",
    count: 1,
    why: 'locateFile: the .wasm is always /ocr/zxing_reader.wasm',
  },
  {
    where: /^ocr\/worker\.min\.js$/,
    find: /"https:\/\/cdn\.jsdelivr\.net\/npm\/@tesseract\.js-data\/"/g,
    replace: '""',
    count: 1,
    why: 'langPath: always /ocr/lang',
  },
  {
    where: /^ocr\/worker\.min\.js$/,
    find: /"https:\/\/cdn\.jsdelivr\.net\/npm\/tesseract\.js-core@v"/g,
    replace: '""',
    count: 1,
    why: 'corePath: always /ocr/core',
  },
];

/** Whether some edit applies to `where` (a module id or an asset path). */
export const hasRemoteDefaults = (where: string) => REMOTE_DEFAULTS.some((d) => d.where.test(where));

/** Applies the edits for `where` (a module id or an asset path) to `code`; throws when one does not match as expected. */
export function stripRemoteDefaults(where: string, code: string): string {
  let out = code;
  for (const d of REMOTE_DEFAULTS) {
    if (!d.where.test(where)) continue;
    const hits = out.match(d.find)?.length ?? 0;
    if (hits !== d.count) {
      throw new Error(`remote-defaults: expected ${d.count} × ${d.find} in ${where}, found ${hits} (library updated? review ${d.why})`);
    }
    out = out.replace(d.find, d.replace);
  }
  return out;
}

/** The Vite side: the bundled library modules, before any other transform. */
export function remoteDefaultsPlugin(): Plugin {
  return {
    name: 'zwdt:strip-remote-defaults',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0]!;
      if (!hasRemoteDefaults(path)) return null;
      return { code: stripRemoteDefaults(path, code), map: null };
    },
  };
}
