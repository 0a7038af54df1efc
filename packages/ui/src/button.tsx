import type { ButtonHTMLAttributes } from 'react';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** `primary` for the one main action of a form, `secondary` for others, `quiet` on the coloured header. */
  variant?: 'primary' | 'secondary' | 'quiet';
}

/**
 * A native button. `type` defaults to `button` so that a button added to a form never submits it by
 * accident; submit buttons say `type="submit"`.
 */
export function Button({ variant = 'primary', type = 'button', className, ...rest }: ButtonProps) {
  const classes = ['lj-button', `lj-button--${variant}`, className].filter(Boolean).join(' ');
  return <button type={type} className={classes} {...rest} />;
}
