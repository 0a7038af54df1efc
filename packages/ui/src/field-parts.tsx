import { type ReactNode, useId } from 'react';
import { useTranslate } from './locale-context.tsx';

/** The ids a field's hint and error get, and what its control is described by. */
export function fieldIds(controlId: string | undefined, hint: string | undefined, error: string | undefined) {
  const hintId = hint && controlId ? `${controlId}-hint` : undefined;
  const errorId = error && controlId ? `${controlId}-error` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

export const fieldClasses = (base: string, error: string | undefined, className: string | undefined) =>
  [base, error ? 'lj-field--error' : undefined, className].filter(Boolean).join(' ');

/**
 * A field's hint and error, between its label and its control (the GOV.UK pattern): the error
 * starts with a visually hidden "Error:" so a screen reader announces it with the control, and
 * names its field ("金额：…"), so it reads right wherever it is quoted or seen alone.
 */
export function FieldMessages(props: {
  label: string;
  hint?: string | undefined;
  hintId?: string | undefined;
  error?: string | undefined;
  errorId?: string | undefined;
}) {
  const t = useTranslate();
  return (
    <>
      {props.hint ? (
        <p className="lj-field__hint" id={props.hintId}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p className="lj-field__error" id={props.errorId}>
          <span className="lj-visually-hidden">{t('ui.error_prefix')} </span>
          {t('ui.field_error', { label: props.label, message: props.error })}
        </p>
      ) : null}
    </>
  );
}

/** What a field's one control carries: its id and how it is described and marked invalid. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * The frame of a field with one control (an input, a text area, a select): the label, then the
 * hint and error, then the control, whose id is `id`, else the field's name.
 */
export function LabelledControl({
  label,
  name,
  id,
  hint,
  error,
  className,
  children,
}: {
  label: string;
  name: string;
  id?: string | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  className?: string | undefined;
  children: (control: ControlProps) => ReactNode;
}) {
  const fallbackId = useId();
  const controlId = id ?? (name || fallbackId);
  const { hintId, errorId, describedBy } = fieldIds(controlId, hint, error);
  return (
    <div className={fieldClasses('lj-field', error, className)}>
      <label className="lj-field__label" htmlFor={controlId}>
        {label}
      </label>
      <FieldMessages label={label} hint={hint} hintId={hintId} error={error} errorId={errorId} />
      {children({ id: controlId, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
    </div>
  );
}
