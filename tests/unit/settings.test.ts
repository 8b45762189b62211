import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb, resetDbForTests } from '@/utils/db';
import { DEFAULT_SETTINGS, loadSettings, readMirroredSettings, saveSettings, SETTINGS_RECORD } from '@/utils/settings';
import { applyTheme, themeVariables } from '@/components/ui/theme';

beforeEach(async () => {
  fakeBrowser.reset();
  await resetDbForTests();
});

describe('settings', () => {
  it('defaults: normal size, no contrast, images not kept, 15-minute auto-lock', async () => {
    expect(await loadSettings()).toEqual({ textScale: 100, highContrast: false, volunteerMode: false, autoLockMinutes: 15, keepInvoiceImages: false, draftDays: 7 });
  });

  it('saves a validated patch and mirrors it to storage.local', async () => {
    await saveSettings({ textScale: 200, volunteerMode: true });
    expect(await loadSettings()).toMatchObject({ textScale: 200, volunteerMode: true, highContrast: false });
    expect(await readMirroredSettings()).toMatchObject({ textScale: 200, volunteerMode: true });
    await expect(saveSettings({ textScale: 175 as 150 })).rejects.toThrow();
    expect((await loadSettings()).textScale).toBe(200);
  });

  it('falls back to defaults for damaged stored values', async () => {
    await (await getDb()).put('settings', { textScale: 'huge', highContrast: 1, autoLockMinutes: -5 }, SETTINGS_RECORD);
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('theme', () => {
  it('large text: base ≥ 18px, scaled 150% and 200%', () => {
    expect(themeVariables({ ...DEFAULT_SETTINGS })['--zh-font-size']).toBe('18px');
    expect(themeVariables({ ...DEFAULT_SETTINGS, textScale: 150 })['--zh-font-size']).toBe('27px');
    expect(themeVariables({ ...DEFAULT_SETTINGS, textScale: 200 })['--zh-font-size']).toBe('36px');
  });

  it('applies font size and high contrast to the root element', () => {
    applyTheme({ ...DEFAULT_SETTINGS, textScale: 200, highContrast: true }, document);
    const root = document.documentElement;
    expect(root.style.fontSize).toBe('36px');
    expect(root.dataset.contrast).toBe('high');
    expect(root.style.getPropertyValue('--zh-fg')).toBe('#000000');
    applyTheme(DEFAULT_SETTINGS, document);
    expect(root.dataset.contrast).toBe('normal');
  });
});
