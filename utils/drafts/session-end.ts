/**
 * 结束本次服务, told to everyone: the background announces the end of the session to every extension
 * page (panels reset, the options page reloads its list) and to the content scripts of portal tabs (they
 * drop the claimant's values they hold for the guard). One-way, no reply.
 */
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';

export const SESSION_ENDED = 'session/ended';
const noticeSchema = z.object({ type: z.literal(SESSION_ENDED) });

/** Portal tabs (host permissions cover them; no `tabs` permission needed to message them). */
const PORTAL_TABS = ['https://zwdt.sh.gov.cn/*', 'https://ywtb.sh.gov.cn/*'];

/** Background: tell every extension page and every portal tab's content scripts. Failures (no listener, tab gone) are ignored. */
export async function announceSessionEnded(): Promise<void> {
  const notice = { type: SESSION_ENDED };
  await browser.runtime.sendMessage(notice).catch(() => {});
  const tabs = await browser.tabs.query({ url: PORTAL_TABS }).catch(() => []);
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, notice).catch(() => {}))));
}

/**
 * Is this message the background's notice? Only this extension's service worker and pages count, never a
 * content script (it can message extension pages too: it is sent from a tab, with the portal's URL).
 */
export function isSessionEnded(raw: unknown, sender: { id?: string; url?: string; tab?: unknown } | undefined): boolean {
  if (!z.safeParse(noticeSchema, raw).success || sender?.id !== browser.runtime.id) return false;
  return !sender.tab || !!sender.url?.startsWith(browser.runtime.getURL('/'));
}

/** Listen for the notice; returns the function that stops listening. */
export function onSessionEnded(fn: () => void): () => void {
  const listener = (raw: unknown, sender: { id?: string; url?: string; tab?: unknown }) => {
    if (isSessionEnded(raw, sender)) fn();
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  return () => browser.runtime.onMessage.removeListener(listener as Parameters<typeof browser.runtime.onMessage.removeListener>[0]);
}
