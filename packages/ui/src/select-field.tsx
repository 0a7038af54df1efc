import { type ReactNode, type SelectHTMLAttributes, useId } from 'react';
import { useTranslate } from './locale-context.tsx';

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name'> {
  /** The visible label; every field has one. */
  label: string;
  /** The form field name; also the element id unless `id` is given. */
  name: string;
  hint?: string | undefined;
  /** The error to show, already translated; marks the select invalid. */
  error?: string | undefined;
  /** `<option>` and `<optgroup>` elements. */
  children: ReactNode;
}

/** A labelled native `<select>` with optional hint and error, laid out like `TextField`. */
export function SelectField({
  label,
  name,
  id,
  hint,
  error,
  className,
  children,
  ...rest
}: SelectFieldProps) {
  const t = useTranslate();
  const fallbackId = useId();
  const selectId = id ?? (name || fallbackId);
  const hintId = hint ? `${selectId}-hint` : undefined;
  const errorId = error ? `${selectId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const classes = ['lj-field', error ? 'lj-field--error' : undefined, className].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <label className="lj-field__label" htmlFor={selectId}>
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
      <select
        className="lj-field__input lj-field__select"
        id={selectId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...rest}
      >
        {children}
      </select>
    </div>
  );
}
