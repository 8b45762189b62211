/**
 * The pre-submission warnings, in the page, inside a CLOSED shadow root: page CSS cannot reach it,
 * page scripts can neither read the findings (names, ages) nor find its buttons, and only the
 * user's own input (`isTrusted`) answers it — a script that dispatches a click or an Escape does
 * nothing. If the page removes it, that counts as 返回修改. Plain DOM: a content script stays small.
 *
 * Large plain Chinese, one line per finding (most serious first — the caller sorts), each saying
 * what to do. "返回修改" is the default and has the focus; Esc = 返回修改; Tab stays inside.
 * Test hooks (stable, inside the shadow root — end-to-end tests reach them through the DevTools
 * protocol, which pierces closed roots): [data-testid="submit-warnings"], [data-warning-code],
 * [data-testid="warnings-back"], [data-testid="warnings-continue"]; the host is
 * `[data-zwdt-guard="modal"]` (a name for tests only: the guard's own nodes are tracked in a WeakSet).
 */
import { t } from '@/utils/i18n';
import { GUARD_HOST_ATTR, markGuardNode } from '@/utils/guard/dom';
import type { Decision, Present } from '@/utils/guard/intercept';
import type { Finding, Severity } from '@/utils/guard/rules';

export interface WarningsModalOptions {
  /** The user's choice (called once). */
  onDecision: (decision: Decision) => void;
  /** Closes the modal without a choice from the user (the caller's 'back'). */
  signal?: AbortSignal;
}

export interface WarningsModalHandle {
  host: HTMLElement;
  /** The shadow root (closed: only this handle holds it). */
  root: ShadowRoot;
  close(): void;
}

const SEVERITY_KEY: Record<Severity, string> = {
  'block-worthy': 'guardSeverityBlock',
  warning: 'guardSeverityWarning',
  soft: 'guardSeveritySoft',
};

const CSS = `
:host { all: initial; }
.backdrop { position: fixed; inset: 0; z-index: 2147483646; background: rgba(0,0,0,.45);
  display: flex; align-items: center; justify-content: center; padding: 16px; box-sizing: border-box; }
.dialog { background: #fff; color: #1a1a1a; width: min(760px, 100%); max-height: calc(100vh - 32px); overflow: auto;
  border-radius: 10px; box-shadow: 0 10px 40px rgba(0,0,0,.35); padding: 28px 32px; box-sizing: border-box;
  font: 22px/1.6 "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; }
h2 { font-size: 28px; margin: 0 0 8px; line-height: 1.35; }
.intro { margin: 0 0 16px; font-size: 20px; color: #444; }
ol { list-style: none; margin: 0 0 24px; padding: 0; }
li { display: flex; gap: 12px; align-items: flex-start; padding: 14px 0; border-top: 1px solid #e5e5e5; font-size: 22px; }
li:first-child { border-top: 0; }
.badge { flex: none; font-size: 18px; font-weight: bold; padding: 2px 10px; border-radius: 6px; margin-top: 3px; white-space: nowrap; }
.sev-block-worthy .badge { background: #fde2e1; color: #a8071a; }
.sev-warning .badge { background: #fff1d6; color: #8a4b00; }
.sev-soft .badge { background: #e8f0fe; color: #174ea6; }
.actions { display: flex; gap: 16px; justify-content: flex-end; flex-wrap: wrap; }
button { font: inherit; font-size: 22px; min-height: 56px; padding: 8px 28px; border-radius: 8px; cursor: pointer; }
button:focus-visible, button:focus { outline: 4px solid #ffbf47; outline-offset: 2px; }
.back { background: #1f5fbf; color: #fff; border: 2px solid #1f5fbf; font-weight: bold; }
.continue { background: #fff; color: #333; border: 2px solid #999; }
`;

