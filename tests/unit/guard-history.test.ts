import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { confirmSubmission, historyHandlers, listFiledInvoices, PENDING_TTL_MS, reportPendingSubmission } from '@/utils/guard/history';
import { createRouter } from '@/utils/messaging';
import { resetDbForTests } from '@/utils/db';

describe('filed-invoice history', () => {
  let now = 1_000_000;
  let route: ReturnType<typeof createRouter>;
  const call = async (type: string, payload: unknown) =>
    (await route({ type, payload }, { tab: { id: 1 }, frameId: 0, url: 'https://zwdt.sh.gov.cn/x' })) as { ok: boolean; data?: any; error?: any };

  beforeEach(async () => {
    fakeBrowser.reset();
    await resetDbForTests();
    now = 1_000_000;
    route = createRouter(historyHandlers(() => now));
  });

  it('records a pending submission only when a page confirms success', async () => {
    expect((await call(listFiledInvoices.type, {})).data).toEqual({ numbers: [] });
    await call(reportPendingSubmission.type, { invoices: [{ number: '0012345678', code: '31060121' }], item: 'employee' });
    expect((await call(listFiledInvoices.type, {})).data.numbers).toEqual([]);
    expect((await call(confirmSubmission.type, {})).data).toEqual({ recorded: 1 });
    expect((await call(listFiledInvoices.type, {})).data.numbers).toEqual(['0012345678']);
    // confirming twice records nothing more
    expect((await call(confirmSubmission.type, {})).data).toEqual({ recorded: 0 });
  });

  it('forgets a pending submission that no success page confirmed in time', async () => {
    await call(reportPendingSubmission.type, { invoices: [{ number: '0012345678' }], item: null });
    now += PENDING_TTL_MS + 1;
    expect((await call(confirmSubmission.type, {})).data).toEqual({ recorded: 0 });
    expect((await call(listFiledInvoices.type, {})).data.numbers).toEqual([]);
  });

  it('refuses anything but invoice numbers from a content script', async () => {
    const res = await call(reportPendingSubmission.type, { invoices: [{ number: '王秀英' }], item: null });
    expect(res.ok).toBe(false);
    expect(res.error.code).toBe('invalid-message');
  });
});
