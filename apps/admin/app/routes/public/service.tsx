import { failureOf, useLocale } from '@linju/ui';
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  useActionData,
  useLoaderData,
  useRouteError,
} from 'react-router';
import { PageError } from '../../components/page-error.tsx';
import { DocumentTitle } from '../../components/page-shell.tsx';
import { usePublicIntentForm } from '../../components/public/public-intent-form.tsx';
import { getAdminContext } from '../../context.ts';
import { publicScreenOf, screenTranslate } from '../../lib/hosted-screens.ts';
import { callPlugin, publicScreenAt, runPublicScreenIntent } from '../../lib/plugin-screens.server.ts';
import { requireResident } from '../../lib/resident.server.ts';
import { load } from '../../lib/route-errors.ts';

// Typed with React Router's general types: typegen writes `./+types/service` only while an
// installed plugin declares a public screen.

/** The screen's path below the district's public pages: `/t/<slug>/public/<path>`. */
const pathBelowPublic = (url: URL) => url.pathname.split('/').slice(4).join('/');

/**
 * The host of a plugin's resident-facing screen (no staff session): one call of its public `page`
 * query, in the district the address names, is everything it shows; its forms post to the action.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { url, params, context } = args;
  const { caller } = getAdminContext(context);
  const { pluginId, screen } = publicScreenAt(pathBelowPublic(url));
  // A screen by which a resident applies asks for their phone first, and comes back here.
  if (screen.resident === 'required') await requireResident(args);
  // The page's search parameters go with the query (a booking just made); its schema keeps those it knows.
  const data = await load(callPlugin(caller, pluginId, screen.page, Object.fromEntries(url.searchParams)));
  return { pluginId, screenId: screen.id, slug: params.tenant ?? '', data };
}

/** A resident's form of the screen (an application): see `runPublicScreenIntent`. */
export async function action({ request, url, context }: ActionFunctionArgs) {
  const { caller } = getAdminContext(context);
  return runPublicScreenIntent(pathBelowPublic(url), caller, request, url);
}

export default function PublicServicePage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData();
  const locale = useLocale();
  const intentName = (actionData as { intent?: unknown } | undefined)?.intent;
  const IntentForm = usePublicIntentForm(
    typeof intentName === 'string' ? failureOf(actionData, intentName) : undefined,
  );
  const hosted = publicScreenOf(loaded.pluginId, loaded.screenId);
  if (!hosted) throw new Response(null, { status: 404 });
  const { Component } = hosted.screen;
  const t = screenTranslate(hosted.messages, locale);
  const { title } = hosted.screen.heading(loaded.data, t);
  // The host draws the page's heading, as it does for a district screen.
  return (
    <>
      <DocumentTitle title={title} />
      <h1>{title}</h1>
      <Component data={loaded.data} slug={loaded.slug} locale={locale} t={t} IntentForm={IntentForm} />
    </>
  );
}

export function ErrorBoundary() {
  return <PageError error={useRouteError()} />;
}
