/**
 * Where the background keeps the unlocked key: `browser.storage.session` (memory only, never
 * written to disk, cleared at browser restart, and not readable by content scripts at its default
 * access level), so an MV3 service-worker restart does not lock the user out mid-application.
 * An `alarms` alarm locks again after the chosen idle time.
 */
import { browser } from 'wxt/browser';
import { exportKey, importKey } from './index';

export const SESSION_KEY = 'profiles.unlockedKey';
export const SESSION_ACTIVITY = 'profiles.lastActivity';
export const AUTOLOCK_ALARM = 'profiles-autolock';

export interface KeyHolder {
  get(): Promise<CryptoKey | null>;
  set(key: CryptoKey): Promise<void>;
  clear(): Promise<void>;
  /** Postpone the auto-lock by `minutes` (0 = never). */
  touch(minutes: number): Promise<void>;
}

export function sessionKeyHolder(): KeyHolder {
  let cached: CryptoKey | null = null;
  return {
    async get() {
      if (cached) return cached;
      const raw = (await browser.storage.session.get(SESSION_KEY))[SESSION_KEY];
      if (typeof raw !== 'string') return null;
      cached = await importKey(raw);
      return cached;
    },
    async set(key) {
      cached = key;
      await browser.storage.session.set({ [SESSION_KEY]: await exportKey(key) });
    },
    async clear() {
      cached = null;
      await browser.storage.session.remove(SESSION_KEY);
      await browser.alarms.clear(AUTOLOCK_ALARM);
    },
    async touch(minutes) {
      await browser.storage.session.set({ [SESSION_ACTIVITY]: Date.now() });
      if (minutes > 0) await browser.alarms.create(AUTOLOCK_ALARM, { delayInMinutes: minutes });
      else await browser.alarms.clear(AUTOLOCK_ALARM);
    },
  };
}

/** For tests and pages: a holder in memory only. */
export function memoryKeyHolder(): KeyHolder & { touches: number[] } {
  let key: CryptoKey | null = null;
  const touches: number[] = [];
  return {
    touches,
    get: async () => key,
    set: async (k) => void (key = k),
    clear: async () => void (key = null),
    touch: async (m) => void touches.push(m),
  };
}
