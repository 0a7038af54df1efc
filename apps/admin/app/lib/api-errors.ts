import { isMessageKey, type MessageKey, type MessageParams } from '@linju/i18n';
import type { FormErrors } from '@linju/ui';

export type { FormErrors };

/** What an action returns with a failed submission. */
export interface FailedSubmission {
  status: 400 | 401 | 403 | 404 | 409 | 429;
  errors: FormErrors;
}

/**
 * The parts of a `TRPCError` we rely on. Matched by shape rather than `instanceof` so the admin
 * bundle does not import `@trpc/server`; a test checks the shape against the real class.
 */
interface TrpcErrorLike {
  name: 'TRPCError';
  code: string;
  message: string;
  cause?: unknown;
}

interface IssueLike {
  code?: unknown;
  message?: unknown;
  /** What a size issue measured (zod 4): `number`, `string`, `array`… */
  origin?: unknown;
  path: readonly PropertyKey[];
}

const STATUS_BY_CODE: Readonly<Record<string, FailedSubmission['status']>> = {
  BAD_REQUEST: 400,
  PARSE_ERROR: 400,
  UNPROCESSABLE_CONTENT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

export function isTrpcError(error: unknown): error is TrpcErrorLike {
  return (
    error instanceof Error &&
    error.name === 'TRPCError' &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

function issuesOf(cause: unknown): IssueLike[] | undefined {
  if (typeof cause !== 'object' || cause === null || !('issues' in cause)) return undefined;
  const { issues } = cause as { issues: unknown };
  if (!Array.isArray(issues)) return undefined;
  return issues.filter(
    (issue): issue is IssueLike => typeof issue === 'object' && issue !== null && Array.isArray(issue.path),
  );
}

function stringProperty(value: unknown, name: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const property = (value as Record<string, unknown>)[name];
  return typeof property === 'string' ? property : undefined;
}

function paramsOf(cause: unknown): MessageParams | undefined {
  if (typeof cause !== 'object' || cause === null) return undefined;
  const params = (cause as { params?: unknown }).params;
  if (typeof params !== 'object' || params === null) return undefined;
  const entries = Object.entries(params).filter(
    (entry): entry is [string, string | number] =>
      typeof entry[1] === 'string' || typeof entry[1] === 'number',
  );
  return Object.fromEntries(entries);
}

/**
 * The message key for one validation issue. The API writes keys into its schemas' messages
 * (`validation.required`); zod's own English messages are replaced by a key for the issue's kind.
 */
export function messageKeyForIssue(issue: {
  code?: unknown;
  message?: unknown;
  origin?: unknown;
}): MessageKey {
  if (isMessageKey(issue.message)) return issue.message;
  const numeric = issue.origin === 'number' || issue.origin === 'bigint' || issue.origin === 'date';
  switch (issue.code) {
    case 'too_small':
      if (numeric) return 'validation.out_of_range';
      return issue.origin === 'array' || issue.origin === 'set'
        ? 'validation.required'
        : 'validation.too_short';
    case 'too_big':
      return numeric ? 'validation.out_of_range' : 'validation.too_long';
    case 'invalid_format':
    case 'invalid_string':
      return 'validation.invalid_format';
    default:
      return 'validation.invalid';
  }
}

/** How the API's paths (`data.nameZh`, `roles.0.organisationId`) map to a form's fields. */
export interface FieldMapping {
  /** The form's field names; errors about other fields are shown at form level. */
  fields: readonly string[];
  /** A path prefix the form leaves out, e.g. `data` for `update({ id, data })`. */
  pathPrefix?: string | undefined;
  /** Explicit paths for fields named differently from the API (`branding.colour` → `colour`). */
  fieldForPath?: Readonly<Record<string, string>> | undefined;
}

/**
 * The form field an API path (dot-joined) concerns: an explicit mapping first, then the path
 * itself (forms may name fields `roles.0.role`), then, after dropping `pathPrefix`, the same again,
 * then the path's first segment (`roles.2.role` → a `roles` group). Undefined when none is a field.
 */
export function fieldForApiPath(path: string, mapping: FieldMapping): string | undefined {
  const { fields, pathPrefix, fieldForPath = {} } = mapping;
  const candidates = [path];
  if (pathPrefix && path.startsWith(`${pathPrefix}.`)) candidates.push(path.slice(pathPrefix.length + 1));
  for (const candidate of candidates) {
    const mapped = Object.hasOwn(fieldForPath, candidate) ? fieldForPath[candidate] : undefined;
    if (mapped && fields.includes(mapped)) return mapped;
    if (fields.includes(candidate)) return candidate;
  }
  for (const candidate of candidates) {
    const first = candidate.split('.')[0] ?? '';
    if (fields.includes(first)) return first;
  }
  return undefined;
}

/**
 * Maps a ZodError's issues to field errors by their path (see `fieldForApiPath`). Only the first
 * issue of a field is kept (one message per field reads best); issues about other paths become
 * form errors.
 */
export function fieldErrorsFromIssues(
  issues: readonly IssueLike[],
  mapping: FieldMapping | readonly string[],
): FormErrors {
  const resolved: FieldMapping = isFieldList(mapping) ? { fields: mapping } : mapping;
  const errors: FormErrors = { form: [], fields: {} };
  for (const issue of issues) {
    const field = fieldForApiPath(issue.path.map(String).join('.'), resolved);
    const key = messageKeyForIssue(issue);
    if (field) {
      errors.fields[field] ??= key;
    } else if (!errors.form.includes(key)) {
      errors.form.push(key);
    }
  }
  return errors;
}

function isFieldList(mapping: FieldMapping | readonly string[]): mapping is readonly string[] {
  return Array.isArray(mapping);
}

export interface ToFailedSubmissionOptions extends FieldMapping {
  /** Puts an error with this key next to a field even when the API did not name one. */
  fieldForMessage?: Partial<Record<MessageKey, string>>;
}

/**
 * Turns an error thrown by the API caller into a failed submission to return from an action, so
 * bad input, a wrong password or a throttled account renders the form again with the problem
 * instead of an error page. Anything else (a bug, the database gone) gives `undefined`: rethrow it.
 */
export function toFailedSubmission(
  error: unknown,
  options: ToFailedSubmissionOptions,
): FailedSubmission | undefined {
  const { fieldForMessage = {} } = options;
  if (!isTrpcError(error)) return undefined;
  const status = STATUS_BY_CODE[error.code];
  if (status === undefined) return undefined;
  const issues = issuesOf(error.cause);
  if (issues && issues.length > 0) {
    const errors = fieldErrorsFromIssues(issues, options);
    if (errors.form.length === 0 && Object.keys(errors.fields).length === 0)
      errors.form.push('validation.failed');
    return { status, errors };
  }
  const key: MessageKey = isMessageKey(error.message) ? error.message : 'error.unexpected';
  const params = paramsOf(error.cause);
  const namedField = stringProperty(error.cause, 'field');
  const field = (namedField && fieldForApiPath(namedField, options)) || fieldForMessage[key];
  const errors: FormErrors = field ? { form: [], fields: { [field]: key } } : { form: [key], fields: {} };
  if (params && Object.keys(params).length > 0) errors.params = params;
  return { status, errors };
}

/** A failed submission from checks made before calling the API (empty fields, mismatched repeats). */
export function localFailure(fields: Record<string, MessageKey | undefined>): FailedSubmission | undefined {
  const present = Object.entries(fields).filter(
    (entry): entry is [string, MessageKey] => entry[1] !== undefined,
  );
  if (present.length === 0) return undefined;
  return { status: 400, errors: { form: [], fields: Object.fromEntries(present) } };
}
