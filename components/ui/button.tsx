// Buttons: one set of variants and sizes for every page; `buttonClass` styles a Link the same way.
import type { ButtonHTMLAttributes } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';
export type ButtonSize = 'sm' | 'md';

const VARIANTS: Record<ButtonVariant, string> = {
  primary: 'bg-brand-gradient font-semibold text-slate-950 hover:brightness-110',
  secondary: 'border border-border-strong text-fg hover:bg-surface-raised',
  danger: 'bg-rose-600 font-semibold text-white hover:bg-rose-700',
  ghost: 'text-fg-muted hover:bg-surface-raised hover:text-fg',
};
const SIZES: Record<ButtonSize, string> = { sm: 'px-3 py-1.5 text-sm', md: 'px-4 py-2 text-sm' };

export function buttonClass({
  variant = 'secondary',
  size = 'md',
  className = '',
}: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}) {
  return `inline-flex items-center justify-center gap-2 rounded-lg ${SIZES[size]} ${VARIANTS[variant]} disabled:cursor-not-allowed disabled:opacity-60 ${className}`.trim();
}

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  pending?: boolean;
  pendingText?: string;
};

export function Button({
  variant,
  size,
  pending = false,
  pendingText,
  className,
  type = 'button',
  disabled,
  children,
  ...rest
}: Props) {
  return (
    <button
      type={type}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      className={buttonClass({ variant, size, className })}
      {...rest}
    >
      {pending && pendingText ? pendingText : children}
    </button>
  );
}
