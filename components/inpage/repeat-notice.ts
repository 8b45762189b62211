/**
 * "Please press 提交 again": shown when the user chose 仍然继续 but the button they had pressed is no
 * longer on the page as it was (re-rendered, hidden) — the helper never presses a look-alike for them.
 * A status line at the bottom of the window (clicks pass through it), in a closed shadow root; it goes
 * away at the user's next press anywhere, or when replaced by the next one.
 * Test hook (stable): host [data-zwdt-guard="repeat-notice"], inside [data-testid="guard-repeat-notice"].
 */
import { t } from '@/utils/i18n';
import { GUARD_HOST_ATTR, markGuardNode } from '@/utils/guard/dom';

const CSS = `
:host { all: initial; }
.notice { position: fixed; left: 50%; bottom: 24px; transform: translateX(-50%); z-index: 2147483646;
  max-width: min(720px, calc(100vw - 32px)); box-sizing: border-box; padding: 14px 22px; border-radius: 10px;
  background: #1f5fbf; color: #fff; box-shadow: 0 6px 24px rgba(0,0,0,.3);
  font: bold 22px/1.5 "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
  pointer-events: none; /* it only says something: the button under it stays pressable */ }
`;

export interface RepeatNotice {
  show(action: string): void;
  dispose(): void;
}

export function repeatNotice(doc: Document): RepeatNotice {
  let host: HTMLElement | null = null;
  const view = doc.defaultView;
  const hide = () => {
    host?.remove();
    host = null;
    view?.removeEventListener('pointerdown', onPress, true);
    view?.removeEventListener('keydown', onPress, true);
  };
  const onPress = (e: Event) => {
    if (e.isTrusted) hide();
  };
  return {
    show(action) {
      hide();
      host = doc.createElement('div');
      host.setAttribute(GUARD_HOST_ATTR, 'repeat-notice');
      markGuardNode(host);
      const root = host.attachShadow({ mode: 'closed' });
      const style = doc.createElement('style');
      style.textContent = CSS;
      const box = doc.createElement('div');
      box.className = 'notice';
      box.setAttribute('role', 'alert');
      box.dataset.testid = 'guard-repeat-notice';
      box.textContent = t('guardRepeatAction', action);
      root.append(style, box);
      doc.documentElement.append(host);
      view?.addEventListener('pointerdown', onPress, true);
      view?.addEventListener('keydown', onPress, true);
    },
    dispose: hide,
  };
}
