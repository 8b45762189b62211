/**
 * A labelled form field with its message right next to it (announced to screen readers through
 * `aria-describedby`; errors also set `aria-invalid`).
 */
import type { ComponentChildren } from 'preact';

export type MessageLevel = 'error' | 'warning' | 'info';

export interface FieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  required?: boolean;
  hint?: string;
  level?: MessageLevel | null;
  messages?: string[];
  type?: 'text' | 'tel' | 'password';
  inputMode?: 'text' | 'numeric' | 'tel';
  autoComplete?: string;
  multiline?: boolean;
  placeholder?: string;
  maxLength?: number;
  testId?: string;
}

const ICON: Record<MessageLevel, string> = { error: '✖', warning: '⚠', info: '✔' };

export function Field(p: FieldProps) {
  const msgId = `${p.id}-msg`;
  const hintId = `${p.id}-hint`;
  const describedBy = [p.hint ? hintId : '', p.messages?.length ? msgId : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id: p.id,
    name: p.id,
    value: p.value,
    'aria-describedby': describedBy,
    'aria-invalid': p.level === 'error' ? ('true' as const) : undefined,
    'aria-required': p.required ? ('true' as const) : undefined,
    placeholder: p.placeholder,
    maxLength: p.maxLength,
    'data-testid': p.testId,
    onInput: (e: Event) => p.onInput((e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
  };
  return (
    <div class={`zh-field${p.level ? ` zh-field--${p.level}` : ''}`}>
      <label for={p.id} class="zh-field__label">
        {p.label}
        {p.required ? <span class="zh-field__star" aria-hidden="true"> *</span> : null}
      </label>
      {p.multiline ? (
        <textarea {...common} rows={2} />
      ) : (
        <input {...common} type={p.type ?? 'text'} inputMode={p.inputMode} autoComplete={p.autoComplete ?? 'off'} spellcheck={false} />
      )}
      {p.hint ? (
        <div id={hintId} class="zh-field__hint">
          {p.hint}
        </div>
      ) : null}
      {p.messages?.length ? (
        <div id={msgId} class={`zh-field__msg zh-field__msg--${p.level ?? 'info'}`} aria-live="polite" data-level={p.level ?? 'info'}>
          {p.messages.map((m) => (
            <div key={m}>
              <span aria-hidden="true">{ICON[p.level ?? 'info']} </span>
              {m}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}

export function FieldGroup({ legend, children }: { legend: string; children: ComponentChildren }) {
  return (
    <fieldset class="zh-fieldset">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}
