import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  useActionData,
  useLoaderData,
  useRouteError,
} from 'react-router';
import { HostedScreen } from '../components/hosted-screen.tsx';
import { PageError } from '../components/page-error.tsx';
import { getAdminContext } from '../context.ts';
import { loadScreen, runScreenIntent } from '../lib/plugin-screens.server.ts';

// Typed with React Router's general types: typegen writes `./+types/district-service` only while
// an installed plugin declares a district screen.

/** The screen's path below the district: `/t/<slug>/<path>`. */
const pathBelowDistrict = (url: URL) => url.pathname.split('/').slice(3).join('/');

/**
 * The host of a plugin's district page (in the navigation or on the settings page): one call of
 * its page query is everything it shows.
 */
export async function loader({ url, context }: LoaderFunctionArgs) {
  const { caller } = getAdminContext(context);
  return loadScreen('district', pathBelowDistrict(url), caller, null, url);
}

export async function action({ request, url, context }: ActionFunctionArgs) {
  const { caller } = getAdminContext(context);
  return runScreenIntent('district', pathBelowDistrict(url), caller, request, url, null);
}

export default function DistrictServicePage() {
  return (
    <HostedScreen kind="district" loaded={useLoaderData<typeof loader>()} actionData={useActionData()} />
  );
}

export function ErrorBoundary() {
  return <PageError error={useRouteError()} />;
}
