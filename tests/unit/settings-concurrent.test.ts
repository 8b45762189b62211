/**
 * Two settings changed in quick succession (a click on 100 %, then on 高对比度) must both stick: each
 * save is a read-modify-write of the same record, so concurrent saves must not interleave. (This lost
 * update made the options end-to-end test fail under load: the text stayed at 200 %.)
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetDbForTests } from '@/utils/db';
import { loadSettings, readMirroredSettings, saveSettings } from '@/utils/settings';

beforeEach(async () => {
  fakeBrowser.reset();
  await resetDbForTests();
});

describe('settings saved concurrently', () => {
  it('keeps every patch, in the stored record and in the mirror pages read', async () => {
    await saveSettings({ textScale: 200, highContrast: true });
    const [a, b, c] = await Promise.all([saveSettings({ textScale: 100 }), saveSettings({ highContrast: false }), saveSettings({ volunteerMode: true })]);
    const want = { textScale: 100, highContrast: false, volunteerMode: true };
    expect(await loadSettings()).toMatchObject(want);
    expect(await readMirroredSettings()).toMatchObject(want);
    // each answer is the state after its own patch, in order
    expect(a).toMatchObject({ textScale: 100, highContrast: true });
    expect(b).toMatchObject({ textScale: 100, highContrast: false, volunteerMode: false });
    expect(c).toMatchObject(want);
  });

  it('a refused patch does not block the ones after it', async () => {
    const bad = saveSettings({ textScale: 175 as 150 });
    const good = saveSettings({ highContrast: true });
    await expect(bad).rejects.toThrow();
    expect((await good).highContrast).toBe(true);
  });
});
