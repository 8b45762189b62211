import { createRouter } from '@/utils/messaging';
import { createProfileService, profileHandlers, registerAutoLock } from '@/utils/profiles/handlers';
import { settingsHandlers } from '@/utils/settings/messages';
import { loadSettings, mirrorSettings } from '@/utils/settings';
import { historyHandlers } from '@/utils/guard/history';
import { DraftService, sessionTabDrafts } from '@/utils/drafts/service';
import { draftHandlers, endDraftsOnConfirmedSubmission, registerDraftExpiry } from '@/utils/drafts/handlers';

export default defineBackground(() => {
  // The background owns the store (profiles, drafts, settings); extension pages ask through typed messages.
  const profiles = createProfileService();
  // Drafts share the profiles' lock and its one queue.
  const drafts = new DraftService({ vault: profiles.vault, tabs: sessionTabDrafts() });
  registerAutoLock(profiles);
  registerDraftExpiry(drafts);
  void loadSettings().then(mirrorSettings);
  browser.runtime.onMessage.addListener(
    createRouter([
      ...profileHandlers(profiles),
      ...settingsHandlers(() => profiles.touch()),
      ...draftHandlers(drafts),
      // A submission the portal confirmed ends that tab's drafts.
      ...endDraftsOnConfirmedSubmission(historyHandlers(), drafts),
    ]),
  );
});
