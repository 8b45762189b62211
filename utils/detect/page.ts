/**
 * Decide what kind of portal page this is, from its URL and what it shows. Pure: the content
 * script gathers a `PageSnapshot`; nothing here touches the DOM, so it is unit tested on many
 * plausible pages (we have never seen the live, logged-in application).
 */
import { ITEMS, LOGISTICS_MARKERS, PROCEDURE_MARKERS, STEP_NAMES } from './items';
import { isPortalUrl } from '@/utils/hosts';
import type { ItemKind, Step } from '@/utils/schemas';

export interface PageSnapshot {
  url: string;
  title: string;
  /** Visible text of headings, steps, breadcrumbs and labels (innerText of the body, trimmed). */
  text: string;
  /** Text of the active / highlighted step, if the page marks one. */
  activeStepText?: string;
}

export type { Step };

export type PageInfo =
  | { kind: 'guide'; item: ItemKind }
  | { kind: 'application'; item: ItemKind | null; step: Step }
  | { kind: 'logistics'; item: ItemKind | null };

function compact(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}

export function itemFromUrl(url: string): ItemKind | null {
  const lower = url.toLowerCase();
  return ITEMS.find((i) => lower.includes(i.id))?.kind ?? null;
}

export function itemFromText(text: string): ItemKind | null {
  const t = compact(text);
  const hits = ITEMS.filter((i) => i.markers.some((m) => t.includes(compact(m))));
  return hits.length === 1 ? hits[0]!.kind : null;
}

export function stepFromText(activeStepText: string | undefined): Step {
  if (!activeStepText) return 'unknown';
  const t = compact(activeStepText);
  if (t.includes(STEP_NAMES.basic)) return 'basic';
  if (t.includes(STEP_NAMES.invoice)) return 'invoice';
  if (t.includes(STEP_NAMES.materials)) return 'materials';
  return 'unknown';
}

const GUIDE_PATH = /\/govportals\/bsfw\/item\/([0-9a-f-]{36})/i;
const APPLICATION_URL_HINTS = [/apply/i, /netapply/i, /shenqing/i, /declare/i, /itemcode=/i];

export function detectPage(snap: PageSnapshot): PageInfo | null {
  if (!isPortalUrl(snap.url)) return null;
  const text = compact(`${snap.title}\n${snap.text}`);
  const aboutProcedure = PROCEDURE_MARKERS.some((m) => text.includes(m));
  const itemByUrl = itemFromUrl(snap.url);
  const item = itemByUrl ?? itemFromText(`${snap.title}\n${snap.text}`);

  // 办事指南: the guide page of one of our two items (other items' guides are left alone).
  const guide = GUIDE_PATH.exec(snap.url);
  if (guide) {
    const kind = itemFromUrl(guide[0]);
    return kind ? { kind: 'guide', item: kind } : null;
  }

  const stepsShown = Object.values(STEP_NAMES).filter((s) => text.includes(s)).length;
  const logisticsShown = LOGISTICS_MARKERS.filter((m) => text.includes(compact(m))).length;

  // 物流申请 (from 我的办件): logistics words on a page about our procedure.
  if (logisticsShown >= 2 && (aboutProcedure || item) && text.includes('物流')) {
    return { kind: 'logistics', item };
  }

  // The application: our item named (URL or text) and the step names shown, or an
  // application-looking URL with our item id and at least one step name.
  const urlLooksLikeApplication = APPLICATION_URL_HINTS.some((r) => r.test(snap.url));
  if ((aboutProcedure || itemByUrl) && (stepsShown >= 2 || (urlLooksLikeApplication && stepsShown >= 1))) {
    return { kind: 'application', item, step: stepFromText(snap.activeStepText) };
  }
  return null;
}

export function samePage(a: PageInfo | null, b: PageInfo | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
