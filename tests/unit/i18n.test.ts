/**
 * Languages: zh-CN is the default, English complete. Fails when a key is missing or empty in either
 * language, when code calls t('…') with a key that does not exist, or when a data table (eligibility
 * questions, checklist lines, guard rules, the manifest) names a key that does not exist.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { catalog, duplicateKeys } from '@/locales';
import { QUESTIONS, CASE_TEXT, NOT_ONLINE_TEXT } from '@/utils/eligibility';
import { MATERIALS, VARIANT_LINES } from '@/utils/checklist';
import { RULES } from '@/utils/guard/rules';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCE_DIRS = ['components', 'entrypoints', 'utils'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('i18n catalog', () => {
  it('every key has a non-empty zh_CN and en text, with the same placeholders', () => {
    const problems: string[] = [];
    for (const [key, entry] of Object.entries(catalog)) {
      if (!/^[A-Za-z0-9_]+$/.test(key)) problems.push(`${key}: not a valid chrome.i18n key`);
      for (const lang of ['zh_CN', 'en'] as const) {
        if (typeof entry[lang] !== 'string' || entry[lang].trim() === '') problems.push(`${key}: ${lang} missing or empty`);
      }
      const marks = (s: string) => [...new Set(s?.match(/\$[1-9]/g) ?? [])].sort().join();
      if (marks(entry.zh_CN) !== marks(entry.en)) problems.push(`${key}: placeholders differ (${marks(entry.zh_CN)} vs ${marks(entry.en)})`);
    }
    expect(problems).toEqual([]);
    expect(duplicateKeys()).toEqual([]);
  });

  it('every key the code passes to t() as a literal exists', () => {
    const missing: string[] = [];
    for (const dir of SOURCE_DIRS) {
      for (const file of sourceFiles(join(ROOT, dir))) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(/\bt\(\s*['"]([A-Za-z0-9_]+)['"]/g)) if (!catalog[m[1]!]) missing.push(`${file.slice(ROOT.length + 1)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every key named in a data table exists', () => {
    const keys: string[] = [];
    for (const q of Object.values(QUESTIONS)) {
      keys.push(q.text, ...(q.hint ? [q.hint] : []));
      for (const o of q.options) keys.push(o.label, ...(o.hint ? [o.hint] : []));
    }
    keys.push(...Object.values(CASE_TEXT), ...Object.values(NOT_ONLINE_TEXT).flatMap((n) => [n.why, n.instead]));
    for (const m of MATERIALS) keys.push(m.label, m.note, ...(m.onlyWhen ? [m.onlyWhen] : []));
    for (const v of Object.values(VARIANT_LINES)) keys.push(v.label, v.note);
    for (const r of RULES) keys.push(r.message);
    const manifestKeys = [...readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8').matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    expect(manifestKeys.length).toBeGreaterThan(1);
    keys.push(...manifestKeys);
    expect(keys.filter((k) => !catalog[k])).toEqual([]);
  });

  it('the guard’s message variants exist too (keys in the rules’ source)', () => {
    const rulesDir = join(ROOT, 'utils/guard/rules');
    const named = readdirSync(rulesDir).flatMap((f) => [...readFileSync(join(rulesDir, f), 'utf8').matchAll(/key:\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1]!));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((k) => !catalog[k])).toEqual([]);
  });
});
