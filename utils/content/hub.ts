/**
 * The content script's answers to the panel: features add their message handlers while they run (removed
 * when their signal aborts). Only envelopes addressed to this frame's panel token are answered — other
 * frames of the tab receive the same message and stay silent.
 */
import { createRouter, type Handler } from '@/utils/messaging';

export interface Hub {
  /** Answer these messages until `signal` aborts. */
  answer(handlers: Handler[], signal: AbortSignal): void;
  /** An address this frame answers at (the token of the panel it hosts, PAGE_HOST_ADDRESS), until `signal` aborts. */
  listenAt(address: string, signal: AbortSignal): void;
  /** More handlers are on their way (the page features are being injected): hold this frame's messages until then. */
  loading(done: Promise<unknown>): void;
  /** The `runtime.onMessage` listener. */
  listener: ReturnType<typeof createRouter>;
}

export function createHub(): Hub {
  const handlers = new Map<string, Handler>();
  const addresses = new Set<string>();
  let pending: Promise<unknown> | null = null;
  const addressed = (raw: unknown) => {
    const to = (raw as { to?: unknown } | null)?.to;
    return typeof to === 'string' && addresses.has(to) ? to : undefined;
  };
  const route: ReturnType<typeof createRouter> = (raw, sender) => createRouter([...handlers.values()], { address: () => addressed(raw) })(raw, sender);
  return {
    answer(list, signal) {
      for (const h of list) handlers.set(h.type, h);
      signal.addEventListener('abort', () => {
        for (const h of list) if (handlers.get(h.type) === h) handlers.delete(h.type);
      });
    },
    listenAt(address, signal) {
      addresses.add(address);
      signal.addEventListener('abort', () => addresses.delete(address));
    },
    loading(done) {
      const p = done.catch(() => undefined).finally(() => {
        if (pending === p) pending = null;
      });
      pending = p;
    },
    listener: (raw, sender) => {
      const answer = route(raw, sender);
      if (answer !== undefined || !pending || addressed(raw) === undefined) return answer;
      // a message for this frame's panel while the page features load: answer once they are here
      return pending.then(() => route(raw, sender) ?? { ok: false as const, error: { code: 'no-receiver', message: 'not available on this page' } });
    },
  };
}
