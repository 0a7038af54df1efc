import { isMessageKey, type MessageKey } from '@linju/i18n';
import { data } from 'react-router';
import { isTrpcError } from './api-errors.ts';

/** The body of an error response thrown from a loader: the API's message key, when it gave one. */
export interface RouteErrorData {
  message?: MessageKey;
}

const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

/**
 * An API error thrown in a loader as a route error response (status and message key), so the
 * page's error boundary says what went wrong in the person's language, the same on the server and
 * after hydration (React Router hides the details of thrown `Error`s from the browser). Server
 * faults and anything else are returned unchanged, to be rethrown as a 500.
 */
export function routeErrorFor(error: unknown): unknown {
  if (!isTrpcError(error)) return error;
  const status = STATUS_BY_CODE[error.code];
  if (status === undefined) return error;
  const body: RouteErrorData = isMessageKey(error.message) ? { message: error.message } : {};
  return data(body, { status });
}

/** Awaits an API call of a loader, turning the API's expected errors into route error responses. */
export async function load<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw routeErrorFor(error);
  }
}

/** Whether `error` is the API refusing for lack of a permission (the caller may show less instead). */
export function isForbidden(error: unknown): boolean {
  return isTrpcError(error) && error.code === 'FORBIDDEN';
}

/** An id from the URL, or the page's 404: a malformed id never reaches the API. */
export function idParam(value: string): string {
  if (!/^[0-9a-f-]{36}$/i.test(value)) throw new Response(null, { status: 404 });
  return value;
}
