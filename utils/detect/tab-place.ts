/** What the popup can tell from the active tab's URL alone (it sees URLs only on the portal hosts). */
export type TabPlace = 'portal' | 'other';

export function describeTabUrl(url: string | undefined): TabPlace {
  if (!url) return 'other';
  try {
    const host = new URL(url).hostname;
    return host === 'zwdt.sh.gov.cn' || host === 'ywtb.sh.gov.cn' ? 'portal' : 'other';
  } catch {
    return 'other';
  }
}
