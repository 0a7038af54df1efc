import { redirect } from 'react-router';
import { getAdminContext } from '../context.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/logout';

/** Ends the session on the server and clears the cookie. Signing out twice is harmless. */
export async function action({ params, context }: Route.ActionArgs) {
  const tenantSlug = tenantSlugFrom(params);
  const { caller, sessionCookie } = getAdminContext(context);
  await caller.auth.logout();
  return redirect(tenantPaths.login(tenantSlug), { headers: { 'Set-Cookie': sessionCookie.clear() } });
}

/** Signing out is a POST (a link could be followed by a prefetcher or forged by another site). */
export function loader({ params }: Route.LoaderArgs) {
  return redirect(tenantPaths.home(tenantSlugFrom(params)));
}
