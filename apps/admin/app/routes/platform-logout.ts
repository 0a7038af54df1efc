import { redirect } from 'react-router';
import { getAdminContext } from '../context.ts';
import { platformPaths } from '../lib/tenant-paths.ts';
import type { Route } from './+types/platform-logout';

/** Ends the operator's session and clears the cookie. */
export async function action({ context }: Route.ActionArgs) {
  const { caller, sessionCookie } = getAdminContext(context);
  await caller.auth.logout();
  return redirect(platformPaths.login, { headers: { 'Set-Cookie': sessionCookie.clear() } });
}

/** Signing out is a POST only. */
export function loader() {
  return redirect(platformPaths.home);
}
