/** What the popup can tell from the active tab's URL alone (it sees URLs only on the portal hosts). */
import { isPortalUrl } from '@/utils/hosts';

export type TabPlace = 'portal' | 'other';

export function describeTabUrl(url: string | undefined): TabPlace {
  return isPortalUrl(url) ? 'portal' : 'other';
}
