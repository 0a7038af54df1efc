import { type InputHTMLAttributes, useId } from 'react';
import { useTranslate } from './locale-context.tsx';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'name'> {
  /** The visible label; every field has one. */
  label: string;
  /** The form field name; also the element id unless `id` is given, so error summaries can link to it. */
  name: string;
  /** Help shown under the label, linked to the input with `aria-describedby`. */
  hint?: string | undefined;
  /** The error to show, already translated; marks the input invalid. */
  error?: string | undefined;
}

/**
 * A labelled input with optional hint and error, following the GOV.UK pattern: the error sits
 * between label and input, starts with a visually hidden "Error:" and is announced with the input.
 */
export function TextField({
  label,
  name,
  id,
  hint,
  error,
  className,
  type = 'text',
  ...rest
}: TextFieldProps) {
  const t = useTranslate();
  const fallbackId = useId();
  const inputId = id ?? (name || fallbackId);
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const classes = ['lj-field', error ? 'lj-field--error' : undefined, className].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <label className="lj-field__label" htmlFor={inputId}>
        {label}
      </label>
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
      <input
        className="lj-field__input"
        id={inputId}
        name={name}
        type={type}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...rest}
      />
    </div>
  );
}
