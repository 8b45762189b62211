import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { confirmSubmission, historyHandlers, listFiledInvoices, PENDING_TTL_MS, reportPendingSubmission, routeOf, SUCCESS_TEXT } from '@/utils/guard/history';
import { createRouter } from '@/utils/messaging';
import { resetDbForTests } from '@/utils/db';

const APPLY = 'https://zwdt.sh.gov.cn/govPortals/apply/c85a49fb-2dc3-4a53-95e1-25e9b0491bae/materials';
const FORM_PAGE = 'https://ywtb.sh.gov.cn:18018/ac-product-net/netapply/apply.do?itemCode=310117006000-0102';
const FORM_POST = 'https://ywtb.sh.gov.cn:18018/ac-product-net/netapply/submit.do';
const MY_CASES = 'https://zwdt.sh.gov.cn/govPortals/my/banjian';

describe('filed-invoice history', () => {
  let now = 1_000_000;
  let route: ReturnType<typeof createRouter>;
  const call = async (type: string, payload: unknown, from: { url: string; tab?: number; frame?: number } = { url: APPLY }) =>
    (await route({ type, payload }, { tab: { id: from.tab ?? 1 }, frameId: from.frame ?? 0, url: from.url })) as { ok: boolean; data?: any; error?: any };
  const numbers = async () => (await call(listFiledInvoices.type, {})).data.numbers as string[];

  beforeEach(async () => {
    fakeBrowser.reset();
    await resetDbForTests();
    now = 1_000_000;
    route = createRouter(historyHandlers(() => now));
  });

  it('records a pending submission only when its page then shows success', async () => {
    expect(await numbers()).toEqual([]);
    await call(reportPendingSubmission.type, { invoices: [{ number: '0012345678', code: '31060121' }], item: 'employee' });
    expect(await numbers()).toEqual([]);
    expect((await call(confirmSubmission.type, {})).data).toEqual({ recorded: 1 });
    expect(await numbers()).toEqual(['0012345678']);
    // confirming twice records nothing more
    expect((await call(confirmSubmission.type, {})).data).toEqual({ recorded: 0 });
  });

  it('a refused 提交 followed by 我的办件 (another route, same tab and frame) records nothing; the pending one stays for its own page', async () => {
    await call(reportPendingSubmission.type, { invoices: [{ number: '0012345678' }], item: 'employee' });
    expect((await call(confirmSubmission.type, {}, { url: MY_CASES })).data).toEqual({ recorded: 0 });
    expect(await numbers()).toEqual([]);
    expect((await call(confirmSubmission.type, {}, { url: `${APPLY}?x=1#top` })).data).toEqual({ recorded: 1 });
  });

  it('success in another frame or another tab says nothing about this submission', async () => {
    await call(reportPendingSubmission.type, { invoices: [{ number: '0012345678' }], item: null });
    expect((await call(confirmSubmission.type, {}, { url: APPLY, frame: 3 })).data).toEqual({ recorded: 0 });
    expect((await call(confirmSubmission.type, {}, { url: APPLY, tab: 2 })).data).toEqual({ recorded: 0 });
    expect(await numbers()).toEqual([]);
  });

  it('a form POST lands on its action’s page, in the same frame: that counts (another site’s does not)', async () => {
    await call(reportPendingSubmission.type, { invoices: [{ number: '0000778899' }], item: 'resident', routes: [FORM_POST, 'https://evil.example/ok'] }, { url: FORM_PAGE });
    expect((await call(confirmSubmission.type, {}, { url: 'https://evil.example/ok' })).data).toEqual({ recorded: 0 });
    expect((await call(confirmSubmission.type, {}, { url: FORM_POST })).data).toEqual({ recorded: 1 });
    expect(await numbers()).toEqual(['0000778899']);
  });

  it('forgets a pending submission that no success page confirmed in time', async () => {
    await call(reportPendingSubmission.type, { invoices: [{ number: '0012345678' }], item: null });
    now += PENDING_TTL_MS + 1;
    expect((await call(confirmSubmission.type, {})).data).toEqual({ recorded: 0 });
    expect(await numbers()).toEqual([]);
  });

  it('refuses anything but invoice numbers from a content script', async () => {
    const res = await call(reportPendingSubmission.type, { invoices: [{ number: '王秀英' }], item: null });
    expect(res.ok).toBe(false);
    expect(res.error.code).toBe('invalid-message');
  });
});

describe('what counts as success, and where', () => {
  it('办件编号 / 受理编号 alone are not success (我的办件 lists them for every case)', () => {
    expect(SUCCESS_TEXT.test('我的办件 办件编号：SJ20260917000123 受理编号：123')).toBe(false);
    expect(SUCCESS_TEXT.test('提交成功 您的申请已提交，办件编号：SJ2026')).toBe(true);
    expect(SUCCESS_TEXT.test('申请成功')).toBe(true);
  });

  it('a route is origin + path, plus the router path of a hash-routed app', () => {
    expect(routeOf(`${APPLY}?step=3#anchor`)).toBe(APPLY);
    expect(routeOf('https://zwdt.sh.gov.cn/app/#/apply/step3?x=1')).toBe('https://zwdt.sh.gov.cn/app/#/apply/step3');
    expect(routeOf('https://zwdt.sh.gov.cn/app/#!/my/banjian')).toBe('https://zwdt.sh.gov.cn/app/#/my/banjian');
    expect(routeOf('chrome-extension://abc/panel.html')).toBeNull();
    expect(routeOf(undefined)).toBeNull();
  });
});
