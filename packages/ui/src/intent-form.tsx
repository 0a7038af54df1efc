import { createContext, type ReactNode, useContext } from 'react';
import { Form, useActionData, useFormAction, useLocation } from 'react-router';
import { CsrfField } from './csrf.tsx';
import { type FormErrors, FormProblems } from './form-errors.tsx';
import { useTranslate } from './locale-context.tsx';
import { SubmitButton } from './submit-button.tsx';

/**
 * What an action answers when one of a page's several forms failed: the form's `intent`, so only
 * that form shows the errors, and what was typed (never passwords or codes), to fill it again.
 */
export interface IntentFailure {
  intent: string;
  errors: FormErrors;
  values: Record<string, string>;
}

/** The errors and typed values of `intent`'s form, if it was the one that failed. */
export function failureOf(actionData: unknown, intent: string): IntentFailure | undefined {
  if (typeof actionData !== 'object' || actionData === null) return undefined;
  const candidate = actionData as Partial<IntentFailure>;
  return candidate.intent === intent && candidate.errors ? (candidate as IntentFailure) : undefined;
}

/**
 * The id of the element a page's forms land on after posting. A page whose answers show away from
 * its top (the case page: beside the matter, below it on a phone) sets it, so what a post answered
 * (a refusal, a one-time code) is on screen, with or without JavaScript.
 */
export const FormLanding = createContext<string | undefined>(undefined);

/** The address a form of this route posts to, ending in the page's landing (`FormLanding`), if any. */
export function useLandingFormAction(): string | undefined {
  const landing = useContext(FormLanding);
  // The route's own action address (an index route's `?index` included), then the landing.
  const here = useFormAction();
  return landing ? `${here}#${landing}` : undefined;
}

/**
 * What `IntentForm` hands its fields: the name, a page-unique id, the translated error and, after a
 * refusal, what was typed (so every field spread with it is filled again).
 */
export type IntentField = (name: string) => {
  name: string;
  id: string;
  error: string | undefined;
  defaultValue?: string;
};

export interface IntentFormProps {
  intent: string;
  title: string;
  submit: string;
  /** The page's failed submission; by default the route's action data. */
  failure?: IntentFailure | undefined;
  hidden?: Record<string, string>;
  /** For a form that sends files. */
  multipart?: boolean;
  children: (field: IntentField) => ReactNode;
}

/**
 * One of a page's several forms, folded in a disclosure: it posts its `intent` (with the CSRF
 * token), opens again with its own errors when it failed, and closes once it succeeded (keyed by
 * navigation). The action side is the admin's `intentAction`.
 */
export function IntentForm({
  intent,
  title,
  submit,
  failure,
  hidden = {},
  multipart = false,
  children,
}: IntentFormProps) {
  const t = useTranslate();
  const { key } = useLocation();
  const actionData = useActionData();
  const action = useLandingFormAction();
  const mine = failureOf(failure ?? actionData, intent);
  const field: IntentField = (name) => {
    const message = mine?.errors.fields[name];
    const typed = mine?.values[name];
    return {
      name,
      id: `${intent}-${name}`,
      error: message ? t(message, mine?.errors.params) : undefined,
      // Only what was typed: a field's own default (today, the resident's preference) stays otherwise.
      ...(typed ? { defaultValue: typed } : {}),
    };
  };
  return (
    <details key={key} className="admin-disclosure" open={Boolean(mine)}>
      <summary>{title}</summary>
      <Form
        method="post"
        action={action}
        className="lj-form"
        noValidate
        encType={multipart ? 'multipart/form-data' : undefined}
      >
        <CsrfField />
        <input type="hidden" name="intent" value={intent} />
        {Object.entries(hidden).map(([name, v]) => (
          <input key={name} type="hidden" name={name} value={v} />
        ))}
        <FormProblems errors={mine?.errors} />
        {children(field)}
        <SubmitButton>{submit}</SubmitButton>
      </Form>
    </details>
  );
}
