/**
 * The pre-submission guard on a page: intercept the user's 下一步 / 提交 / 确认提交 / 确认 (clicks,
 * Enter on non-native buttons, form submits) in the CAPTURE phase on `window`, run the rules on
 * what the page shows, and:
 *   - nothing found → the event goes on untouched;
 *   - findings → the event is stopped and the findings presented (`present`, injected: the in-page
 *     warnings live with the content script's UI, not here). "返回修改" does nothing; "仍然继续"
 *     replays the user's own action at most once, on the very element they pressed, if it is still
 *     on the page and shown — otherwise the user is asked to press it again (`askToRepeat`), and
 *     that press goes through without the same question.
 * The helper never submits anything on its own.
 *
 * A click cannot wait for a promise, so the context (`getContext`) is fetched ahead — at install,
 * on pointerdown / keydown and after each decision — and the check runs synchronously on the
 * last one. Only if no context has arrived yet is the action held, checked when it comes, and
 * replayed if nothing is found; further presses while one is held are dropped (a double click
 * submits once).
 */
import { findAction, type Action } from './actions';
import { isHidden } from './dom';
import { evaluate } from './evaluate';
import { readPage, type GuardContext } from './read-page';
import { RULES, type Finding, type Rule } from './rules';
import type { ApplicationState } from './state';

export type { GuardContext } from './read-page';

/** The user's answer to the warnings. */
export type Decision = 'back' | 'continue';

/**
 * Shows the findings and resolves with the user's own choice. Aborting `signal` closes what was
 * shown (the promise then resolves 'back'). Implementations must accept only the user's real input.
 */
export type Present = (findings: readonly Finding[], signal: AbortSignal) => Promise<Decision>;

export interface GuardEvent {
  findings: Finding[];
  /** The text of the action the user took (下一步, 提交 …). */
  action: string;
  /** 'shown' when the findings are presented, then the user's choice. */
  decision: 'shown' | Decision;
}

export interface ProceedEvent {
  /** The text of the action (下一步, 提交 …) and its kind. */
  action: string;
  kind: string;
  /** What the page showed when the user went on. */
  state: ApplicationState;
  /** Where the action's form posts (absolute URL), if it sits in a form: a success may show there. */
  form: string | null;
}

export interface InstallGuardOptions {
  root: Document;
  getContext: () => Promise<GuardContext>;
  present: Present;
  /** 仍然继续, but the pressed element is gone or hidden: ask the user to press it again. */
  askToRepeat?: (action: string) => void;
  onFindings?: (event: GuardEvent) => void;
  /** The user's action goes on (nothing found, or "仍然继续"): e.g. remember filed invoices on 提交. */
  onProceed?: (event: ProceedEvent) => void;
  /** False once the guard's owner is gone (a content script after an extension update): stand aside. */
  active?: () => boolean;
  rules?: readonly Rule[];
}

export interface GuardHandle {
  dispose(): void;
}

const fingerprint = (fs: readonly Finding[]) => JSON.stringify(fs.map((f) => [f.code, f.message.params]));

/** How long an answer of "仍然继续" covers the same findings (a page's own 确定 that follows, a press again). */
const ACKNOWLEDGED_MS = 5 * 60_000;

type ReplayKind = 'click' | 'submit' | 'keydown';

