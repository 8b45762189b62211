/**
 * The guard's in-page UI (warnings modal, "press again" notice) lives in CLOSED shadow roots: page
 * scripts — and so `page.evaluate` and puppeteer's `>>>` — cannot see inside. Tests reach it the way
 * DevTools does, through the protocol (`DOM.getDocument` with `pierce`), and press its buttons with
 * real (trusted) mouse input, as a person does. Nothing here waits on time: every wait is on a
 * condition of the page.
 */
import type { CDPSession, ElementHandle, Frame, Page } from 'puppeteer-core';
import { until } from './portal-user';
import { helperFrame } from './harness';

export const MODAL = '[data-zwdt-guard="modal"]';
export const REPEAT_NOTICE = '[data-zwdt-guard="repeat-notice"]';

type Ctx = Page | Frame;

interface DomNode {
  nodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
  documentURL?: string;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();
const pageOf = (ctx: Ctx): Page => ('page' in ctx && typeof ctx.page === 'function' ? ctx.page() : (ctx as Page));
const frameOf = (ctx: Ctx): Frame => ('mainFrame' in ctx ? ctx.mainFrame() : (ctx as Frame));

function session(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = page.createCDPSession();
    sessions.set(page, s);
  }
  return s;
}

/** The shadow root (any mode) of the element with `data-zwdt-guard=<name>` in the document of `ctx`, or null. */
async function shadowRootObject(ctx: Ctx, hostSelector: string): Promise<string | null> {
  const s = await session(pageOf(ctx));
  const url = frameOf(ctx).url();
  const want = /\[data-zwdt-guard="([^"]+)"\]/.exec(hostSelector)?.[1];
  if (!want) throw new Error(`not a guard host selector: ${hostSelector}`);
  const { root } = (await s.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  let found: DomNode | null = null;
  const walk = (n: DomNode, inWanted: boolean) => {
    if (found) return;
    const isDoc = n.nodeName === '#document';
    const here = isDoc ? n.documentURL === url : inWanted;
    const attrs = n.attributes ?? [];
    for (let i = 0; here && i < attrs.length; i += 2) {
      if (attrs[i] === 'data-zwdt-guard' && attrs[i + 1] === want && n.shadowRoots?.length) found = n.shadowRoots[0]!;
    }
    for (const c of n.children ?? []) walk(c, here);
    if (n.contentDocument) walk(n.contentDocument, false);
  };
  walk(root, false);
  if (!found) return null;
  const { object } = (await s.send('DOM.resolveNode', { nodeId: (found as DomNode).nodeId })) as { object: { objectId?: string } };
  return object.objectId ?? null;
}

/** Runs `fn` with `this` = the shadow root of the guard host (in the page's main world, by the protocol). */
async function inRoot<T>(ctx: Ctx, hostSelector: string, fn: string, args: unknown[] = []): Promise<T> {
  const objectId = await shadowRootObject(ctx, hostSelector);
  if (!objectId) throw new Error(`no ${hostSelector} with a shadow root in ${frameOf(ctx).url()}`);
  const s = await session(pageOf(ctx));
  const res = (await s.send('Runtime.callFunctionOn', {
    objectId,
    functionDeclaration: fn,
    arguments: args.map((value) => ({ value })),
    returnByValue: true,
    awaitPromise: true,
  })) as { result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } };
  if (res.exceptionDetails) throw new Error(res.exceptionDetails.exception?.description ?? res.exceptionDetails.text);
  return res.result.value as T;
}

/** Waits for the warnings modal and returns its codes (in order). */
export async function waitModal(ctx: Ctx, timeout = 30_000): Promise<string[]> {
  await ctx.waitForSelector(MODAL, { timeout });
  return modalCodes(ctx);
}

export function modalCodes(ctx: Ctx): Promise<string[]> {
  return inRoot(ctx, MODAL, `function () { return [...this.querySelectorAll('[data-warning-code]')].map((e) => e.getAttribute('data-warning-code')); }`);
}

export function modalText(ctx: Ctx): Promise<string> {
  return inRoot(ctx, MODAL, `function () { return this.querySelector('[data-testid="submit-warnings"]').textContent || ''; }`);
}

/** The data-testid of what has the focus inside the modal. */
export function modalFocus(ctx: Ctx): Promise<string | null> {
  return inRoot(ctx, MODAL, `function () { const a = this.activeElement; return a ? a.getAttribute('data-testid') : null; }`);
}

/** The guard's notice asking to press a button again, if shown. */
export async function repeatNoticeText(ctx: Ctx): Promise<string | null> {
  if (!(await ctx.$(REPEAT_NOTICE))) return null;
  return inRoot(ctx, REPEAT_NOTICE, `function () { const n = this.querySelector('[data-testid="guard-repeat-notice"]'); return n ? n.textContent : null; }`);
}

/** What a page script sees of the modal: its host, but no shadow root and no findings. */
export function pageViewOfModal(ctx: Ctx): Promise<{ host: boolean; shadowRoot: boolean; text: string }> {
  return ctx.evaluate((sel: string) => {
    const host = document.querySelector(sel) as HTMLElement | null;
    return { host: !!host, shadowRoot: !!host?.shadowRoot, text: host?.innerText ?? '' };
  }, MODAL);
}

