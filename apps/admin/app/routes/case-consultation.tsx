import { PageError } from '../components/page-error.tsx';
import { getAdminContext } from '../context.ts';
import { HostedScreen, pluginScreen, screenAction, screenPage } from '../lib/plugin-screen.tsx';
import { idParam, load } from '../lib/route-errors.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/case-consultation';

const { admin, screen } = pluginScreen('consultation', 'case-consultation', 'case');

export async function loader({ params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  idParam(params.id);
  return { data: await load(screenPage(caller, admin.pluginId, screen, { caseId: params.id })) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { caller } = getAdminContext(context);
  const here = `${tenantPaths.case(tenantSlugFrom(params), params.id)}/consultation`;
  return screenAction(caller, admin.pluginId, screen, await request.formData(), {
    caseId: params.id,
    done: (intent) => `${here}?done=${intent}`,
  });
}

export default function CaseConsultationPage({ loaderData, params }: Route.ComponentProps) {
  return <HostedScreen admin={admin} screen={screen} data={loaderData.data} caseId={params.id} />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
