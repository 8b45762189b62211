import { createRouter } from '@/utils/messaging';
import { createProfileService, profileHandlers, registerAutoLock } from '@/utils/profiles/handlers';
import { settingsHandlers } from '@/utils/settings/messages';
import { loadSettings, mirrorSettings } from '@/utils/settings';
import { historyHandlers } from '@/utils/guard/history';
import { pageFeatureHandlers } from '@/utils/content/load-features';

export default defineBackground(() => {
  // Profiles + settings: the background owns the store; extension pages ask through typed messages.
  const profiles = createProfileService();
  registerAutoLock(profiles);
  void loadSettings().then(mirrorSettings);
  browser.runtime.onMessage.addListener(createRouter([...profileHandlers(profiles), ...settingsHandlers(() => profiles.touch()), ...historyHandlers(), ...pageFeatureHandlers()]));
});
