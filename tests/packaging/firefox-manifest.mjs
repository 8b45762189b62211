// Checks the Firefox build's manifest (`wxt build -b firefox` → .output/firefox-mv2): a gecko id, only
// keys and permissions Firefox knows, a background page (not a service worker), the files it names
// present, every __MSG_…__ defined. Usage: node tests/packaging/firefox-manifest.mjs [.output/firefox-mv2]
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Top-level keys Firefox reads (MDN, manifest.json). Anything else is Chromium-only or a typo. */
export const FIREFOX_KEYS = new Set([
  'action', 'author', 'background', 'browser_action', 'browser_specific_settings', 'chrome_settings_overrides',
  'chrome_url_overrides', 'commands', 'content_scripts', 'content_security_policy', 'declarative_net_request',
  'default_locale', 'description', 'developer', 'devtools_page', 'dictionaries', 'externally_connectable',
  'homepage_url', 'host_permissions', 'icons', 'incognito', 'manifest_version', 'name', 'omnibox',
  'optional_host_permissions', 'optional_permissions', 'options_page', 'options_ui', 'page_action', 'permissions',
  'protocol_handlers', 'short_name', 'sidebar_action', 'storage', 'theme', 'user_scripts', 'version', 'version_name',
  'web_accessible_resources',
]);

/** API permissions Firefox supports that this project could plausibly use (host patterns are checked apart). */
export const FIREFOX_PERMISSIONS = new Set([
  'activeTab', 'alarms', 'clipboardWrite', 'contextMenus', 'downloads', 'menus', 'notifications', 'scripting',
  'storage', 'tabs', 'unlimitedStorage', 'webNavigation',
]);

const GECKO_ID = /^(\{[0-9a-f-]{36}\}|[A-Za-z0-9._+-]+@[A-Za-z0-9._-]+)$/i;

/** Problems with a Firefox manifest; `has(path)` tells whether a file exists in the build. */
export function checkFirefoxManifest(m, has, messages = null) {
  const problems = [];
  const gecko = m.browser_specific_settings?.gecko;
  if (!gecko?.id) problems.push('browser_specific_settings.gecko.id is missing');
  else if (!GECKO_ID.test(gecko.id)) problems.push(`gecko id "${gecko.id}" is not an email-like id or a {uuid}`);
  for (const key of Object.keys(m)) if (!FIREFOX_KEYS.has(key)) problems.push(`key "${key}" is not supported by Firefox`);
  if (m.manifest_version !== 2 && m.manifest_version !== 3) problems.push(`manifest_version ${m.manifest_version}`);
  if (m.background?.service_worker) problems.push('background.service_worker: Firefox runs background scripts (event page)');
  if (!m.background?.scripts?.length) problems.push('background.scripts is missing');
  if (m.manifest_version === 2 && m.action) problems.push('"action" in a MV2 manifest (browser_action expected)');
  if (m.manifest_version === 2 && typeof m.content_security_policy !== 'undefined' && typeof m.content_security_policy !== 'string') {
    problems.push('content_security_policy must be a string in MV2');
  }
  for (const p of m.permissions ?? []) {
    const isHost = /^(https?|wss?|\*):\/\//.test(p) || p === '<all_urls>';
    if (!isHost && !FIREFOX_PERMISSIONS.has(p)) problems.push(`permission "${p}" is not supported by Firefox (or not expected here)`);
  }
  for (const [name, c] of Object.entries(m.commands ?? {})) {
    if (name === '_execute_action' && m.manifest_version === 2) problems.push('_execute_action in MV2 (use _execute_browser_action)');
    const key = c?.suggested_key?.default;
    if (key && !/^(Alt|Ctrl|Command|MacCtrl)\+((Shift|Alt|Ctrl)\+)?([A-Z0-9]|F\d{1,2}|Comma|Period|Home|End|PageUp|PageDown|Space|Insert|Delete|Up|Down|Left|Right)$/.test(key)) {
      problems.push(`command ${name}: suggested key "${key}" is not valid in Firefox`);
    }
  }
  const files = [
    ...(m.background?.scripts ?? []),
    m.browser_action?.default_popup ?? m.action?.default_popup,
    m.options_ui?.page,
    ...Object.values(m.icons ?? {}),
    ...(m.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
    ...(m.default_locale ? [`_locales/${m.default_locale}/messages.json`] : []),
  ].filter(Boolean);
  for (const f of files) if (!has(f)) problems.push(`file "${f}" named in the manifest is missing`);
  if (messages) {
    const used = JSON.stringify(m).match(/__MSG_(\w+)__/g) ?? [];
    for (const u of used) {
      const key = u.slice(6, -2);
      if (!messages[key]?.message) problems.push(`${u} is not defined in _locales/${m.default_locale}`);
    }
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? '.output/firefox-mv2');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const msgFile = join(dir, '_locales', manifest.default_locale ?? 'en', 'messages.json');
  const messages = existsSync(msgFile) ? JSON.parse(readFileSync(msgFile, 'utf8')) : null;
  const problems = checkFirefoxManifest(manifest, (f) => existsSync(join(dir, f)), messages);
  if (problems.length) {
    console.error(`Firefox manifest (${dir}):\n  - ${problems.join('\n  - ')}`);
    process.exit(1);
  }
  console.log(`Firefox manifest OK (${dir}): MV${manifest.manifest_version}, gecko id ${manifest.browser_specific_settings.gecko.id}`);
}
