/** The portal's hosts, declared once (manifest, content script, detector, popup). No imports: the build config reads it. */
export const PORTAL_HOSTS = ['zwdt.sh.gov.cn', 'ywtb.sh.gov.cn'] as const;
/** Match patterns ignore ports, so `ywtb.sh.gov.cn:18018` is covered. */
export const PORTAL_MATCHES: string[] = PORTAL_HOSTS.map((h) => `https://${h}/*`);

export function isPortalUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    return (PORTAL_HOSTS as readonly string[]).includes(new URL(url).hostname);
  } catch {
    return false;
  }
}
