import { createRouter } from '@/utils/messaging';
import { createProfileService, registerAutoLock } from '@/utils/profiles/handlers';
import { loadSettings, mirrorSettings } from '@/utils/settings';
import { registerShortcuts } from '@/utils/page-status/shortcuts';
import { DraftService, sessionTabDrafts } from '@/utils/drafts/service';
import { registerDraftExpiry } from '@/utils/drafts/handlers';
import { backgroundHandlers } from '@/utils/background/handlers';

export default defineBackground(() => {
  // The background owns the store (profiles, drafts, settings); extension pages ask through typed messages.
  const profiles = createProfileService();
  // Drafts share the profiles' lock and its one queue.
  const drafts = new DraftService({ vault: profiles.vault, tabs: sessionTabDrafts() });
  registerAutoLock(profiles);
  registerDraftExpiry(drafts);
  void loadSettings().then(mirrorSettings);
  browser.runtime.onMessage.addListener(createRouter(backgroundHandlers(profiles, drafts)));
  registerShortcuts(); // issue 14: 自动填写 from the keyboard (manifest.commands)
});
