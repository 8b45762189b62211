import type { ComponentChildren, JSX } from 'preact';

export type ButtonProps = Omit<JSX.ButtonHTMLAttributes<HTMLButtonElement>, 'class'> & {
  variant?: 'primary' | 'danger' | 'plain';
  testId?: string;
  children: ComponentChildren;
};

/** A large button (min 2.4rem high, visible focus ring from the theme). */
export function Button({ variant = 'plain', testId, children, type, ...rest }: ButtonProps) {
  return (
    <button {...rest} type={type ?? 'button'} class={variant === 'plain' ? '' : `zh-${variant}`} data-testid={testId}>
      {children}
    </button>
  );
}
