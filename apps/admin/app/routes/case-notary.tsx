import { PageError } from '../components/page-error.tsx';
import { getAdminContext } from '../context.ts';
import { HostedScreen, pluginScreen, screenAction, screenPage, searchInput } from '../lib/plugin-screen.tsx';
import { idParam, load } from '../lib/route-errors.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/case-notary';

const { admin, screen } = pluginScreen('notary', 'case-notary', 'case');

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  idParam(params.id);
  const input = { ...searchInput(request), caseId: params.id };
  return { data: await load(screenPage(caller, admin.pluginId, screen, input)) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { caller } = getAdminContext(context);
  const here = `${tenantPaths.case(tenantSlugFrom(params), params.id)}/notary`;
  return screenAction(caller, admin.pluginId, screen, await request.formData(), {
    caseId: params.id,
    done: (intent) => `${here}?done=${intent}`,
  });
}

export default function CaseNotaryPage({ loaderData, params }: Route.ComponentProps) {
  return <HostedScreen admin={admin} screen={screen} data={loaderData.data} caseId={params.id} />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
