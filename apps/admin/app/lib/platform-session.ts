import { redirect } from 'react-router';
import { isTrpcError } from './api-errors.ts';
import { routeErrorFor } from './route-errors.ts';
import { platformPaths } from './tenant-paths.ts';

/**
 * Where an operator must go when the API refuses the console: no session (or a district staff
 * session, which is no operator's) → sign-in; password given but no code yet → the code step.
 * Undefined for any other error. The API has no `platform.me`, so pages learn the state this way.
 */
export function platformRedirectFor(error: unknown): Response | undefined {
  if (!isTrpcError(error)) return undefined;
  if (error.message === 'auth.totp_required') return redirect(platformPaths.totp);
  if (error.message === 'auth.not_signed_in' || error.message === 'auth.forbidden') {
    return redirect(platformPaths.login);
  }
  return undefined;
}

/**
 * Awaits a platform call of a loader: "not signed in" becomes the redirect due, other refusals a
 * route error response in the operator's language.
 */
export async function platformCall<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw platformRedirectFor(error) ?? routeErrorFor(error);
  }
}
