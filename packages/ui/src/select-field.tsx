import { type ReactNode, type SelectHTMLAttributes, useId } from 'react';
import { FieldMessages, fieldClasses, fieldIds } from './field-parts.tsx';

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
  const fallbackId = useId();
  const selectId = id ?? (name || fallbackId);
  const { hintId, errorId, describedBy } = fieldIds(selectId, hint, error);
  const classes = fieldClasses('lj-field', error, className);
  return (
    <div className={classes}>
      <label className="lj-field__label" htmlFor={selectId}>
        {label}
      </label>
      <FieldMessages label={label} hint={hint} hintId={hintId} error={error} errorId={errorId} />
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
