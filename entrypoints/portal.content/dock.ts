/**
 * Issue 14 — never hide the form. The expanded helper is a column docked at the left edge of the
 * window that PUSHES the page aside (the page's root gets a left margin as wide as the column), so the
 * page's own content never lies under it; if the page is wider than what remains, the window scrolls
 * sideways and the column scrolls with the page like one of its columns (it never slides over the
 * form). Two things of the page can still reach the column and are handled here:
 * - fixed-position layers of the page (a modal dialog and its mask): while one covers most of the
 *   window, the column goes under it (its z-index drops below the layer's), as the page does;
 * - absolutely positioned pop-ups appended to <body> (Element dropdowns, date pickers): the root is
 *   made `position: relative` while docked so they stay aligned with the shifted page.
 * Collapsed, the helper is a small launcher button in the bottom-left corner and the page is restored.
 * Why not the browser's side panel: README ("Never hide the form").
 */
const MAX_Z = 2147483646;
/** The column never takes more than this share of the window, whatever the text size. */
export const DOCK_MAX_SHARE = 0.45;
export const DOCK_MIN_WIDTH = 300;

export interface Dock {
  /** Expanded: a column `width` px wide (less on a narrow window), pushing the page. */
  expand(width: number): void;
  /** Collapsed: the launcher only; the page gets its space back. */
  collapse(): void;
  dispose(): void;
}

export function dockWidth(requested: number, windowWidth: number): number {
  return Math.round(Math.max(Math.min(requested, windowWidth * DOCK_MAX_SHARE), Math.min(DOCK_MIN_WIDTH, windowWidth * 0.8)));
}

const FRAME_BASE = 'border:0;background:#fff;display:block;color-scheme:light;';
const FRAME_DOCKED = `${FRAME_BASE}width:100%;height:100%;border-right:2px solid #5f6368;box-sizing:border-box;`;
const FRAME_LAUNCHER = `${FRAME_BASE}width:176px;height:64px;border-radius:12px;box-shadow:0 6px 28px rgba(0,0,0,.28);`;

export function createDock(doc: Document, host: HTMLElement, frame: HTMLIFrameElement): Dock {
  const win = doc.defaultView ?? window;
  const root = doc.documentElement;
  const saved = {
    margin: [root.style.getPropertyValue('margin-left'), root.style.getPropertyPriority('margin-left')] as const,
    position: [root.style.getPropertyValue('position'), root.style.getPropertyPriority('position')] as const,
  };
  let docked = false;
  let width = 0;
  let requested = 420;
  let z = MAX_Z;

  const hostCss = () =>
    docked
      ? `all:initial;position:fixed;left:0;top:0;width:${width}px;height:100vh;z-index:${z};display:block;transform:translateX(${-win.scrollX}px);`
      : `all:initial;position:fixed;left:16px;bottom:16px;z-index:${z};display:block;`;
  const paint = () => {
    host.style.cssText = hostCss();
  };

  const push = () => {
    root.style.setProperty('margin-left', `${width}px`, 'important');
    if (win.getComputedStyle(root).position === 'static') root.style.setProperty('position', 'relative', 'important');
  };
  const restore = () => {
    for (const [prop, [value, priority]] of [['margin-left', saved.margin], ['position', saved.position]] as const) {
      if (value) root.style.setProperty(prop, value, priority);
      else root.style.removeProperty(prop);
    }
  };

  /** A fixed layer of the page covering most of the window over the column's place (a modal or its mask). */
  const layerZ = (): number | null => {
    const x = Math.max(1, Math.min((docked ? width : 176) / 2, win.innerWidth - 1));
    const y = docked ? win.innerHeight / 2 : win.innerHeight - 40;
    let lowest: number | null = null;
    for (const el of doc.elementsFromPoint?.(x, y) ?? []) {
      if (el === host || el === root || el === doc.body || host.contains(el)) continue;
      const style = win.getComputedStyle(el);
      if (style.position !== 'fixed') continue;
      const r = el.getBoundingClientRect();
      if (r.width * r.height < 0.6 * win.innerWidth * win.innerHeight) continue;
      const layer = Number.parseInt(style.zIndex, 10);
      const value = Number.isFinite(layer) ? layer : 0;
      lowest = lowest === null ? value : Math.min(lowest, value);
    }
    return lowest;
  };
  let scheduled = false;
  const checkLayers = () => {
    if (scheduled) return;
    scheduled = true;
    win.requestAnimationFrame(() => {
      scheduled = false;
      const below = layerZ();
      const next = below === null ? MAX_Z : Math.max(0, below - 1);
      if (next !== z) {
        z = next;
        paint();
      }
    });
  };
  const observer = new MutationObserver(checkLayers);
  observer.observe(doc.body ?? root, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'style', 'hidden', 'open', 'aria-hidden'] });

  const onScroll = () => {
    if (docked) host.style.transform = `translateX(${-win.scrollX}px)`;
  };
  const onResize = () => {
    if (!docked) return;
    width = dockWidth(requested, win.innerWidth);
    push();
    paint();
  };
  win.addEventListener('scroll', onScroll, { passive: true });
  win.addEventListener('resize', onResize);

  return {
    expand(w) {
      requested = w;
      width = dockWidth(w, win.innerWidth);
      docked = true;
      frame.style.cssText = FRAME_DOCKED;
      push();
      paint();
      checkLayers();
    },
    collapse() {
      docked = false;
      frame.style.cssText = FRAME_LAUNCHER;
      restore();
      paint();
      checkLayers();
    },
    dispose() {
      observer.disconnect();
      win.removeEventListener('scroll', onScroll);
      win.removeEventListener('resize', onResize);
      if (docked) restore();
      docked = false;
    },
  };
}
