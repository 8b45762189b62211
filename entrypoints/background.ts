import { createRouter } from '@/utils/messaging';
import { createProfileService, profileHandlers, registerAutoLock } from '@/utils/profiles/handlers';
import { settingsHandlers } from '@/utils/settings/messages';
import { loadSettings, mirrorSettings } from '@/utils/settings';
import { historyHandlers } from '@/utils/guard/history';
import { registerShortcuts } from '@/utils/page-status/shortcuts';

export default defineBackground(() => {
  // Profiles + settings: the background owns the store; extension pages ask through typed messages.
  const profiles = createProfileService();
  registerAutoLock(profiles);
  void loadSettings().then(mirrorSettings);
  browser.runtime.onMessage.addListener(createRouter([...profileHandlers(profiles), ...settingsHandlers(() => profiles.touch()), ...historyHandlers()]));
  registerShortcuts(); // issue 14: 自动填写 from the keyboard (manifest.commands)
});
