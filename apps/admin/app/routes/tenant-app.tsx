import { Outlet } from 'react-router';
import { PageShell } from '../components/page-shell.tsx';
import { getAdminContext } from '../context.ts';
import { sectionsFor } from '../lib/navigation.ts';
import { pluginNavigationLinks } from '../lib/plugin-screens.ts';
import { requireSession, sessionContext, signedInPerson, tenantHeader } from '../lib/session.ts';
import { tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/tenant-app';

/**
 * Every page of the signed-in app sits inside this layout. Its middleware runs before any of their
 * loaders or actions: without a full session of this district it redirects to the sign-in step
 * that is due, so no page can be reached by URL halfway through signing in.
 */
const requireFullSession: Route.MiddlewareFunction = async ({ params, context }) => {
  const me = await requireSession(getAdminContext(context).caller, tenantSlugFrom(params), ['home']);
  context.set(sessionContext, me);
};

export const middleware: Route.MiddlewareFunction[] = [requireFullSession];

export async function loader({ context }: Route.LoaderArgs) {
  const me = signedInPerson(context);
  const { caller } = getAdminContext(context);
  const [{ unread }, screens] = await Promise.all([
    caller.notification.countUnread(),
    caller.catalogue.screens(),
  ]);
  const tenant = tenantHeader(me);
  return {
    tenant,
    userName: me.user.displayName,
    sections: sectionsFor(me.user.roles, me.tenant),
    // Their names for the pages, from the manifests (the platform keeps no list of services).
    services: screens.services,
    // Declared by the plugins switched on in the district: a service nobody offers shows no page.
    pluginLinks: pluginNavigationLinks(tenant.slug, me.user.roles, screens.navigation),
    // The settings the plugins add (legal aid's hardship threshold), linked from the settings page.
    pluginSettingsLinks: pluginNavigationLinks(tenant.slug, me.user.roles, screens.settings),
    unreadNotifications: unread,
  };
}

export default function TenantApp({ loaderData }: Route.ComponentProps) {
  return (
    <PageShell
      tenant={loaderData.tenant}
      sections={loaderData.sections}
      pluginLinks={loaderData.pluginLinks}
      userName={loaderData.userName}
      unreadNotifications={loaderData.unreadNotifications}
      signedIn
    >
      <Outlet />
    </PageShell>
  );
}