/** A real (trusted) mouse click on the modal button with this data-testid. */
export async function clickInModal(ctx: Ctx, testid: 'warnings-back' | 'warnings-continue'): Promise<void> {
  const page = pageOf(ctx);
  const box = await inRoot<{ x: number; y: number; w: number; h: number } | null>(
    ctx,
    MODAL,
    `function (id) { const b = this.querySelector('[data-testid="' + id + '"]'); if (!b) return null; b.scrollIntoView({ block: 'nearest' }); const r = b.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; }`,
    [testid],
  );
  if (!box) throw new Error(`no ${testid} in the warnings modal`);
  const [dx, dy] = await frameOffset(frameOf(ctx));
  await page.mouse.click(dx + box.x + box.w / 2, dy + box.y + box.h / 2);
}

/** Where a frame's viewport sits in the page's (0,0 for the main frame). */
async function frameOffset(frame: Frame): Promise<[number, number]> {
  let x = 0;
  let y = 0;
  for (let f: Frame | null = frame; f && f.parentFrame(); f = f.parentFrame()) {
    const el = (await f.frameElement()) as ElementHandle<HTMLIFrameElement> | null;
    if (!el) break;
    const inner = await el.evaluate((e) => {
      const r = e.getBoundingClientRect();
      const cs = getComputedStyle(e);
      return [r.left + e.clientLeft + parseFloat(cs.paddingLeft), r.top + e.clientTop + parseFloat(cs.paddingTop)];
    });
    x += inner[0]!;
    y += inner[1]!;
  }
  return [x, y];
}

/** 返回修改 (which must have the focus) by mouse; waits until the modal is gone. */
export async function back(ctx: Ctx): Promise<void> {
  const focused = await modalFocus(ctx);
  if (focused !== 'warnings-back') throw new Error(`返回修改 should have the focus, not ${focused}`);
  await clickInModal(ctx, 'warnings-back');
  await ctx.waitForSelector(MODAL, { hidden: true });
}

/** 仍然继续 by mouse; waits until the modal is gone. */
export async function goOn(ctx: Ctx): Promise<void> {
  await clickInModal(ctx, 'warnings-continue');
  await ctx.waitForSelector(MODAL, { hidden: true });
}

/**
 * The live address note has caught up with what was typed: shown with this verdict, or gone (null).
 * It appears or goes shortly after the typing stops and moves what is below it (下一步 among them):
 * a click aimed before it settles can land beside the button.
 */
export async function addressNoteSettled(ctx: Ctx, verdict: 'outside' | 'unknown' | null) {
  const note = '[data-testid="guard-address-note"]';
  if (verdict) await ctx.waitForSelector(`${note}[data-verdict="${verdict}"]`);
  else await ctx.waitForSelector(note, { hidden: true });
}

// ---------------- the helper around the guard ----------------

/** The content script has recognised the page (`kind`) and installed the guard. */
export async function guardReady(ctx: Ctx, kind: 'application' | 'logistics') {
  await ctx.waitForFunction(
    (k: string) => document.documentElement.dataset.zwdtHelperPage === k && document.documentElement.hasAttribute('data-zwdt-guard-installed'),
    { timeout: 60_000 },
    kind,
  );
}

/** What the panel sends after the user chose a person / recognised invoices (`panel/set-claim-context`). */
export async function setClaim(panel: Frame, claim: Record<string, unknown>) {
  const res = await panel.evaluate(
    async (payload) => {
      const c = (globalThis as any).chrome;
      const tab = await c.tabs.getCurrent();
      return c.tabs.sendMessage(tab.id, { type: 'panel/set-claim-context', payload, to: location.hash.slice(1) });
    },
    { invoices: [], ...claim },
  );
  if (JSON.stringify(res) !== JSON.stringify({ ok: true, data: { ok: true } })) throw new Error(`set-claim-context: ${JSON.stringify(res)}`);
}

/**
 * The user folds the helper away with its 收起 button (the docked column gives the page its width back);
 * waits until the frame has shrunk to the launcher.
 */
export async function collapsePanel(page: Page) {
  const panel = await helperFrame(page);
  // connected to its page first (it shows where it is): before that, 收起 cannot reach the page's frame
  await panel.waitForSelector('[data-testid="panel-page"]');
  const btn = await panel.waitForSelector('[data-testid="panel-collapse"]', { visible: true }).catch(async (err) => {
    // say what the panel looked like, so a rare failure can be understood from the log alone
    const state = panel.detached
      ? 'the panel frame was replaced (detached)'
      : await panel
          .evaluate(() => {
            const b = document.querySelector('[data-testid="panel-collapse"]')?.getBoundingClientRect();
            return JSON.stringify({ innerWidth, innerHeight, mainHidden: document.querySelector('main')?.hidden, button: b && [b.x, b.y, b.width, b.height] });
          })
          .catch((e) => String(e));
    const box = await (await panel.frameElement().catch(() => null))?.boundingBox().catch(() => null);
    throw new Error(`收起 not visible: ${state}; frame box ${JSON.stringify(box)}; page frames ${page.frames().length}`, { cause: err });
  });
  await btn!.click();
  const owner = await panel.frameElement(); // in the helper's closed shadow root: reached by the protocol
  await until(async () => ((await owner?.boundingBox())?.width ?? Infinity) < 300, 'the panel to collapse');
}

/** Invoice numbers the extension has noted as filed from this device (asked from one of its own pages). */
export async function filedNumbers(extensionPage: Page): Promise<string[]> {
  const res = await extensionPage.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'history/list', payload: {} }));
  return res?.ok ? res.data.numbers : [];
}
