/** The portal's hosts, declared once (manifest, content script, detector, popup). No imports: the build config reads it. */
export const PORTAL_HOSTS = ['zwdt.sh.gov.cn', 'ywtb.sh.gov.cn'] as const;
/**
 * Match patterns ignore ports, so `ywtb.sh.gov.cn:18018` is covered. Written out (not built from the hosts with a
 * template) so the package holds only whole portal URLs (tests/e2e/package.test.ts); tests/unit/hosts.test.ts
 * keeps them in step with PORTAL_HOSTS.
 */
export const PORTAL_MATCHES: string[] = ['https://zwdt.sh.gov.cn/*', 'https://ywtb.sh.gov.cn/*'];

export function isPortalUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    return (PORTAL_HOSTS as readonly string[]).includes(new URL(url).hostname);
  } catch {
    return false;
  }
}
