/**
 * The pre-submission guard on a page: intercept the user's 下一步 / 提交 / 确认提交 / 确认 (clicks,
 * Enter on non-native buttons, form submits) in the CAPTURE phase on `window`, run the rules on
 * what the page shows, and:
 *   - nothing found → the event goes on untouched;
 *   - findings → the event is stopped and the warnings modal shown. "返回修改" closes it;
 *     "仍然继续" replays the user's own action exactly once (a click re-dispatched on the same
 *     element with a one-shot bypass, or `form.requestSubmit(submitter)`).
 * The helper never submits anything on its own.
 *
 * A click cannot wait for a promise, so the context (`getContext`) is fetched ahead — at install,
 * on pointerdown / keydown and after each decision — and the check runs synchronously on the
 * last one. Only if no context has arrived yet is the event held, checked when it comes, and
 * replayed if nothing is found.
 */
import { showWarningsModal, type WarningsModalHandle } from '@/components/guard/WarningsModal';
import { actionsWithText, findAction, type Action } from './actions';
import { isGuardNode } from './dom';
import { evaluate } from './evaluate';
import { installAddressNotes } from './live-address';
import { readPage, type GuardContext } from './read-page';
import { RULES, type Finding, type Rule } from './rules';
import type { ApplicationState } from './state';

export type { GuardContext } from './read-page';

export interface GuardEvent {
  findings: Finding[];
  /** The text of the action the user took (下一步, 提交 …). */
  action: string;
  /** 'shown' when the modal opens, then the user's choice. */
  decision: 'shown' | 'back' | 'continue';
}

export interface ProceedEvent {
  /** The text of the action (下一步, 提交 …) and its kind. */
  action: string;
  kind: string;
  /** What the page showed when the user went on. */
  state: ApplicationState;
}

export interface InstallGuardOptions {
  root: Document;
  getContext: () => Promise<GuardContext>;
  onFindings?: (event: GuardEvent) => void;
  /** The user's action goes on (nothing found, or "仍然继续"): e.g. remember filed invoices on 提交. */
  onProceed?: (event: ProceedEvent) => void;
  /** Live address notes under the address fields (default true). */
  liveAddress?: boolean;
  rules?: readonly Rule[];
}

export interface GuardHandle {
  dispose(): void;
  /** The findings for the page as it is now (for the panel). */
  check(): Finding[];
}

const fingerprint = (fs: Finding[]) => JSON.stringify(fs.map((f) => [f.code, f.message.params]));

