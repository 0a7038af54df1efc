import type { InputHTMLAttributes } from 'react';
import { LabelledControl } from './field-parts.tsx';

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
  return (
    <LabelledControl label={label} name={name} id={id} hint={hint} error={error} className={className}>
      {(control) => <input className="lj-field__input" name={name} type={type} {...control} {...rest} />}
    </LabelledControl>
  );
}
