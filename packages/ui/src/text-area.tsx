import { type TextareaHTMLAttributes, useId } from 'react';
import { FieldMessages, fieldClasses, fieldIds } from './field-parts.tsx';

export interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name'> {
  /** The visible label; every field has one. */
  label: string;
  /** The form field name; also the element id unless `id` is given. */
  name: string;
  hint?: string | undefined;
  /** The error to show, already translated; marks the field invalid. */
  error?: string | undefined;
}

/** A labelled multi-line text field, laid out like `TextField` (label, hint, error, control). */
export function TextArea({ label, name, id, hint, error, className, rows = 4, ...rest }: TextAreaProps) {
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
      <textarea
        className="lj-field__input lj-field__textarea"
        id={inputId}
        name={name}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...rest}
      />
    </div>
  );
}