export function installGuard(options: InstallGuardOptions): GuardHandle {
  const doc = options.root;
  const win = doc.defaultView;
  if (!win) throw new Error('installGuard: the document has no window');
  const rules = options.rules ?? RULES;

  let context: GuardContext | null = null;
  let pending: Promise<void> | null = null;
  let previous: ApplicationState | undefined;
  let modal: WarningsModalHandle | null = null;
  /** One-shot pass for the replay of the user's action. */
  let bypass: { target: Element; type: 'click' | 'submit' | 'keydown' } | null = null;
  /** The form whose submit follows a click we let through (same task). */
  let allowedForm: HTMLFormElement | null = null;
  /** Findings the user chose to continue past: a page's own 确定 that follows is not asked again. */
  let acknowledged: { print: string; at: number } | null = null;

  const refresh = (): Promise<void> => {
    if (pending) return pending;
    pending = options
      .getContext()
      .then((c) => {
        context = c ?? {};
      })
      .catch((err) => {
        console.warn('[guard] context unavailable', err);
        context ??= {};
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  };
  void refresh();

  const run = (): Finding[] => {
    const state = readPage(doc, context ?? {}, previous);
    previous = state;
    return evaluate(state, rules);
  };

  const stop = (e: Event) => {
    e.preventDefault();
    e.stopImmediatePropagation();
  };

  const allowFollowingSubmit = (el: Element) => {
    const form = (el as HTMLButtonElement).form ?? el.closest('form');
    if (!form) return;
    allowedForm = form;
    win.setTimeout(() => {
      if (allowedForm === form) allowedForm = null;
    }, 0);
  };

  /** Decide on a user action: let it go (returns) or stop it and ask. */
  const decide = (e: Event, label: string, kind: string, source: Element, replayAction: () => void) => {
    const proceed = () => {
      if (previous) options.onProceed?.({ action: label, kind, state: previous });
    };
    const replay = () => {
      proceed();
      replayAction();
    };
    const ask = (findings: Finding[]) => {
      options.onFindings?.({ findings, action: label, decision: 'shown' });
      modal = showWarningsModal(doc, findings, {
        onBack: () => {
          modal = null;
          options.onFindings?.({ findings, action: label, decision: 'back' });
          void refresh();
        },
        onContinue: () => {
          modal = null;
          acknowledged = { print: fingerprint(findings), at: Date.now() };
          options.onFindings?.({ findings, action: label, decision: 'continue' });
          replay();
          void refresh();
        },
      });
    };
    const log = (findings: Finding[], held: boolean) => {
      const codes = findings.map((f) => f.code);
      // the last decision, for the panel and for tests
      doc.documentElement.dataset.zwdtGuardLast = JSON.stringify({ action: label, codes, held });
      console.debug('[guard]', label, held ? '(held)' : '', codes.join(', ') || 'clean');
    };
    const acknowledgedAlready = (findings: Finding[]) =>
      kind === 'confirm' && !!acknowledged && acknowledged.print === fingerprint(findings) && Date.now() - acknowledged.at < 5 * 60_000;
    if (context === null) {
      // no context yet: hold the action, check when it arrives
      stop(e);
      void refresh().then(() => {
        const findings = run();
        log(findings, true);
        if (findings.length === 0 || acknowledgedAlready(findings)) replay();
        else ask(findings);
      });
      return;
    }
    // the last context that arrived (a refresh may be under way: a click cannot wait for it)
    const findings = run();
    log(findings, false);
    if (findings.length === 0 || acknowledgedAlready(findings)) {
      allowFollowingSubmit(source);
      proceed();
      return;
    }
    stop(e);
    ask(findings);
  };

  /** The element to replay on: the same one, or — after a re-render — the one with the same text. */
  const relocate = (action: Action, original: Element): Element | null => {
    if (original.isConnected && action.el.contains(original)) return original;
    if (action.el.isConnected) return action.el;
    const same = actionsWithText(doc, action.text);
    return same.length >= 1 ? same[0]! : null;
  };

  const replayClick = (action: Action, original: MouseEvent) => () => {
    const target = relocate(action, original.target as Element);
    if (!target) {
      console.warn(`[guard] "${action.text}" is no longer on the page; nothing replayed`);
      return;
    }
    bypass = { target: findAction(target)?.el ?? target, type: 'click' };
    const init: MouseEventInit = {
      bubbles: true,
      cancelable: true,
      composed: true,
      view: win,
      detail: original.detail,
      screenX: original.screenX,
      screenY: original.screenY,
      clientX: original.clientX,
      clientY: original.clientY,
      ctrlKey: original.ctrlKey,
      shiftKey: original.shiftKey,
      altKey: original.altKey,
      metaKey: original.metaKey,
      button: original.button,
      buttons: original.buttons,
    };
    try {
      target.dispatchEvent(new win.MouseEvent('click', init));
    } finally {
      bypass = null;
    }
  };

  const onClick = (e: MouseEvent) => {
    if (modal || e.composedPath().some((n) => n instanceof Element && isGuardNode(n))) return;
    const action = findAction(e.target);
    if (!action) return;
    if (bypass && bypass.type === 'click' && bypass.target === action.el) {
      bypass = null;
      allowFollowingSubmit(action.el);
      return;
    }
    try {
      decide(e, action.text, action.kind, action.el, replayClick(action, e));
    } catch (err) {
      // a broken check must never trap the user: the action goes on
      console.error('[guard] check failed', err);
      doc.documentElement.dataset.zwdtGuardLast = JSON.stringify({ action: action.text, error: String(err) });
    }
  };

  const onSubmit = (e: SubmitEvent) => {
    const form = e.target;
    if (!(form instanceof win.HTMLFormElement) || isGuardNode(form) || modal) return;
    if (allowedForm === form) {
      allowedForm = null;
      return;
    }
    if (bypass && bypass.type === 'submit' && bypass.target === form) {
      bypass = null;
      return;
    }
    const submitter = (e.submitter as HTMLElement | null) ?? null;
    const action = submitter ? findAction(submitter) : null;
    // a form submitted without a step-action submitter counts when the form holds a step action
    const formAction = action ?? [...form.querySelectorAll('button, input[type="submit"], a, [role="button"]')].map(findAction).find((a) => a) ?? null;
    if (!formAction) return;
    decide(e, formAction.text, formAction.kind, form, () => {
      bypass = { target: form, type: 'submit' };
      try {
        const valid = submitter && (submitter as HTMLButtonElement).form === form ? submitter : undefined;
        form.requestSubmit(valid as HTMLElement | undefined);
      } finally {
        bypass = null;
      }
    });
  };

  const NATIVE = 'button, a[href], input[type="submit"], input[type="button"]';
  const onKeyDown = (e: KeyboardEvent) => {
    if (modal) return;
    if (e.key !== 'Enter' && e.key !== ' ') {
      return;
    }
    const action = findAction(e.target);
    if (!action) return;
    void refresh();
    // native buttons and links turn Enter into a click, which is checked then
    if (action.el.matches(NATIVE)) return;
    if (bypass && bypass.type === 'keydown' && bypass.target === action.el) {
      bypass = null;
      return;
    }
    decide(e, action.text, action.kind, action.el, () => {
      bypass = { target: action.el, type: 'keydown' };
      try {
        action.el.dispatchEvent(new win.KeyboardEvent('keydown', { key: e.key, code: e.code, keyCode: e.keyCode, bubbles: true, cancelable: true, composed: true }));
      } finally {
        bypass = null;
      }
    });
  };

  const onPointerDown = (e: Event) => {
    if (findAction(e.target)) void refresh();
  };

  win.addEventListener('click', onClick, true);
  win.addEventListener('submit', onSubmit as EventListener, true);
  win.addEventListener('keydown', onKeyDown, true);
  win.addEventListener('pointerdown', onPointerDown, true);
  win.addEventListener('mousedown', onPointerDown, true);
  const notes = options.liveAddress === false ? null : installAddressNotes(doc);
  doc.documentElement.setAttribute('data-zwdt-guard-installed', '');

  return {
    dispose() {
      win.removeEventListener('click', onClick, true);
      win.removeEventListener('submit', onSubmit as EventListener, true);
      win.removeEventListener('keydown', onKeyDown, true);
      win.removeEventListener('pointerdown', onPointerDown, true);
      win.removeEventListener('mousedown', onPointerDown, true);
      modal?.close();
      modal = null;
      notes?.dispose();
      doc.documentElement.removeAttribute('data-zwdt-guard-installed');
    },
    check: run,
  };
}
