import type { ButtonHTMLAttributes } from 'react';

export type ButtonVariant = 'default' | 'primary' | 'danger' | 'ok' | 'ghost' | 'selected' | 'live';

export function Button(
  props: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: 'md' | 'lg'; hotkey?: string },
) {
  const { variant = 'default', size = 'md', hotkey, className, children, ...rest } = props;
  const cls = ['btn', variant !== 'default' ? `btn-${variant}` : '', size === 'lg' ? 'btn-lg' : '', className ?? ''].join(' ');
  return (
    <button type="button" className={cls} {...rest}>
      {children}
      {hotkey ? <span className="kbd" aria-hidden>{hotkey}</span> : null}
    </button>
  );
}
