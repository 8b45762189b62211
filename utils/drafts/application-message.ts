/**
 * The panel asks the frame that shows the application for the portal's application number (or the page's own
 * id for it, where the page shows one; '' otherwise) — drafts are keyed by it (issue 10). zod/mini: the page
 * features answer it and stay small. See utils/page/application-id.ts.
 */
import * as z from 'zod/mini';
import { defineMessage } from '@/utils/messaging';

export const getApplicationId = defineMessage('panel/application-id', z.object({}), z.object({ application: z.string().check(z.maxLength(100)) }));
