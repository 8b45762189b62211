import { useEffect, useState } from 'preact/hooks';

/** A frame shorter than this is the launcher (the page side gives the collapsed panel 64 px). */
export const COLLAPSED_MAX_HEIGHT = 100;

const launcherSized = (win: Window) => win.innerHeight < COLLAPSED_MAX_HEIGHT;

/**
 * Is the panel's frame launcher-sized? The page side decides the frame's size; the panel follows it.
 * The panel runs in an out-of-process frame that learns its size from the browser asynchronously: at the
 * first render it may still be 0 px tall, and the `resize` that brings the real size can fire before the
 * listener below is added. So the size is read again once the listener is in place — without that, the
 * panel could stay a launcher inside a full-height column (seen once in ~700 end-to-end runs).
 */
export function useLauncherSized(win: Window = window): boolean {
  const [collapsed, setCollapsed] = useState(() => launcherSized(win));
  useEffect(() => {
    const onResize = () => setCollapsed(launcherSized(win));
    win.addEventListener('resize', onResize);
    onResize();
    return () => win.removeEventListener('resize', onResize);
  }, [win]);
  return collapsed;
}
