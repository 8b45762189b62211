import { z } from 'zod';
import { defineMessage, handle } from '@/utils/messaging';
import { loadSettings, saveSettings, settingsPatchSchema, settingsSchema } from './index';

/** Current settings. Content scripts may read them (text size for in-page notes); no personal data. */
export const getSettings = defineMessage('settings/get', z.object({}).optional(), settingsSchema);

/** Change some settings (extension pages only); answers the full new settings. */
export const updateSettings = defineMessage('settings/update', settingsPatchSchema, settingsSchema);

export const settingsHandlers = [
  handle(getSettings, () => loadSettings(), { allowContentScripts: true }),
  handle(updateSettings, (patch) => saveSettings(patch)),
];
