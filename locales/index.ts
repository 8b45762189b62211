// Source of the extension's i18n messages. Each area keeps its strings in its own file;
// wxt.config.ts compiles them into public `_locales/<lang>/messages.json` at build time.
import common from './common.json';
import profiles from './profiles.json';
import autofill from './autofill.json';
import invoice from './invoice.json';
import guard from './guard.json';
import validate from './validate.json';
import panel from './panel.json';
import invoiceUi from './invoice-ui.json';
import guidance from './guidance.json';
import report from './report.json';
import drafts from './drafts.json';

export type LocaleEntry = { zh_CN: string; en: string; description?: string };
export type Catalog = Record<string, LocaleEntry>;

const parts: Catalog[] = [common, validate, panel, profiles, autofill, invoice, guard, invoiceUi, guidance, report, drafts] as Catalog[];

export const catalog: Catalog = Object.assign({}, ...parts);

/** Keys defined twice are a bug: the later file would silently win. */
export function duplicateKeys(): string[] {
  const seen = new Set<string>();
  const dup: string[] = [];
  for (const part of parts) for (const key of Object.keys(part)) (seen.has(key) ? dup.push(key) : seen.add(key));
  return dup;
}

export function toChromeMessages(lang: 'zh_CN' | 'en'): Record<string, { message: string }> {
  const out: Record<string, { message: string }> = {};
  for (const [key, entry] of Object.entries(catalog)) out[key] = { message: entry[lang] };
  return out;
}
