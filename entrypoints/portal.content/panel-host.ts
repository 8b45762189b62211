/**
 * Mounts the helper's panel: an extension-origin iframe (web-accessible `panel.html`) inside a
 * closed shadow root. The page and its scripts can see that a frame exists, but not what is in
 * it — the list of people stays in the extension's origin; only filled values enter the page.
 *
 * The panel may sit in an ancestor document (see `panelDocument`), so it must not outlive the
 * frame whose content script owns it: it goes on that frame's `pagehide` (the application frame
 * navigates or is removed) and when the content script goes stale (extension updated). A frame
 * that finds a panel already there asks its owner whether it is still alive (`hasLivePanel`): a
 * panel nobody answers for is removed, so the helper remounts instead of staying blocked.
 */
const expanded = (height?: number, width = 420) =>
  `width:min(${width}px,calc(100vw - 32px));height:${height ? `min(86vh,${height}px)` : 'min(86vh,760px)'};`;
const COLLAPSED = 'width:176px;height:64px;';

export interface PanelHost {
  token: string;
  setLayout(collapsed: boolean, height?: number, width?: number): void;
  remove(): void;
}

/**
 * The document to put the panel in: the topmost same-origin ancestor, so a form inside an iframe
 * (which may be taller than the window, or small) still gets a panel in the visible window.
 */
export function panelDocument(win: Window = window): Document {
  let best: Window = win;
  try {
    for (let w: Window = win; w.parent && w.parent !== w; w = w.parent) {
      void w.parent.document.body; // throws when cross-origin
      best = w.parent;
    }
  } catch {
    /* cross-origin ancestor: stop at the last same-origin one */
  }
  return best.document;
}

export const HOST_TAG = 'zwdt-reimburse-helper';

/**
 * Dispatched on a panel host to ask whether its owner is alive: the owner cancels it. (A page can
 * see and answer it too — at worst keeping a dead panel, which it could also simply remove: no data
 * crosses; the token stays inside the closed root.)
 */
const PING = 'zwdt-reimburse-helper:alive?';

/** Is there a panel in `doc` whose owner still answers? Removes those nobody answers for. */
export function hasLivePanel(doc: Document): boolean {
  let live = false;
  for (const host of doc.querySelectorAll(HOST_TAG)) {
    const view = host.ownerDocument.defaultView;
    const answered = view ? !host.dispatchEvent(new view.CustomEvent(PING, { cancelable: true })) : false;
    if (answered) live = true;
    else host.remove();
  }
  return live;
}

export interface MountOptions {
  /** The document to put the panel in (default: the topmost same-origin one). */
  doc?: Document;
  /** The owner's window: its `pagehide` takes the panel away. */
  win?: Window;
  /** False once the owner is stale (its extension context is gone): it stops answering for the panel. */
  alive?: () => boolean;
  /** Called when the panel went with its owner's page (`pagehide`). */
  onGone?: () => void;
}

export function mountPanel(panelUrl: string, options: MountOptions = {}): PanelHost {
  const doc = options.doc ?? panelDocument();
  const win = options.win ?? window;
  const alive = options.alive ?? (() => true);
  const token = crypto.randomUUID();
  const host = doc.createElement(HOST_TAG);
  host.style.cssText = 'all:initial;position:fixed;right:16px;bottom:16px;z-index:2147483646;display:block;';
  const shadow = host.attachShadow({ mode: 'closed' });
  const frame = doc.createElement('iframe');
  frame.src = `${panelUrl}#${token}`;
  frame.title = '零星报销助手';
  frame.setAttribute('allow', '');
  const base = 'border:0;border-radius:12px;box-shadow:0 6px 28px rgba(0,0,0,.28);background:#fff;display:block;color-scheme:light;';
  frame.style.cssText = base + expanded();
  shadow.append(frame);
  (doc.body ?? doc.documentElement).append(host);
  let lastHeight: number | undefined;
  let lastWidth: number | undefined;
  let collapsed = false;
  const apply = () => {
    frame.style.cssText = base + (collapsed ? COLLAPSED : expanded(lastHeight, lastWidth));
  };
  // The user starts working in the form (a real click outside the panel): step out of the way.
  const onPointerDown = (e: PointerEvent) => {
    if (!e.isTrusted || collapsed || e.composedPath().includes(host)) return;
    collapsed = true;
    apply();
  };
  doc.addEventListener('pointerdown', onPointerDown, true);
  const onPing = (e: Event) => {
    if (alive()) e.preventDefault();
  };
  host.addEventListener(PING, onPing);
  const remove = () => {
    doc.removeEventListener('pointerdown', onPointerDown, true);
    host.removeEventListener(PING, onPing);
    win.removeEventListener('pagehide', onPageHide);
    host.remove();
  };
  // The owner's document goes (navigation, frame removed, tab closed): so does its panel.
  const onPageHide = () => {
    remove();
    options.onGone?.();
  };
  win.addEventListener('pagehide', onPageHide);
  return {
    token,
    setLayout(nextCollapsed, height, width) {
      collapsed = nextCollapsed;
      if (height) lastHeight = height;
      if (width) lastWidth = width;
      apply();
    },
    remove,
  };
}
