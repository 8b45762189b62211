/**
 * Mounts the helper's panel: an extension-origin iframe (web-accessible `panel.html`) inside a
 * closed shadow root. The page and its scripts can see that a frame exists, but not what is in
 * it — the list of people stays in the extension's origin; only filled values enter the page.
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

export function mountPanel(panelUrl: string, doc: Document = panelDocument()): PanelHost {
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
  return {
    token,
    setLayout(nextCollapsed, height, width) {
      collapsed = nextCollapsed;
      if (height) lastHeight = height;
      if (width) lastWidth = width;
      apply();
    },
    remove() {
      doc.removeEventListener('pointerdown', onPointerDown, true);
      host.remove();
    },
  };
}
