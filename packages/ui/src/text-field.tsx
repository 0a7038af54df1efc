import { type InputHTMLAttributes, useId } from 'react';
import { FieldMessages, fieldClasses, fieldIds } from './field-parts.tsx';

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
  const fallbackId = useId();
  const inputId = id ?? (name || fallbackId);
  const { hintId, errorId, describedBy } = fieldIds(inputId, hint, error);
  const classes = fieldClasses('lj-field', error, className);
  return (
    <div className={classes}>
      <label className="lj-field__label" htmlFor={inputId}>
        {label}
      </label>
      <FieldMessages label={label} hint={hint} hintId={hintId} error={error} errorId={errorId} />
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
