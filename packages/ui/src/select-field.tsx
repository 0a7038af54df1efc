import type { ReactNode, SelectHTMLAttributes } from 'react';
import { LabelledControl } from './field-parts.tsx';

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
  return (
    <LabelledControl label={label} name={name} id={id} hint={hint} error={error} className={className}>
      {(control) => (
        <select className="lj-field__input lj-field__select" name={name} {...control} {...rest}>
          {children}
        </select>
      )}
    </LabelledControl>
  );
}
