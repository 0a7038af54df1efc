import { type InputHTMLAttributes, useId } from 'react';

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'type'> {
  /** The visible label, clickable as part of the control. */
  label: string;
  name: string;
  hint?: string | undefined;
}

/**
 * A native checkbox with its label beside it and a large hit area. Errors belong to the group:
 * put checkboxes in a `Fieldset`, which shows the error once for all of them.
 */
export function Checkbox({ label, name, id, hint, className, ...rest }: CheckboxProps) {
  const fallbackId = useId();
  const inputId = id ?? fallbackId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  return (
    <div className={['lj-checkbox', className].filter(Boolean).join(' ')}>
      <input
        className="lj-checkbox__input"
        type="checkbox"
        id={inputId}
        name={name}
        aria-describedby={hintId}
        {...rest}
      />
      <label className="lj-checkbox__label" htmlFor={inputId}>
        {label}
      </label>
      {hint ? (
        <p className="lj-checkbox__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
