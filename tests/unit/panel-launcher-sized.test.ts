/**
 * The panel follows its frame's size (launcher or column). Its frame learns the size asynchronously: the
 * real size may arrive between the first render and the moment the resize listener is in place.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { useLauncherSized } from '@/components/panel/use-launcher-sized';

function fakeWindow(height: number) {
  const target = new EventTarget() as EventTarget & { innerHeight: number };
  target.innerHeight = height;
  return target;
}

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

function Probe({ win }: { win: Window }) {
  return h('p', null, useLauncherSized(win) ? 'launcher' : 'column');
}

describe('useLauncherSized', () => {
  it('reads the size again once it listens: a size that arrived in between is not missed', () => {
    const win = fakeWindow(0); // the out-of-process frame before its size arrived
    root = document.createElement('div');
    document.body.append(root);
    act(() => {
      render(h(Probe, { win: win as unknown as Window }), root!);
      win.innerHeight = 900; // the size arrives (its resize event fired before anyone listened)
    });
    expect(root.textContent).toBe('column');
  });

  it('follows later resizes both ways', () => {
    const win = fakeWindow(900);
    root = document.createElement('div');
    document.body.append(root);
    act(() => render(h(Probe, { win: win as unknown as Window }), root!));
    expect(root.textContent).toBe('column');
    act(() => {
      win.innerHeight = 64;
      win.dispatchEvent(new Event('resize'));
    });
    expect(root.textContent).toBe('launcher');
    act(() => {
      win.innerHeight = 900;
      win.dispatchEvent(new Event('resize'));
    });
    expect(root.textContent).toBe('column');
  });
});
