/**
 * Typed, zod-validated messages between the extension's contexts.
 *
 * Every message kind is declared once with `defineMessage(type, requestSchema, responseSchema)`
 * in the feature that owns it (e.g. `utils/profiles/messages.ts`). Senders call `send…`, receivers
 * register `handle(def, fn)` in a router. Both ends validate: a malformed message from a
 * compromised or outdated context is refused with a clear error instead of reaching storage.
 */
import * as z from 'zod/mini';
import type * as core from 'zod/v4/core';
import { $ZodError, prettifyError } from 'zod/v4/core';
import { browser } from 'wxt/browser';

/** Any zod schema: classic `zod` or `zod/mini` (the content script's messages use mini: it stays small). */
type Schema = core.$ZodType;

export interface MessageDef<Req extends Schema, Res extends Schema> {
  type: string;
  request: Req;
  response: Res;
}

export function defineMessage<Req extends Schema, Res extends Schema>(
  type: string,
  request: Req,
  response: Res,
): MessageDef<Req, Res> {
  return { type, request, response };
}

/** What travels on the wire. `to` addresses one frame's content script (see `portal.content`). */
const envelopeSchema = z.object({ type: z.string(), payload: z.unknown(), to: z.optional(z.string()) });
export type Envelope = z.infer<typeof envelopeSchema>;

const replySchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type Reply = z.infer<typeof replySchema>;

export class MessageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

async function unwrap<Res extends Schema>(def: MessageDef<Schema, Res>, raw: unknown): Promise<core.output<Res>> {
  if (raw === undefined) throw new MessageError('no-receiver', `No receiver answered "${def.type}"`);
  const reply = z.parse(replySchema, raw);
  if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message);
  return z.parse(def.response, reply.data);
}

/**
 * Send to the background service worker (or any extension page listening); `to` selects the one
 * extension page whose router registered that address (e.g. the panel of one tab).
 */
export async function sendMessage<Req extends Schema, Res extends Schema>(
  def: MessageDef<Req, Res>,
  payload: core.input<Req>,
  to?: string,
): Promise<core.output<Res>> {
  const envelope: Envelope = { type: def.type, payload: z.parse(def.request, payload), ...(to === undefined ? {} : { to }) };
  return unwrap(def, await browser.runtime.sendMessage(envelope));
}

/** Send to the content script of one tab; `to` selects the frame that registered that address. */
export async function sendToTab<Req extends Schema, Res extends Schema>(
  tabId: number,
  def: MessageDef<Req, Res>,
  payload: core.input<Req>,
  to?: string,
): Promise<core.output<Res>> {
  const envelope: Envelope = { type: def.type, payload: z.parse(def.request, payload), to };
  return unwrap(def, await browser.tabs.sendMessage(tabId, envelope));
}

export interface Sender {
  tabId?: number;
  frameId?: number;
  url?: string;
  /** True when the sender is one of this extension's own pages (not a content script). */
  fromExtensionPage: boolean;
}

export type Handler = {
  type: string;
  run: (payload: unknown, sender: Sender) => Promise<unknown>;
  /** Content scripts may only call handlers that opt in: they run in pages we do not control. */
  allowContentScripts: boolean;
};

export function handle<Req extends Schema, Res extends Schema>(
  def: MessageDef<Req, Res>,
  fn: (payload: core.output<Req>, sender: Sender) => Promise<core.input<Res>> | core.input<Res>,
  options: { allowContentScripts?: boolean } = {},
): Handler {
  return {
    type: def.type,
    allowContentScripts: options.allowContentScripts ?? false,
    run: async (payload, sender) => z.parse(def.response, await fn(z.parse(def.request, payload), sender)),
  };
}

function errorReply(err: unknown): Reply {
  if (err instanceof MessageError) return { ok: false, error: { code: err.code, message: err.message } };
  if (err instanceof $ZodError) return { ok: false, error: { code: 'invalid-message', message: prettifyError(err) } };
  return { ok: false, error: { code: 'failed', message: err instanceof Error ? err.message : String(err) } };
}

/**
 * Build a `runtime.onMessage` listener for a set of handlers. Messages of unknown types are
 * ignored (another listener may own them); `address` limits a content-script router to
 * envelopes sent to that address.
 */
export function createRouter(handlers: Handler[], options: { address?: () => string | undefined } = {}) {
  const byType = new Map(handlers.map((h) => [h.type, h]));
  return (raw: unknown, rawSender: { tab?: { id?: number }; frameId?: number; url?: string; id?: string }): Promise<Reply> | undefined => {
    const parsed = z.safeParse(envelopeSchema, raw);
    if (!parsed.success) return undefined;
    const { type, payload, to } = parsed.data;
    const handler = byType.get(type);
    if (!handler) return undefined;
    // A content-script router answers only envelopes addressed to it (other frames of the tab
    // receive the same message and must stay silent, also while they have no address at all).
    const address = options.address?.();
    if (options.address && (address === undefined || to !== address)) return undefined;
    const extensionOrigin = typeof location !== 'undefined' ? location.origin : '';
    const fromExtensionPage = rawSender.id === browser.runtime.id && !!rawSender.url?.startsWith(extensionOrigin) && extensionOrigin.startsWith('chrome-extension:');
    const sender: Sender = { tabId: rawSender.tab?.id, frameId: rawSender.frameId, url: rawSender.url, fromExtensionPage };
    if (!handler.allowContentScripts && !fromExtensionPage && !options.address) {
      return Promise.resolve({ ok: false, error: { code: 'forbidden', message: `"${type}" is not available to web pages` } });
    }
    return handler.run(payload, sender).then((data) => ({ ok: true as const, data }), errorReply);
  };
}
