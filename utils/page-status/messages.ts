/**
 * What the toolbar popup (and the panel) may ask of the page in the current tab, and what they may ask
 * of the helper's panel. Declared once with zod, in the style of utils/messaging.ts.
 *
 * - `page/status` goes to the tab's content scripts (`tabs.sendMessage`) addressed to PAGE_HOST_ADDRESS:
 *   only the frame that hosts the helper (the one that recognised the application) answers.
 * - `panel/action` goes to the extension's pages (`runtime.sendMessage`) addressed to the tab id: only
 *   the helper's panel inside that tab acts (自动填写 from the popup or the keyboard shortcut).
 */
import * as z from 'zod/mini';
import { defineMessage } from '@/utils/messaging';
import { pageInfoSchema } from '@/utils/panel/messages';

export const PAGE_HOST_ADDRESS = 'page-host';

const count = z.int().check(z.minimum(0));

const findingSchema = z.object({
  code: z.string(),
  severity: z.enum(['block-worthy', 'warning', 'soft']),
  message: z.object({ key: z.string(), params: z.array(z.string()) }),
});

export const pageStatusSchema = z.object({
  page: z.nullable(pageInfoSchema),
  /** Starred fields visible now, in page order. */
  fields: z.array(z.object({ label: z.string(), filled: z.boolean() })),
  invoices: z.object({
    /** Invoice rows the page shows (filled in). */
    onPage: count,
    /** Invoices the helper has read (recognised in the panel). */
    read: count,
  }),
  /** Files per document kind on 材料上传; null when the page shows no upload slots. */
  uploads: z.nullable(z.record(z.string(), count)),
  /** The facts the material rules depend on, as the warnings see them now. */
  situation: z.object({
    delegated: z.boolean(),
    minor: z.boolean(),
    deceased: z.boolean(),
    inpatient: z.boolean(),
    invoiceCount: count,
  }),
  /** The pre-submission warnings that would show if 下一步 / 提交 were pressed now. */
  warnings: z.array(findingSchema),
});
export type PageStatus = z.infer<typeof pageStatusSchema>;

export const getPageStatus = defineMessage(
  'page/status',
  z.object({ history: z._default(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(2000)), []) }),
  pageStatusSchema,
);

export const PANEL_ACTIONS = ['autofill', 'expand'] as const;
export type PanelAction = (typeof PANEL_ACTIONS)[number];

export const panelAction = defineMessage(
  'panel/action',
  z.object({ tabId: z.int(), action: z.enum(PANEL_ACTIONS) }),
  z.object({ started: z.boolean(), reason: z.optional(z.string()) }),
);
