import { HostedScreen } from '../components/hosted-screen.tsx';
import { PageError } from '../components/page-error.tsx';
import { getAdminContext } from '../context.ts';
import { loadScreen, runScreenIntent } from '../lib/plugin-screens.server.ts';
import { idParam } from '../lib/route-errors.ts';
import type { Route } from './+types/case-service';

/** The screen's path below the case: `/t/<slug>/cases/<id>/<path>`. */
const pathBelowCase = (url: URL) => url.pathname.split('/').slice(5).join('/');

/** The host of a plugin's screen under a case: one call of its page query is everything it shows. */
export async function loader({ params, url, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  return loadScreen('case', pathBelowCase(url), caller, idParam(params.id), url);
}

export async function action({ request, url, params, context }: Route.ActionArgs) {
  const { caller } = getAdminContext(context);
  return runScreenIntent('case', pathBelowCase(url), caller, request, url, idParam(params.id));
}

export default function CaseServicePage({ loaderData, actionData }: Route.ComponentProps) {
  return <HostedScreen kind="case" loaded={loaderData} actionData={actionData} />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
