import { PageError } from '../components/page-error.tsx';
import { getAdminContext } from '../context.ts';
import { HostedScreen, pluginScreen, screenPage } from '../lib/plugin-screen.tsx';
import { idParam, load } from '../lib/route-errors.ts';
import type { Route } from './+types/case-x-counselling';

const { admin, screen } = pluginScreen('x-counselling', 'case-page', 'case');

export async function loader({ params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  idParam(params.id);
  return { data: await load(screenPage(caller, admin.pluginId, screen, { caseId: params.id })) };
}

export default function CaseXCounsellingPage({ loaderData, params }: Route.ComponentProps) {
  return <HostedScreen admin={admin} screen={screen} data={loaderData.data} caseId={params.id} />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
