/**
 * Background handlers of the profile messages. None is open to content scripts: only extension
 * pages (options, the panel frame, popup) may read or change profiles.
 */
import { browser } from 'wxt/browser';
import { handle } from '@/utils/messaging';
import { AUTOLOCK_ALARM, SESSION_KEY, SESSION_ACTIVITY, sessionKeyHolder } from '@/utils/crypto/key-holder';
import {
  deleteProfile,
  endSession,
  exportProfiles,
  getLockState,
  getProfile,
  importProfiles,
  listProfiles,
  lockNow,
  previewImport,
  removePassphrase,
  saveProfile,
  setPassphrase,
  touchActivity,
  unlock,
} from './messages';
import { ProfileService, type AttemptStore, type Attempts } from './service';
import { announceSessionEnded } from '@/utils/drafts/session-end';

const SESSION_ATTEMPTS = 'profiles.unlockAttempts';

/** The wrong-passphrase count in `storage.session`: survives a service-worker restart, not a browser restart. */
export function sessionAttemptStore(): AttemptStore {
  return {
    async get() {
      const raw = (await browser.storage.session.get(SESSION_ATTEMPTS))[SESSION_ATTEMPTS] as Partial<Attempts> | undefined;
      return { failures: Number(raw?.failures) || 0, retryAt: Number(raw?.retryAt) || 0 };
    },
    async set(a) {
      await browser.storage.session.set({ [SESSION_ATTEMPTS]: a });
    },
  };
}

/** Session-state keys kept by 结束本次服务 (the unlock state belongs to the person at the PC, not the resident). */
const KEEP_ON_WIPE = new Set([SESSION_KEY, SESSION_ACTIVITY, SESSION_ATTEMPTS]);

async function clearSessionState(): Promise<void> {
  const all = await browser.storage.session.get(null);
  const keys = Object.keys(all).filter((k) => !KEEP_ON_WIPE.has(k));
  if (keys.length) await browser.storage.session.remove(keys);
}

export function createProfileService(): ProfileService {
  return new ProfileService({ keys: sessionKeyHolder(), clearSessionState, attempts: sessionAttemptStore() });
}

export function profileHandlers(service: ProfileService) {
  /** Every call from an extension page counts as activity for the auto-lock. */
  const active = async <T>(value: T | Promise<T>): Promise<T> => {
    const out = await value;
    await service.touch();
    return out;
  };
  return [
    handle(listProfiles, () => active(service.list())),
    handle(getProfile, async ({ id }) => active({ profile: await service.get(id) })),
    handle(saveProfile, async ({ profile }) => active({ profile: await service.save(profile) })),
    handle(deleteProfile, async ({ id }) => active({ deleted: await service.delete(id) })),
    handle(previewImport, ({ text }) => active(service.previewImport(text))),
    handle(importProfiles, ({ text, choices, defaultChoice }) => active(service.import(text, choices, defaultChoice))),
    handle(exportProfiles, () => active(service.exportText())),
    handle(getLockState, () => service.lockState()),
    handle(unlock, ({ passphrase }) => service.unlock(passphrase)),
    handle(lockNow, () => service.lock()),
    handle(setPassphrase, ({ current, next }) => service.setPassphrase(current, next)),
    handle(removePassphrase, ({ current }) => service.removePassphrase(current)),
    handle(endSession, async () => {
      const result = await active(service.endSession());
      // Panels reset, content scripts drop the claimant's values: nothing of the session comes back.
      await announceSessionEnded();
      return result;
    }),
    handle(touchActivity, async () => {
      await service.touch();
      return { locked: (await service.lockState()).locked };
    }),
  ];
}

/** The auto-lock alarm: lock when it fires. */
export function registerAutoLock(service: ProfileService): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === AUTOLOCK_ALARM) void service.lock();
  });
}
