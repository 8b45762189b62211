/**
 * Notices when this content script has gone stale — the extension was updated, reloaded or removed
 * while the page stayed open. Chrome keeps the old script running with its extension APIs gone;
 * `ctx.isInvalid` sees that and runs every `ctx.onInvalidated` cleanup, so the panel, the guard
 * and the notes step aside quietly and the page goes on as if the helper had never been there (a
 * reload brings the new helper). Checked on the user's input — registered first, so it runs before
 * the features' own listeners — and every few seconds for a page left alone.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

const INPUT = ['pointerdown', 'mousedown', 'keydown', 'click', 'submit', 'focusin'] as const;
const EVERY_MS = 2000;

export function watchForStaleness(ctx: ContentScriptContext, win: Window = window): void {
  const check = () => void ctx.isInvalid; // the getter invalidates the context when the extension is gone
  for (const type of INPUT) win.addEventListener(type, check, { capture: true, signal: ctx.signal });
  const timer = win.setInterval(check, EVERY_MS);
  ctx.onInvalidated(() => win.clearInterval(timer));
}

/** Runs a cleanup that may touch extension APIs already gone: it must not throw into the page. */
export function quietly(fn: () => void): () => void {
  return () => {
    try {
      fn();
    } catch {
      /* the extension context is gone: nothing left to undo there */
    }
  };
}
