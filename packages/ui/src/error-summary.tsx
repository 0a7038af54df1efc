import { useEffect, useId, useRef } from 'react';
import { useTranslate } from './locale-context.tsx';

export interface ErrorSummaryItem {
  /** The message, already translated. */
  message: string;
  /** The id of the field it concerns; the message then links there. */
  fieldId?: string | undefined;
}

export interface ErrorSummaryProps {
  errors: readonly ErrorSummaryItem[];
  title?: string | undefined;
}

/**
 * The list of a form's problems at the top of the page, each linking to its field. It takes focus
 * when it appears (with JavaScript), so keyboard and screen-reader users land on it after a submit;
 * without JavaScript the server-rendered page shows it first anyway.
 */
export function ErrorSummary({ errors, title }: ErrorSummaryProps) {
  const t = useTranslate();
  const headingId = useId();
  const ref = useRef<HTMLDivElement>(null);
  // Focus again whenever a new set of errors arrives, not on every render.
  const signature = errors.map((error) => `${error.fieldId ?? ''}:${error.message}`).join('|');
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (errors.length === 0) return null;
  return (
    <div className="lj-error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={headingId}>
      <h2 className="lj-error-summary__title" id={headingId}>
        {title ?? t('ui.error_summary_title')}
      </h2>
      <ul className="lj-error-summary__list">
        {errors.map((error) => (
          <li key={`${error.fieldId ?? ''}:${error.message}`}>
            {error.fieldId ? <a href={`#${error.fieldId}`}>{error.message}</a> : error.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
