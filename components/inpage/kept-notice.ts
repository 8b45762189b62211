/**
 * 「您填写的内容已经保存」 — shown in the portal page when it says the login expired or the service is down
 * for maintenance, and what was typed in this tab is kept. Large plain Chinese, at the top of the window,
 * inside a shadow root (page CSS cannot reach it), with one button to close it. It names no person and no
 * value, so an open root does no harm (end-to-end tests pierce it). Plain DOM: the content script that runs
 * in every frame stays small. Test hook (stable): [data-testid="draft-kept-notice"].
 */
import { markHelperNode } from '@/utils/page/dom';
import { t } from '@/utils/i18n';
import type { Outage } from '@/utils/drafts/outage';

export const KEPT_NOTICE_TAG = 'zwdt-helper-notice';

const CSS = `
:host { all: initial; }
.notice { position: fixed; top: 12px; left: 50%; transform: translateX(-50%); z-index: 2147483647;
  width: min(760px, calc(100vw - 24px)); box-sizing: border-box; background: #fffbe6; color: #1a1a1a;
  border: 3px solid #d48806; border-radius: 10px; box-shadow: 0 8px 30px rgba(0,0,0,.3); padding: 20px 24px;
  font: 24px/1.6 "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; }
h2 { font-size: 28px; margin: 0 0 8px; line-height: 1.35; }
p { margin: 0 0 12px; }
button { font: inherit; font-size: 22px; min-height: 52px; padding: 6px 28px; border-radius: 8px; cursor: pointer;
  background: #1f5fbf; color: #fff; border: 2px solid #1f5fbf; font-weight: bold; }
button:focus-visible, button:focus { outline: 4px solid #ffbf47; outline-offset: 2px; }
`;

export interface KeptNotice {
  host: HTMLElement;
  remove(): void;
}

/** `until`: the last day the draft is kept (ISO), when known. */
export function showKeptNotice(doc: Document, outage: Outage, until: string | null, onClose: () => void): KeptNotice {
  const host = doc.createElement(KEPT_NOTICE_TAG);
  markHelperNode(host); // never read as part of the page
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const box = doc.createElement('div');
  box.className = 'notice';
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  box.dataset.testid = 'draft-kept-notice';
  box.dataset.outage = outage;
  const title = doc.createElement('h2');
  title.textContent = t('draftsKeptTitle');
  const why = doc.createElement('p');
  why.textContent = t(outage === 'session' ? 'draftsKeptSession' : 'draftsKeptMaintenance');
  const how = doc.createElement('p');
  const day = until ? new Date(until) : null;
  how.textContent = day && !Number.isNaN(day.getTime()) ? t('draftsKeptHowUntil', String(day.getMonth() + 1), String(day.getDate())) : t('draftsKeptHow');
  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = t('draftsKeptClose');
  close.dataset.testid = 'draft-kept-close';
  const remove = () => host.remove();
  close.addEventListener('click', () => {
    remove();
    onClose();
  });
  box.append(title, why, how, close);
  shadow.append(style, box);
  (doc.body ?? doc.documentElement).append(host);
  return { host, remove };
}