export function installGuard(options: InstallGuardOptions): GuardHandle {
  const doc = options.root;
  const win = doc.defaultView;
  if (!win) throw new Error('installGuard: the document has no window');
  const rules = options.rules ?? RULES;
  const active = options.active ?? (() => true);

  let context: GuardContext | null = null;
  let pending: Promise<void> | null = null;
  let previous: ApplicationState | undefined;
  /** The question on screen, if any. */
  let asking: AbortController | null = null;
  /** An action held until the first context arrives (only one: more presses meanwhile are dropped). */
  let held = false;
  /** One-shot pass for the replay of the user's action (set only while it is dispatched). */
  let bypass: { target: Element; type: ReplayKind } | null = null;
  /** The form whose submit follows a click we let through (same task). */
  let allowedForm: HTMLFormElement | null = null;
  /**
   * Findings the user chose to continue past: a page's own 确定 that follows is not asked again, nor
   * (once) the press we asked for when the replay was impossible.
   */
  let acknowledged: { print: string; at: number; repeat: string | null } | null = null;

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

  /** Still there for the user: in the document and displayed. */
  const shown = (el: Element) => el.isConnected && !isHidden(el);

  /** The URL the form around `el` posts to (its `action` attribute: a control named "action" cannot shadow it). */
  const formTarget = (el: Element): string | null => {
    const form = el instanceof win.HTMLFormElement ? el : ((el as HTMLButtonElement).form ?? el.closest('form'));
    if (!form) return null;
    try {
      return new URL(form.getAttribute('action') ?? '', doc.baseURI).href;
    } catch {
      return null;
    }
  };

  /** Decide on a user action: let it go (returns) or stop it and ask. `replay` re-does it if it can. */
  const decide = (e: Event, label: string, kind: string, source: Element, replay: () => boolean) => {
    const proceed = () => {
      if (previous) options.onProceed?.({ action: label, kind, state: previous, form: formTarget(source) });
    };
    let replayed = false;
    const replayOnce = (findings: readonly Finding[] | null) => {
      if (replayed) return;
      replayed = true;
      if (replay()) {
        proceed();
        return;
      }
      console.warn(`[guard] "${label}" is no longer on the page as it was; nothing replayed`);
      if (findings) acknowledged = { print: fingerprint(findings), at: Date.now(), repeat: label };
      options.askToRepeat?.(label);
    };
    const ask = (findings: Finding[]) => {
      options.onFindings?.({ findings, action: label, decision: 'shown' });
      const controller = new AbortController();
      asking = controller;
      void options
        .present(findings, controller.signal)
        .catch((err): Decision => {
          console.error('[guard] the warnings could not be shown', err);
          return 'back';
        })
        .then((decision) => {
          if (asking === controller) asking = null;
          if (controller.signal.aborted) return;
          options.onFindings?.({ findings, action: label, decision });
          if (decision === 'continue') {
            acknowledged = { print: fingerprint(findings), at: Date.now(), repeat: null };
            replayOnce(findings);
          }
          void refresh();
        });
    };
    const log = (findings: Finding[], isHeld: boolean) => {
      console.debug('[guard]', label, isHeld ? '(held)' : '', findings.map((f) => f.code).join(', ') || 'clean');
    };
    const acknowledgedAlready = (findings: Finding[]) => {
      const a = acknowledged;
      if (!a || a.print !== fingerprint(findings) || Date.now() - a.at > ACKNOWLEDGED_MS) return false;
      if (a.repeat === label) {
        acknowledged = { ...a, repeat: null }; // the press we asked for: once
        return true;
      }
      return kind === 'confirm';
    };
    if (context === null) {
      // no context yet: hold the action, check when it arrives
      stop(e);
      if (held) return; // a second press while the first waits: the first one counts
      held = true;
      void refresh().then(() => {
        held = false;
        if (!active()) {
          replayOnce(null); // the guard stood aside meanwhile: the user's press goes on unchecked
          return;
        }
        const findings = run();
        log(findings, true);
        if (findings.length === 0 || acknowledgedAlready(findings)) replayOnce(null);
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

  /** Runs `fn` with the one-shot pass for `target` set. */
  const withBypass = (target: Element, type: ReplayKind, fn: () => void) => {
    bypass = { target, type };
    try {
      fn();
    } finally {
      bypass = null;
    }
  };

  /** The same element the user pressed, if it is still there and shown; never a look-alike. */
  const replayClick = (action: Action, original: MouseEvent) => (): boolean => {
    const pressed = original.target instanceof Element ? original.target : null;
    if (!shown(action.el)) return false;
    const target = pressed && pressed.isConnected && action.el.contains(pressed) ? pressed : action.el;
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
    withBypass(action.el, 'click', () => target.dispatchEvent(new win.MouseEvent('click', init)));
    return true;
  };

  const onClick = (e: MouseEvent) => {
    if (!active()) return;
    const action = findAction(e.target);
    if (!action) return;
    if (bypass && bypass.type === 'click' && bypass.target === action.el) {
      bypass = null;
      allowFollowingSubmit(action.el);
      return;
    }
    if (asking) {
      stop(e); // the question is open: it is answered first
      return;
    }
    try {
      decide(e, action.text, action.kind, action.el, replayClick(action, e));
    } catch (err) {
      // a broken check must never trap the user: the action goes on
      console.error('[guard] check failed', err);
    }
  };

  const onSubmit = (e: SubmitEvent) => {
    if (!active()) return;
    const form = e.target;
    if (!(form instanceof win.HTMLFormElement)) return;
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
    if (asking) {
      stop(e);
      return;
    }
    decide(e, formAction.text, formAction.kind, form, () => {
      if (!form.isConnected) return false;
      const valid = submitter && (submitter as HTMLButtonElement).form === form && submitter.isConnected ? submitter : undefined;
      withBypass(form, 'submit', () => form.requestSubmit(valid as HTMLElement | undefined));
      return true;
    });
  };

  const NATIVE = 'button, a[href], input[type="submit"], input[type="button"]';
  const onKeyDown = (e: KeyboardEvent) => {
    if (!active()) return;
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const action = findAction(e.target);
    if (!action) return;
    void refresh();
    // native buttons and links turn Enter into a click, which is checked then
    if (action.el.matches(NATIVE)) return;
    if (bypass && bypass.type === 'keydown' && bypass.target === action.el) {
      bypass = null;
      return;
    }
    if (asking) {
      stop(e);
      return;
    }
    decide(e, action.text, action.kind, action.el, () => {
      if (!shown(action.el)) return false;
      const init = { key: e.key, code: e.code, keyCode: e.keyCode, bubbles: true, cancelable: true, composed: true };
      withBypass(action.el, 'keydown', () => action.el.dispatchEvent(new win.KeyboardEvent('keydown', init)));
      return true;
    });
  };

  const onPointerDown = (e: Event) => {
    if (active() && findAction(e.target)) void refresh();
  };

  win.addEventListener('click', onClick, true);
  win.addEventListener('submit', onSubmit as EventListener, true);
  win.addEventListener('keydown', onKeyDown, true);
  win.addEventListener('pointerdown', onPointerDown, true);
  win.addEventListener('mousedown', onPointerDown, true);
  doc.documentElement.setAttribute('data-zwdt-guard-installed', '');

  return {
    dispose() {
      win.removeEventListener('click', onClick, true);
      win.removeEventListener('submit', onSubmit as EventListener, true);
      win.removeEventListener('keydown', onKeyDown, true);
      win.removeEventListener('pointerdown', onPointerDown, true);
      win.removeEventListener('mousedown', onPointerDown, true);
      asking?.abort();
      asking = null;
      doc.documentElement.removeAttribute('data-zwdt-guard-installed');
    },
  };
}
