import { Button, useTranslate } from '@linju/ui';
import type { ReactNode } from 'react';
import { Form, useLocation } from 'react-router';
import type { failureOf } from '../lib/submission.ts';
import { CsrfField } from './csrf-field.tsx';
import { FormProblems } from './form-errors.tsx';

export type IntentFailure = ReturnType<typeof failureOf>;

/**
 * One of a page's several forms, folded in a disclosure: it posts its `intent`, opens again with
 * its own errors when it failed, and closes once it succeeded (keyed by navigation).
 */
export function IntentForm({
  intent,
  title,
  failure,
  submit,
  hidden = {},
  children,
}: {
  intent: string;
  title: string;
  failure: IntentFailure;
  submit: string;
  hidden?: Record<string, string>;
  children: (field: (name: string) => { name: string; id: string; error: string | undefined }) => ReactNode;
}) {
  const t = useTranslate();
  const { key } = useLocation();
  const mine = failure?.intent === intent ? failure : undefined;
  const field = (name: string) => {
    const message = mine?.errors.fields[name];
    return { name, id: `${intent}-${name}`, error: message ? t(message, mine?.errors.params) : undefined };
  };
  return (
    <details key={key} className="admin-disclosure" open={Boolean(mine)}>
      <summary>{title}</summary>
      <Form method="post" className="lj-form" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value={intent} />
        {Object.entries(hidden).map(([name, v]) => (
          <input key={name} type="hidden" name={name} value={v} />
        ))}
        <FormProblems errors={mine?.errors} />
        {children(field)}
        <Button type="submit">{submit}</Button>
      </Form>
    </details>
  );
}
