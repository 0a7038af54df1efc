import { createContext, type RouterContextProvider, redirect } from 'react-router';
import type { Caller } from '../context.ts';
import { pathForStep, type SignInStep, tenantPaths } from './tenant-paths.ts';

/** What the header knows about the district once someone is signed in. */
export interface TenantHeader {
  slug: string;
  nameZh: string;
  nameEn: string;
  colour: string | null;
}

/** What `auth.me` returns for a session. */
export type Me = NonNullable<Awaited<ReturnType<Caller['auth']['me']>>>;

/**
 * The signed-in person for a page of the sign-in flow or the app. Without a session for this
 * district it throws a redirect to the login page; when the session still owes a different step
 * (second factor, password change) than the page allows, it throws a redirect to that step.
 */
export async function requireSession(
  caller: Caller,
  tenantSlug: string,
  allowedSteps: readonly SignInStep[],
): Promise<Me> {
  const me = await caller.auth.me();
  // The session names its own district; the URL is only a hint, so a session of another district
  // counts as no session here.
  if (!me || me.tenant.slug !== tenantSlug) throw redirect(tenantPaths.login(tenantSlug));
  if (!allowedSteps.includes(me.next)) throw redirect(pathForStep(tenantSlug, me.next));
  return me;
}

/** The district fields the header shows. */
export function tenantHeader(me: Me): TenantHeader {
  const { slug, nameZh, nameEn, branding } = me.tenant;
  return { slug, nameZh, nameEn, colour: branding?.colour ?? null };
}

/**
 * The signed-in person of a page inside the app shell. The shell's middleware (routes/tenant-app)
 * sets it once per request, before any loader or action runs, so the pages below neither repeat
 * `auth.me` nor can run without a full session.
 */
export const sessionContext = createContext<Me>();

/** The person the shell's middleware signed in; throws if a route outside the shell asks. */
export function signedInPerson(context: Readonly<RouterContextProvider>): Me {
  return context.get(sessionContext);
}
