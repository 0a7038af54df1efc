import type { ReactNode } from 'react';

export interface AlertProps {
  tone?: 'error' | 'warning' | 'info' | 'success';
  title?: string | undefined;
  children?: ReactNode;
}

/**
 * A message box. Errors and warnings use `role="alert"` so they are announced when they appear;
 * information and success use the politer `role="status"`.
 */
export function Alert({ tone = 'info', title, children }: AlertProps) {
  const role = tone === 'error' || tone === 'warning' ? 'alert' : 'status';
  return (
    <div className={`lj-alert lj-alert--${tone}`} role={role}>
      {title ? <p className="lj-alert__title">{title}</p> : null}
      {children ? <div className="lj-alert__body">{children}</div> : null}
    </div>
  );
}
