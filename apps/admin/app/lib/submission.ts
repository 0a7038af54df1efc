import { failureOf, type IntentFailure } from '@linju/ui';
import { data } from 'react-router';
import {
  type FailedSubmission,
  type FormErrors,
  type ToFailedSubmissionOptions,
  toFailedSubmission,
} from './api-errors.ts';

/** What a route's component receives as `actionData` after a failed submission. */
export interface SubmissionResult<Values> {
  errors: FormErrors;
  /** What the person typed (never passwords or codes), to fill the form again. */
  values: Values;
}

/** The action's answer to a failed submission: the errors as data, with a 4xx status. */
export function rejectSubmission<Values>(failure: FailedSubmission, values: Values) {
  return data<SubmissionResult<Values>>({ errors: failure.errors, values }, { status: failure.status });
}

/**
 * The action's answer to an error from the API: a 4xx with the errors for an expected problem,
 * otherwise the error is rethrown for the error boundary (a 500 is for faults, not for bad input).
 */
export function rejectApiError<Values>(error: unknown, options: ToFailedSubmissionOptions, values: Values) {
  const failure = toFailedSubmission(error, options);
  if (!failure) throw error;
  return rejectSubmission(failure, values);
}

/** Typed values of a failed form, to fill it again (never passwords or codes). */
export type FormValues = Record<string, string>;

export { failureOf, type IntentFailure };

export function rejectIntent(intent: string, failure: FailedSubmission, values: FormValues = {}) {
  return data<IntentFailure>({ intent, errors: failure.errors, values }, { status: failure.status });
}

/** As `rejectApiError`, for one of a page's forms. */
export function rejectIntentApiError(
  intent: string,
  error: unknown,
  options: ToFailedSubmissionOptions,
  values: FormValues = {},
) {
  const failure = toFailedSubmission(error, options);
  if (!failure) throw error;
  return rejectIntent(intent, failure, values);
}

/** A form posted with an intent the page does not have (a stale or hand-made request). */
export const rejectUnknownIntent = (intent: string) =>
  rejectIntent(intent, { status: 400, errors: { form: ['validation.failed'], fields: {} } });
