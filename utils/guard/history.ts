/**
 * Invoices already filed from this device, for the `duplicate-invoice` rule. Only 票据号码 (and
 * 票据代码) cross to the content script — no names.
 *
 * When the user goes on with 提交, the content script reports the application's invoices as
 * *pending*, with the routes the answer may show on (the page's own, and where its form posts).
 * They become history only when success (提交成功 …) is shown AFTER that, in the SAME frame of the
 * same tab, on one of those routes: a 提交 the portal refused, followed by 我的办件 (whose 办件编号
 * are other applications'), never turns into a false "already filed" warning.
 */
import { z } from 'zod';
import { browser } from 'wxt/browser';
import { defineMessage, handle } from '@/utils/messaging';
import { listHistory, recordFiledInvoices } from '@/utils/db';

const invoiceRef = z.object({ number: z.string().regex(/^\d{6,20}$/), code: z.string().max(20).nullable().optional() });

export const listFiledInvoices = defineMessage('history/list', z.object({}).optional(), z.object({ numbers: z.array(z.string()) }));
export const reportPendingSubmission = defineMessage(
  'history/pending',
  z.object({
    invoices: z.array(invoiceRef).max(50),
    item: z.enum(['employee', 'resident']).nullable(),
    /** Where the success may show besides the page itself: the URL its form posts to. */
    routes: z.array(z.string().max(2000)).max(4).default([]),
  }),
  z.object({ ok: z.boolean() }),
);
export const confirmSubmission = defineMessage('history/confirm', z.object({}).optional(), z.object({ recorded: z.number() }));

/**
 * Words a portal page shows after a successful submission. Not 办件编号 / 受理编号: 我的办件 lists
 * those for every application, filed or not.
 */
export const SUCCESS_TEXT = /提交成功|申请成功|申报成功|已成功提交/;
/** A success page later than this after 提交 belongs to something else. */
export const PENDING_TTL_MS = 10 * 60_000;
const PENDING_KEY = 'history.pending';

type Pending = {
  invoices: Array<z.infer<typeof invoiceRef>>;
  item: string | null;
  at: number;
  /** The frame that reported the submission. */
  tabId: number;
  frameId: number;
  /** Routes (origin + path, or a `#/…` router path) where its success may show. */
  routes: string[];
};

/**
 * A page's route: origin + path, plus the router path of a hash-routed app (`#/apply/step3`), so
 * 我的办件 in the same single-page app is another route. Null for what is not an http(s) URL.
 */
export function routeOf(url: string | undefined): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  const hashRoute = /^#!?\//.test(u.hash) ? u.hash.replace(/^#!?/, '').replace(/[?#].*$/, '') : '';
  return `${u.origin}${u.pathname}${hashRoute ? `#${hashRoute}` : ''}`;
}

/** Background handlers: content scripts may call them (numbers only, no personal data). */
export function historyHandlers(now: () => number = Date.now) {
  const area = browser.storage.session;
  return [
    handle(listFiledInvoices, async () => ({ numbers: [...new Set((await listHistory()).map((h) => h.invoiceNumber))] }), { allowContentScripts: true }),
    handle(
      reportPendingSubmission,
      async ({ invoices, item, routes }, sender) => {
        const page = routeOf(sender.url);
        if (sender.tabId === undefined || sender.frameId === undefined || !page) return { ok: false };
        // the page's own route, and where it posts — on the same site only
        const origin = new URL(page).origin;
        const posts = routes.map(routeOf).filter((r): r is string => !!r && new URL(r).origin === origin);
        const record: Pending = { invoices, item, at: now(), tabId: sender.tabId, frameId: sender.frameId, routes: [...new Set([page, ...posts])] };
        await area.set({ [PENDING_KEY]: record });
        return { ok: true };
      },
      { allowContentScripts: true },
    ),
    handle(
      confirmSubmission,
      async (_payload, sender) => {
        const pending = (await area.get(PENDING_KEY))[PENDING_KEY] as Pending | undefined;
        if (!pending) return { recorded: 0 };
        if (now() - pending.at > PENDING_TTL_MS || pending.invoices.length === 0) {
          await area.remove(PENDING_KEY);
          return { recorded: 0 };
        }
        // success elsewhere (another tab, frame or page) says nothing about this submission
        const route = routeOf(sender.url);
        if (sender.tabId !== pending.tabId || sender.frameId !== pending.frameId || !route || !pending.routes.includes(route)) return { recorded: 0 };
        await area.remove(PENDING_KEY);
        await recordFiledInvoices(pending.invoices.map((i) => ({ invoiceNumber: i.number, invoiceCode: i.code ?? undefined, itemId: pending.item ?? undefined })));
        return { recorded: pending.invoices.length };
      },
      { allowContentScripts: true },
    ),
  ];
}
