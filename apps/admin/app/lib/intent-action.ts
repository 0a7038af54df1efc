import type { MessageKey, MessageParams } from '@linju/i18n';
import type { IntentConfirmation } from '@linju/ui';
import { data as answer, redirect } from 'react-router';
import { localFailure, type ToFailedSubmissionOptions } from './api-errors.ts';
import { formText } from './form-data.ts';
import { rejectIntent, rejectIntentApiError, rejectUnknownIntent } from './submission.ts';

/** The trimmed text of each field an intent reads, by name. */
export type IntentValues<Field extends string> = Record<Field, string>;

/** What a handler gets besides its values: the whole form (lists, files) and a local refusal. */
export interface IntentContext<Field extends string> {
  intent: string;
  form: FormData;
  /** Refuses with these field errors, the typed values kept (checks that need a parsed value). */
  refuse: (
    fields: Partial<Record<Field | 'file', MessageKey | undefined>>,
  ) => ReturnType<typeof rejectIntent>;
}

/** One form of a page: what it reads, what it checks before calling the API, and the call. */
export interface IntentHandler<Field extends string, Result> {
  /** The form's fields, read trimmed; also where the API's errors show. */
  fields?: readonly Field[];
  /** Hidden values naming what the form acts on (a referral, a document): read and kept, no field of their own. */
  keep?: readonly Field[];
  /** Which of the page's forms of this intent failed, when there is one per row (`remove:2026-10-01`). */
  failureKey?: (values: IntentValues<Field>) => string;
  /** Fields that must not be empty (`validation.required`), checked before the call. */
  required?: readonly Field[];
  /** Other checks before the call: a message key for each field that is wrong. */
  check?: (values: IntentValues<Field>) => Partial<Record<Field, MessageKey | undefined>>;
  /** How the API's errors map to the form beyond `fields` (`pathPrefix`, renamed paths, messages). */
  errors?: Partial<ToFailedSubmissionOptions>;
  /**
   * A destructive intent asks first: without `confirmed=yes` the action answers this question
   * (with what was posted), which `ConfirmStep` shows as a second form; only that post runs it.
   * No question (`undefined`): nothing to confirm for these values.
   */
  confirm?: (values: IntentValues<Field>) => { question: MessageKey; params?: MessageParams } | undefined;
  /** The call. Nothing returned: redirect to the page's `done`; otherwise its answer as is. */
  run: (values: IntentValues<Field>, context: IntentContext<Field>) => Promise<Result> | Result;
}

// biome-ignore lint/suspicious/noExplicitAny: each handler has its own fields and result.
type AnyHandler = IntentHandler<any, any>;

/** One intent's handler, typed by its fields (an object literal of handlers cannot infer each one's). */
export const intent = <const Field extends string, Result>(handler: IntentHandler<Field, Result>) => handler;

type HandlerResult<H> =
  H extends IntentHandler<string, infer Result> ? Exclude<Awaited<Result>, void> : never;

/**
 * The action of a page with several forms (`IntentForm`): reads the posted `intent`, refuses one
 * the page does not have, checks the form's fields, runs the handler in the user's language —
 * the API's expected refusals come back on the named fields with the typed values kept, anything
 * else is thrown for the error boundary — and redirects to `done(intent)` when the handler returns
 * nothing. `form`: the request's form data, read once (or already read, e.g. streamed with files).
 */
export async function intentAction<Handlers extends Record<string, AnyHandler>>(
  form: FormData | Request,
  handlers: Handlers,
  {
    done,
    redirectFor,
  }: {
    done: (intent: string) => string;
    /** Where an error sends the person instead of the form (the console's sign-in, when its session ended). */
    redirectFor?: (error: unknown) => Response | undefined;
  },
) {
  const data = form instanceof Request ? await form.formData() : form;
  const name = formText(data, 'intent');
  const handler = Object.hasOwn(handlers, name) ? handlers[name] : undefined;
  if (!handler) return rejectUnknownIntent(name);
  const fields: readonly string[] = handler.fields ?? [];
  const values: Record<string, string> = Object.fromEntries(
    [...fields, ...(handler.keep ?? [])].map((field) => [field, formText(data, field).trim()]),
  );
  const failed = handler.failureKey?.(values) ?? name;
  const refuse = (problems: Record<string, MessageKey | undefined>) =>
    rejectIntent(failed, localFailure(problems) ?? { status: 400, errors: { form: [], fields: {} } }, values);
  const problems: Record<string, MessageKey | undefined> = {
    ...Object.fromEntries(
      (handler.required ?? []).map((f) => [f, values[f] ? undefined : 'validation.required']),
    ),
    ...handler.check?.(values),
  };
  if (localFailure(problems)) return refuse(problems);
  const question = handler.confirm?.(values);
  if (question && formText(data, 'confirmed') !== 'yes') {
    return answer<IntentConfirmation>({ intent: name, confirm: question, values }, { status: 200 });
  }
  try {
    const result = await handler.run(values, { intent: name, form: data, refuse });
    return (result ?? redirect(done(name))) as HandlerResult<Handlers[keyof Handlers]> | Response;
  } catch (error) {
    const away = redirectFor?.(error);
    if (away) return away;
    const mapping = handler.errors ?? {};
    return rejectIntentApiError(
      failed,
      error,
      { ...mapping, fields: [...fields, ...(mapping.fields ?? [])] },
      values,
    );
  }
}
