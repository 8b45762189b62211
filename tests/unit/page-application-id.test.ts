// The portal's application number read off the page (utils/page/application-id.ts) — several plausible
// markups, since nobody has seen the live form: a label and value in one text or two, a hidden input, a
// data attribute, a query parameter; never the item's code, never a post-submission 办件编号.
import { describe, expect, it } from 'vitest';
import { applicationIdOf } from '@/utils/page/application-id';

describe('application id', () => {
  it('reads a label and its number, in one text or in two (a table cell, an Element descriptions item)', () => {
    expect(applicationIdOf({ texts: ['基本信息', '申请编号：SQ2026091700012', '报销人姓名'] })).toBe('SQ2026091700012');
    expect(applicationIdOf({ texts: ['申办流水号 310117-20260917-0042'] })).toBe('310117-20260917-0042');
    expect(applicationIdOf({ texts: ['业务流水号', '  202609170000123  ', '状态'] })).toBe('202609170000123');
    expect(applicationIdOf({ texts: ['* 申请号:', 'A1B2C3D4E5'] })).toBe('A1B2C3D4E5');
  });

  it('reads the page\u2019s own id from a hidden input or a data attribute', () => {
    expect(applicationIdOf({ attributes: [{ name: 'csrfToken', value: 'abcdef123456' }, { name: 'sblsh', value: 'SB20260917888' }] })).toBe('SB20260917888');
    expect(applicationIdOf({ attributes: [{ name: 'data-apply-id', value: '7d0c1c2e-0000-4000-8000-000000000001' }] })).toBe('7d0c1c2e-0000-4000-8000-000000000001');
  });

  it('reads a query parameter named like an application id, in the search or the hash route, never the item code', () => {
    expect(applicationIdOf({ url: 'https://ywtb.sh.gov.cn:18018/ac-product-net/netapply/apply.do?itemCode=310117001&applyNo=AP20260917001' })).toBe('AP20260917001');
    expect(applicationIdOf({ url: 'https://zwdt.sh.gov.cn/apply/#/form?projid=2026091712345' })).toBe('2026091712345');
    expect(applicationIdOf({ url: 'https://ywtb.sh.gov.cn:18018/ac-product-net/netapply/apply.do?itemCode=310117001' })).toBe('');
  });

  it('shown text wins; nothing that only looks like a number is taken', () => {
    expect(applicationIdOf({ texts: ['申请编号：SQ2026091700012'], attributes: [{ name: 'applyId', value: 'OTHER123456' }], url: 'https://x/?applyNo=URL12345678' })).toBe('SQ2026091700012');
    expect(applicationIdOf({ texts: ['申请编号：待生成'], attributes: [{ name: 'applyId', value: 'abc' }] })).toBe('');
    expect(applicationIdOf({ texts: ['联系电话 13812345678', '办件编号：SH20260917004417'] })).toBe('');
    expect(applicationIdOf({})).toBe('');
  });
});
