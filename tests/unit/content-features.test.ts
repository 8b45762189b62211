import { describe, expect, it, vi } from 'vitest';
import { runFeatures, type Feature } from '@/utils/content/features';
import { createHub } from '@/utils/content/hub';
import type { PageInfo } from '@/utils/detect/page';

const APP: PageInfo = { kind: 'application', item: 'employee', step: 'basic' };
const GUIDE: PageInfo = { kind: 'guide', item: 'employee' };

function feature(name: string, when: (p: PageInfo | null) => boolean, log: string[], fail = false): Feature<null> {
  return {
    name,
    when,
    start(_ctx, signal) {
      if (fail) throw new Error('broken');
      log.push(`start ${name}`);
      signal.addEventListener('abort', () => log.push(`stop ${name}`));
    },
  };
}

describe('content-script features', () => {
  it('start when their page condition holds, clean up when it stops holding, once each', () => {
    const log: string[] = [];
    const r = runFeatures([feature('panel', (p) => p !== null, log), feature('guard', (p) => p?.kind === 'application', log)], null);
    r.update(GUIDE);
    r.update(APP);
    r.update({ ...APP, step: 'invoice' });
    r.update(null);
    expect(log).toEqual(['start panel', 'start guard', 'stop panel', 'stop guard']);
  });

  it('features added later (the page features) start at once when the page matches; a broken one stops none of the others', () => {
    const log: string[] = [];
    const onError = vi.fn();
    const r = runFeatures([feature('panel', (p) => p !== null, log)], null, onError);
    r.update(APP);
    r.add([feature('broken', () => true, log, true), feature('autofill', (p) => p?.kind === 'application', log)]);
    expect(log).toEqual(['start panel', 'start autofill']);
    expect(onError).toHaveBeenCalledWith('broken', expect.any(Error));
    expect(r.running().sort()).toEqual(['autofill', 'panel']);
    r.dispose();
    expect(r.running()).toEqual([]);
  });

  it('the hub holds a message for this frame while the page features load, then answers it', async () => {
    const hub = createHub();
    const life = new AbortController();
    hub.listenAt('t', life.signal);
    let loaded!: () => void;
    hub.loading(new Promise<void>((r) => (loaded = r)));
    const answer = hub.listener({ type: 'panel/page-info', payload: {}, to: 't' }, {});
    expect(answer).toBeInstanceOf(Promise);
    const { handle } = await import('@/utils/messaging');
    const { getPageInfo } = await import('@/utils/panel/messages');
    hub.answer([handle(getPageInfo, () => ({ page: null }))], life.signal);
    loaded();
    expect(await answer).toEqual({ ok: true, data: { page: null } });
    // another frame's message is not held
    expect(hub.listener({ type: 'panel/page-info', payload: {}, to: 'other' }, {})).toBeUndefined();
  });
});
