import { catalog } from '@/locales';

/**
 * Translate a message key with positional substitutions ($1 … $9).
 * In the extension this asks `chrome.i18n` (the browser's UI language decides);
 * in unit tests and the Node CLI it falls back to the zh_CN source catalog.
 */
export function t(key: string, ...subs: Array<string | number>): string {
  const strs = subs.map(String);
  const api = (globalThis as { chrome?: { i18n?: { getMessage?: (k: string, s?: string[]) => string } } }).chrome?.i18n;
  if (api?.getMessage) {
    try {
      const msg = api.getMessage(key, strs);
      if (msg) return msg;
    } catch {
      /* fall through to the catalog */
    }
  }
  const entry = catalog[key];
  if (!entry) return key;
  return entry.zh_CN.replace(/\$([1-9])/g, (_, n: string) => strs[Number(n) - 1] ?? '');
}
