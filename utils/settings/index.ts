/**
 * App settings: zod-validated, stored in the `settings` store of the extension database (record
 * `app`), and mirrored to `browser.storage.local` (key `settings`) so every extension page can apply
 * the text size and contrast at once and follow changes live (they hold no personal data).
 */
import { z } from 'zod';
import { browser } from 'wxt/browser';
import { getDb } from '@/utils/db';

export const textScaleSchema = z.union([z.literal(100), z.literal(150), z.literal(200)]);
export type TextScale = z.infer<typeof textScaleSchema>;

export const AUTOLOCK_CHOICES = [0, 5, 15, 30, 60] as const;

export const settingsSchema = z.object({
  /** Percent of the large-text base size (18 px). */
  textScale: textScaleSchema.catch(100).default(100),
  highContrast: z.boolean().catch(false).default(false),
  /** New profiles are temporary; 结束本次服务 wipes them. */
  volunteerMode: z.boolean().catch(false).default(false),
  /** Lock the passphrase-protected profiles after this many idle minutes (0 = only at browser restart). */
  autoLockMinutes: z.number().int().min(0).max(24 * 60).catch(15).default(15),
  /** Keep invoice pictures after an application is done. */
  keepInvoiceImages: z.boolean().catch(false).default(false),
});
export type Settings = z.output<typeof settingsSchema>;

export const settingsPatchSchema = z
  .object({
    textScale: textScaleSchema,
    highContrast: z.boolean(),
    volunteerMode: z.boolean(),
    autoLockMinutes: z.number().int().min(0).max(24 * 60),
    keepInvoiceImages: z.boolean(),
  })
  .partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
export const SETTINGS_RECORD = 'app';
export const SETTINGS_MIRROR_KEY = 'settings';

/** Stored settings; unknown or damaged values fall back to their defaults. */
export async function loadSettings(): Promise<Settings> {
  const raw = await (await getDb()).get('settings', SETTINGS_RECORD);
  const parsed = settingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Saves run one after another: each reads, patches and writes the one record (and its mirror). */
let saving: Promise<unknown> = Promise.resolve();

export function saveSettings(patch: SettingsPatch): Promise<Settings> {
  const run = async () => {
    const valid = settingsPatchSchema.parse(patch);
    const db = await getDb();
    const next = settingsSchema.parse({ ...(await loadSettings()), ...valid });
    await db.put('settings', next, SETTINGS_RECORD);
    await mirrorSettings(next);
    return next;
  };
  const done = saving.then(run, run);
  saving = done.catch(() => undefined);
  return done;
}

export async function mirrorSettings(settings: Settings): Promise<void> {
  try {
    await browser.storage.local.set({ [SETTINGS_MIRROR_KEY]: settings });
  } catch {
    /* no storage in this context: pages fall back to asking the background */
  }
}

/** Read the mirrored settings from `storage.local` (for pages applying the theme). */
export async function readMirroredSettings(): Promise<Settings> {
  try {
    const raw = (await browser.storage.local.get(SETTINGS_MIRROR_KEY))[SETTINGS_MIRROR_KEY];
    const parsed = settingsSchema.safeParse(raw ?? {});
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}
