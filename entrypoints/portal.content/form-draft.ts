/**
 * Feature: never lose what was typed (issue 10) — the application's form is kept as a draft in the extension
 * while the user types, and offered back (「恢复上次填写的内容」 in the panel) when the page returns emptier.
 * The work is utils/drafts/form-capture.ts; this wires it to the background (the zod/mini form-draft
 * messages), to the panel (its poll, restore, discard) and to 结束本次服务.
 */
import { handle, sendMessage } from '@/utils/messaging';
import { createFormCapture } from '@/utils/drafts/form-capture';
import { deleteFormDraft, loadFormDraft, saveFormDraft } from '@/utils/drafts/form-messages';
import { discardFormDraft, getFormDraftState, restoreFormDraft } from '@/utils/drafts/page-messages';
import { onSessionEnded } from '@/utils/drafts/session-end';
import type { Feature } from '@/utils/content/features';
import type { PortalContext } from './context';

export const formDraftFeature: Feature<PortalContext> = {
  name: 'form-draft',
  when: (page) => page?.kind === 'application',
  start(ctx, signal) {
    const capture = createFormCapture({
      doc: ctx.doc,
      page: ctx.page,
      store: {
        load: (key) => sendMessage(loadFormDraft, { key }),
        save: (key, session, values) => sendMessage(saveFormDraft, { key, session, values }),
        remove: (key, session) => sendMessage(deleteFormDraft, { key, session }),
      },
    });
    ctx.hub.answer(
      [
        handle(getFormDraftState, ({ claimant }) => capture.state(claimant)),
        handle(restoreFormDraft, ({ keys }) => capture.restore(keys)),
        handle(discardFormDraft, () => capture.discard()),
      ],
      signal,
    );
    const stop = onSessionEnded(() => capture.sessionEnded());
    signal.addEventListener('abort', () => {
      stop();
      capture.dispose();
    });
  },
};
