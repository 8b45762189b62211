import { describe, expect, it } from 'vitest';
import { PORTAL_HOSTS, PORTAL_MATCHES, isPortalUrl } from '@/utils/hosts';

describe('portal hosts', () => {
  it('one match pattern per host, https only, any path', () => {
    expect(PORTAL_MATCHES).toEqual(PORTAL_HOSTS.map((h) => `https://${h}/*`));
  });
  it('knows the portal, with or without a port, and nothing else', () => {
    expect(isPortalUrl('https://zwdt.sh.gov.cn/govPortals/apply/x/basic')).toBe(true);
    expect(isPortalUrl('https://ywtb.sh.gov.cn:18018/ac-product-net/netapply/apply.do')).toBe(true);
    expect(isPortalUrl('https://zwdt.sh.gov.cn.example.com/')).toBe(false);
    expect(isPortalUrl('not a url')).toBe(false);
    expect(isPortalUrl(undefined)).toBe(false);
  });
});
