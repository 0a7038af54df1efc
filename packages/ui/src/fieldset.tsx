import type { ReactNode } from 'react';
import { useTranslate } from './locale-context.tsx';

export interface FieldsetProps {
  /** The group's question or title, read before each control in it. */
  legend: string;
  /** The id the error summary links to; also prefixes the hint and error ids. */
  id?: string | undefined;
  hint?: string | undefined;
  /** The group's error, already translated. */
  error?: string | undefined;
  className?: string | undefined;
  children: ReactNode;
}

/** Groups related controls (checkboxes, a row of fields) under one legend, with one hint and error. */
export function Fieldset({ legend, id, hint, error, className, children }: FieldsetProps) {
  const t = useTranslate();
  const hintId = hint && id ? `${id}-hint` : undefined;
  const errorId = error && id ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const classes = ['lj-fieldset', error ? 'lj-field--error' : undefined, className].filter(Boolean).join(' ');
  return (
    <fieldset className={classes} id={id} aria-describedby={describedBy} tabIndex={id ? -1 : undefined}>
      <legend className="lj-fieldset__legend">{legend}</legend>
      {hint ? (
        <p className="lj-field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="lj-field__error" id={errorId}>
          <span className="lj-visually-hidden">{t('ui.error_prefix')} </span>
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}
