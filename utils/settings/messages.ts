import { z } from 'zod';
import { defineMessage, handle } from '@/utils/messaging';
import { loadSettings, saveSettings, settingsPatchSchema, settingsSchema, type Settings } from './index';

/** Current settings. Content scripts may read them (text size for in-page notes); no personal data. */
export const getSettings = defineMessage('settings/get', z.object({}).optional(), settingsSchema);

/** Change some settings (extension pages only); answers the full new settings. */
export const updateSettings = defineMessage('settings/update', settingsPatchSchema, settingsSchema);

/** `onChange` runs after a successful update (the background re-arms the auto-lock with it). */
export function settingsHandlers(onChange?: (s: Settings) => Promise<void> | void) {
  return [
    handle(getSettings, () => loadSettings(), { allowContentScripts: true }),
    handle(updateSettings, async (patch) => {
      const next = await saveSettings(patch);
      await onChange?.(next);
      return next;
    }),
  ];
}
