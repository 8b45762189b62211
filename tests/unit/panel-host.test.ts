/**
 * The panel's host in the page (issue 10, item 10): it goes with its owner's page, and a host whose
 * owner no longer answers is stale — removed, so the helper can mount again instead of staying blocked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HOST_TAG, hasLivePanel, mountPanel } from '@/entrypoints/portal.content/panel-host';

afterEach(() => {
  document.querySelectorAll(HOST_TAG).forEach((h) => h.remove());
});

describe('panel host', () => {
  it('a live owner answers for its panel; a stale one does not, and its panel is removed', () => {
    let alive = true;
    mountPanel('about:blank', { doc: document, alive: () => alive });
    expect(hasLivePanel(document)).toBe(true);
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
    alive = false; // the extension was updated: the old content script cannot serve the panel
    expect(hasLivePanel(document)).toBe(false);
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(0);
  });

  it('a host nobody answers for (its frame is gone) does not block a new panel', () => {
    document.body.append(document.createElement(HOST_TAG)); // left behind by a frame that navigated
    expect(hasLivePanel(document)).toBe(false);
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });

  it('goes with its owner’s page (pagehide), and says so', () => {
    const gone: string[] = [];
    const owner = new EventTarget() as unknown as Window; // the frame whose content script mounted it
    mountPanel('about:blank', { doc: document, win: owner, onGone: () => gone.push('gone') });
    expect(document.querySelector(HOST_TAG)).not.toBeNull();
    owner.dispatchEvent(new Event('pagehide'));
    expect(document.querySelector(HOST_TAG)).toBeNull();
    expect(gone).toEqual(['gone']);
  });
});
