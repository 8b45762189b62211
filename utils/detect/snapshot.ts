/**
 * Read a `PageSnapshot` from a live document: the page's title, its visible text (bounded) and
 * the step the page marks as current. Markup-agnostic: Element UI / Element Plus steps, Bootstrap
 * `.active` tabs/wizards, `aria-current="step"`, or a highlighted heading.
 */
import { itemFromText, itemFromUrl, type PageSnapshot } from './page';
import type { ItemKind } from '@/utils/schemas';

const ACTIVE_STEP_SELECTORS = [
  '.el-step__head.is-process + .el-step__main .el-step__title',
  '.el-step.is-process .el-step__title',
  '.el-step__title.is-process',
  '.ant-steps-item-active .ant-steps-item-title',
  '[aria-current="step"]',
  '.steps .active',
  '.step.active',
  '.wizard .active',
  '.nav-wizard .active',
  '.progress-step.active',
  '.current-step',
  'li.current',
  // Bootstrap 3 wizards drawn as pills or tabs (the server-rendered application era)
  '.nav-pills > li.active',
  '.nav-tabs > li.active',
];

const MAX_TEXT = 20_000;

function visible(el: Element): boolean {
  const rect = (el as HTMLElement).getBoundingClientRect?.();
  return !rect || rect.width > 0 || rect.height > 0;
}

export function activeStepText(doc: Document): string | undefined {
  for (const sel of ACTIVE_STEP_SELECTORS) {
    for (const el of Array.from(doc.querySelectorAll(sel))) {
      const text = (el as HTMLElement).innerText ?? el.textContent ?? '';
      if (text.trim() && visible(el)) return text.trim();
    }
  }
  return undefined;
}

export function takeSnapshot(doc: Document, url: string): PageSnapshot {
  const body = doc.body as HTMLElement | null;
  const text = (body?.innerText ?? body?.textContent ?? '').slice(0, MAX_TEXT);
  return { url, title: doc.title ?? '', text, activeStepText: activeStepText(doc) };
}

/** Headings, breadcrumbs and the title: where a page names its item. */
const ITEM_PLACES = 'h1, h2, h3, .panel-title, .apply-title, .el-breadcrumb, .breadcrumb, [class*="item-name"], [class*="itemName"]';

/** Which item (职保 / 居保) this document is about, from its URL, title and headings (not the whole body: cheap). */
export function itemShown(doc: Document, url: string = doc.location?.href ?? ''): ItemKind | null {
  const headings = Array.from(doc.querySelectorAll(ITEM_PLACES))
    .map((e) => e.textContent ?? '')
    .join(' ');
  return itemFromUrl(url) ?? itemFromText(`${doc.title}\n${headings}`);
}
