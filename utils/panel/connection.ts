/**
 * The panel's line to the page it sits in: its tab (asked from the browser) and the one-time
 * address of its host frame (the URL hash the content script gave it).
 */
import type * as core from 'zod/v4/core';
import { browser } from 'wxt/browser';
import { sendToTab, type MessageDef } from '@/utils/messaging';

export interface PageConnection {
  tabId: number;
  token: string;
  call<Req extends core.$ZodType, Res extends core.$ZodType>(def: MessageDef<Req, Res>, payload: core.input<Req>): Promise<core.output<Res>>;
}

export async function connectToPage(hash = location.hash): Promise<PageConnection | null> {
  const token = hash.replace(/^#/, '');
  if (!token) return null;
  const tab = await browser.tabs.getCurrent();
  if (tab?.id === undefined) return null;
  const tabId = tab.id;
  return { tabId, token, call: (def, payload) => sendToTab(tabId, def, payload, token) };
}
