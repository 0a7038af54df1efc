import type { ReactNode } from 'react';
import { FieldMessages, fieldClasses, fieldIds } from './field-parts.tsx';

export interface FieldsetProps {
  /** The group's question or title, read before each control in it. */
  legend: string;
  /** The id the error summary links to; also prefixes the hint and error ids. */
  id?: string | undefined;
  hint?: string | undefined;
  /** The group's error, already translated. */
  error?: string | undefined;
  className?: string | undefined;
  children: ReactNode;
}

/** Groups related controls (checkboxes, a row of fields) under one legend, with one hint and error. */
export function Fieldset({ legend, id, hint, error, className, children }: FieldsetProps) {
  const { hintId, errorId, describedBy } = fieldIds(id, hint, error);
  const classes = fieldClasses('lj-fieldset', error, className);
  return (
    <fieldset className={classes} id={id} aria-describedby={describedBy} tabIndex={id ? -1 : undefined}>
      <legend className="lj-fieldset__legend">{legend}</legend>
      <FieldMessages label={legend} hint={hint} hintId={hintId} error={error} errorId={errorId} />
      {children}
    </fieldset>
  );
}
