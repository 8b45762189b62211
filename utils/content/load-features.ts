/**
 * The page features (page model, autofill, invoice rows, the guard — the heavy part) are a second script,
 * `portal-features.js`, injected by the background only into the frames that show the application or the
 * 物流申请 page (or a submission's success page). The content script that runs in every frame of the portal
 * stays small. Nothing is web-accessible: the background injects with `scripting.executeScript`.
 */
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { defineMessage, handle } from '@/utils/messaging';
import { isPortalUrl } from '@/utils/hosts';

export const PAGE_FEATURES_FILE = '/portal-features.js';

export const loadPageFeatures = defineMessage('content/load-page-features', z.object({}), z.object({ loaded: z.boolean() }));

/** Background: inject the page features into the asking frame (a portal frame only). */
export function pageFeatureHandlers() {
  return [
    handle(
      loadPageFeatures,
      async (_, sender) => {
        if (sender.tabId === undefined || !isPortalUrl(sender.url)) return { loaded: false };
        await browser.scripting.executeScript({ target: { tabId: sender.tabId, frameIds: [sender.frameId ?? 0] }, files: [PAGE_FEATURES_FILE] });
        return { loaded: true };
      },
      { allowContentScripts: true },
    ),
  ];
}
