/**
 * A modal confirmation: focus moves into it (to the safe choice), Escape cancels, Tab stays inside.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

export interface DialogProps {
  title: string;
  children: ComponentChildren;
  onCancel: () => void;
  /** Buttons; the first element with `data-autofocus` gets the focus. */
  actions: ComponentChildren;
  testId?: string;
}

export function Dialog({ title, children, onCancel, actions, testId }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  // Layout effect, not effect: the focus must be inside the moment the dialog is in the page. An effect
  // runs after paint, so a quick Escape (or a check) could reach the page behind before the dialog had it.
  useLayoutEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const el = ref.current;
    (el?.querySelector<HTMLElement>('[data-autofocus]') ?? el?.querySelector<HTMLElement>('button'))?.focus();
    return () => previous?.focus?.();
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    } else if (e.key === 'Tab' && ref.current) {
      const items = [...ref.current.querySelectorAll<HTMLElement>('button, input, select, textarea, [tabindex]:not([tabindex="-1"])')].filter((x) => !x.hasAttribute('disabled'));
      if (!items.length) return;
      const first = items[0]!;
      const last = items[items.length - 1]!;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  };
  return (
    <div class="zh-dialog-backdrop">
      <div ref={ref} class="zh-dialog" role="alertdialog" aria-modal="true" aria-labelledby="zh-dialog-title" onKeyDown={onKeyDown} data-testid={testId}>
        <h2 id="zh-dialog-title">{title}</h2>
        <div class="zh-dialog__body">{children}</div>
        <div class="zh-dialog__actions">{actions}</div>
      </div>
    </div>
  );
}