export function showWarningsModal(doc: Document, findings: readonly Finding[], options: WarningsModalOptions): WarningsModalHandle {
  const previouslyFocused = doc.activeElement as HTMLElement | null;
  const host = doc.createElement('div');
  host.setAttribute(GUARD_HOST_ATTR, 'modal');
  markGuardNode(host);
  const shadow = host.attachShadow({ mode: 'closed' });

  const style = doc.createElement('style');
  style.textContent = CSS;
  const backdrop = doc.createElement('div');
  backdrop.className = 'backdrop';
  const dialog = doc.createElement('div');
  dialog.className = 'dialog';
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-labelledby', 'guard-title');
  dialog.setAttribute('aria-describedby', 'guard-intro');
  dialog.dataset.testid = 'submit-warnings';

  const title = doc.createElement('h2');
  title.id = 'guard-title';
  title.textContent = t('guardModalTitle');
  const intro = doc.createElement('p');
  intro.id = 'guard-intro';
  intro.className = 'intro';
  intro.textContent = t('guardModalIntro');

  const list = doc.createElement('ol');
  for (const f of findings) {
    const li = doc.createElement('li');
    li.className = `sev-${f.severity}`;
    li.dataset.warningCode = f.code;
    li.dataset.severity = f.severity;
    const badge = doc.createElement('span');
    badge.className = 'badge';
    badge.textContent = t(SEVERITY_KEY[f.severity]);
    const msg = doc.createElement('span');
    msg.className = 'message';
    msg.textContent = t(f.message.key, ...f.message.params);
    li.append(badge, msg);
    list.append(li);
  }

  const back = doc.createElement('button');
  back.type = 'button';
  back.className = 'back';
  back.dataset.testid = 'warnings-back';
  back.textContent = t('guardBack');
  const cont = doc.createElement('button');
  cont.type = 'button';
  cont.className = 'continue';
  cont.dataset.testid = 'warnings-continue';
  cont.textContent = t('guardContinue');
  const actions = doc.createElement('div');
  actions.className = 'actions';
  actions.append(cont, back);

  dialog.append(title, intro, list, actions);
  backdrop.append(dialog);
  shadow.append(style, backdrop);

  let closed = false;
  const view = doc.defaultView;
  // Esc and Tab while the focus is somewhere else (the page, the address bar coming back)
  const onDocKey = (e: KeyboardEvent) => {
    if (!e.isTrusted || e.composedPath().includes(host)) return;
    if (e.key === 'Escape' || e.key === 'Esc') choose('back')(e);
    else if (e.key === 'Tab') {
      e.preventDefault();
      back.focus();
    }
  };
  const onFocusIn = (e: FocusEvent) => {
    if (!e.composedPath().includes(host)) back.focus();
  };
  // The page took the modal away: nothing was chosen, so nothing goes on.
  const watch = view ? new view.MutationObserver(() => {
    if (!host.isConnected) choose('back')();
  }) : null;
  const close = () => {
    if (closed) return;
    closed = true;
    watch?.disconnect();
    view?.removeEventListener('keydown', onDocKey, true);
    doc.removeEventListener('focusin', onFocusIn, true);
    options.signal?.removeEventListener('abort', close);
    host.remove();
    if (previouslyFocused?.isConnected) previouslyFocused.focus?.({ preventScroll: true });
  };
  const choose = (decision: Decision) => (e?: Event) => {
    if (e) {
      if (!e.isTrusted) return; // a page script cannot answer for the user
      e.preventDefault();
      e.stopPropagation();
    }
    if (closed) return;
    close();
    options.onDecision(decision);
  };
  back.addEventListener('click', choose('back'));
  cont.addEventListener('click', choose('continue'));

  // keyboard: Esc = 返回修改; Tab cycles between the two buttons; nothing reaches the page
  dialog.addEventListener('keydown', (e) => {
    if (!e.isTrusted) return;
    if (e.key === 'Escape' || e.key === 'Esc') {
      choose('back')(e);
      return;
    }
    if (e.key === 'Tab') {
      e.preventDefault();
      const order = [cont, back];
      const i = order.indexOf(shadow.activeElement as HTMLButtonElement);
      const next = e.shiftKey ? (i <= 0 ? order.length - 1 : i - 1) : (i + 1) % order.length;
      order[next]!.focus();
    }
    e.stopPropagation();
  });
  // focus that escapes (a click on the backdrop, page scripts) comes back
  backdrop.addEventListener('mousedown', (e) => {
    if (e.target === backdrop) {
      e.preventDefault();
      back.focus();
    }
  });
  if (options.signal?.aborted) {
    closed = true;
    return { host, root: shadow, close };
  }
  options.signal?.addEventListener('abort', close);
  view?.addEventListener('keydown', onDocKey, true);
  doc.addEventListener('focusin', onFocusIn, true);
  doc.documentElement.append(host);
  watch?.observe(doc.documentElement, { childList: true });
  back.focus();
  return { host, root: shadow, close };
}

/** The guard's `present`: the modal, resolving with the user's choice ('back' when closed otherwise). */
export function warningsPresenter(doc: Document): Present {
  return (findings, signal) =>
    new Promise((resolve) => {
      showWarningsModal(doc, findings, { onDecision: resolve, signal });
      signal.addEventListener('abort', () => resolve('back'), { once: true });
      if (signal.aborted) resolve('back');
    });
}
