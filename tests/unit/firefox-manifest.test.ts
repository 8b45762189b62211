import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM JS module without types
import { checkFirefoxManifest } from '../packaging/firefox-manifest.mjs';

const good = {
  manifest_version: 2,
  name: '__MSG_extName__',
  version: '0.1.0',
  default_locale: 'zh_CN',
  permissions: ['storage', 'alarms', 'https://zwdt.sh.gov.cn/*'],
  background: { scripts: ['background.js'] },
  browser_action: { default_popup: 'popup.html' },
  commands: { autofill: { suggested_key: { default: 'Alt+Shift+F' } } },
  browser_specific_settings: { gecko: { id: 'zwdt-reimburse-helper@songjiang.local' } },
};
const all = () => true;

describe('Firefox manifest check', () => {
  it('accepts a good manifest', () => {
    expect(checkFirefoxManifest(good, all, { extName: { message: 'x' } })).toEqual([]);
  });
  it('refuses a missing gecko id, Chromium-only keys and permissions, a service worker, missing files and messages', () => {
    const bad = {
      ...good,
      browser_specific_settings: undefined,
      side_panel: { default_path: 'x.html' },
      minimum_chrome_version: '114',
      permissions: ['storage', 'sidePanel'],
      background: { service_worker: 'background.js' },
    };
    const problems: string[] = checkFirefoxManifest(bad, (f: string) => f !== 'popup.html', {});
    const text = problems.join('\n');
    expect(text).toMatch(/gecko\.id is missing/);
    expect(text).toMatch(/"side_panel" is not supported/);
    expect(text).toMatch(/"minimum_chrome_version" is not supported/);
    expect(text).toMatch(/permission "sidePanel"/);
    expect(text).toMatch(/service_worker/);
    expect(text).toMatch(/popup\.html/);
    expect(text).toMatch(/__MSG_extName__/);
  });
});
