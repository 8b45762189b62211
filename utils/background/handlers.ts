/**
 * Every message the background answers, in one list: the background's router uses it, and a test checks
 * that content scripts (they run in pages we do not control) reach only the handlers that opt in.
 */
import type { Handler } from '@/utils/messaging';
import { profileHandlers } from '@/utils/profiles/handlers';
import type { ProfileService } from '@/utils/profiles/service';
import { settingsHandlers } from '@/utils/settings/messages';
import { historyHandlers } from '@/utils/guard/history';
import type { DraftService } from '@/utils/drafts/service';
import { draftHandlers, endDraftsOnConfirmedSubmission } from '@/utils/drafts/handlers';
import { pageFeatureHandlers } from '@/utils/content/load-features';

export function backgroundHandlers(profiles: ProfileService, drafts: DraftService): Handler[] {
  return [
    ...profileHandlers(profiles),
    ...settingsHandlers(() => profiles.touch()),
    ...draftHandlers(drafts),
    // A submission the portal confirmed ends that tab's drafts.
    ...endDraftsOnConfirmedSubmission(historyHandlers(), drafts),
    // The content script asks for the page features in frames that show the application (issue 11).
    ...pageFeatureHandlers(),
  ];
}
