/**
 * Mounts the helper's panel: an extension-origin iframe (web-accessible `panel.html`) inside a
 * closed shadow root. The page and its scripts can see that a frame exists, but not what is in
 * it — the list of people stays in the extension's origin; only filled values enter the page.
 * Expanded, the panel is docked beside the page and pushes it aside (./dock.ts, issue 14).
 */
import { createDock } from './dock';

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
  const shadow = host.attachShadow({ mode: 'closed' });
  const frame = doc.createElement('iframe');
  frame.src = `${panelUrl}#${token}`;
  frame.title = '零星报销助手';
  frame.setAttribute('allow', '');
  shadow.append(frame);
  (doc.body ?? doc.documentElement).append(host);
  const dock = createDock(doc, host, frame); // issue 14: expanded = a column pushing the page aside
  let lastWidth = 420;
  dock.expand(lastWidth);
  return {
    token,
    setLayout(nextCollapsed, _height, width) {
      if (width) lastWidth = width;
      if (nextCollapsed) dock.collapse();
      else dock.expand(lastWidth);
    },
    remove() {
      dock.dispose();
      host.remove();
    },
  };
}
