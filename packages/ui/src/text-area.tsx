import type { TextareaHTMLAttributes } from 'react';
import { LabelledControl } from './field-parts.tsx';

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
  return (
    <LabelledControl label={label} name={name} id={id} hint={hint} error={error} className={className}>
      {(control) => (
        <textarea
          className="lj-field__input lj-field__textarea"
          name={name}
          rows={rows}
          {...control}
          {...rest}
        />
      )}
    </LabelledControl>
  );
}
