import { PageError } from '../components/page-error.tsx';
import { getAdminContext } from '../context.ts';
import { HostedScreen, pluginScreen, screenAction, screenPage, searchInput } from '../lib/plugin-screen.tsx';
import { load } from '../lib/route-errors.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/legal-education';

const { admin, screen } = pluginScreen('legal-education', 'events', 'district');

export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  return { data: await load(screenPage(caller, admin.pluginId, screen, searchInput(request))) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { caller } = getAdminContext(context);
  // Back to the office or unit and month the form was posted from.
  const shown = new URL(request.url).searchParams;
  shown.delete('done');
  shown.delete('edit');
  const here = tenantPaths.legalEducation(tenantSlugFrom(params));
  return screenAction(caller, admin.pluginId, screen, await request.formData(), {
    caseId: null,
    done: (intent) => `${here}?${new URLSearchParams([...shown, ['done', intent]])}`,
  });
}

export default function LegalEducationPage({ loaderData }: Route.ComponentProps) {
  return <HostedScreen admin={admin} screen={screen} data={loaderData.data} caseId={null} />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
