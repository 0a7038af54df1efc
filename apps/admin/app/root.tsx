import catalogueAssets from 'virtual:linju/catalogue-assets';
import { DEFAULT_LOCALE, type Locale, localeFromCookie } from '@linju/i18n';
import { CsrfProvider, LocaleProvider, useTranslate } from '@linju/ui';
import stylesHref from '@linju/ui/styles.css?url';
import type { ReactNode } from 'react';
import { preloadModule } from 'react-dom';
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from 'react-router';
import type { Route } from './+types/root';
import { PageShell } from './components/page-shell.tsx';
import { adminContext, getAdminContext } from './context.ts';
import { submissionKeyOf } from './lib/submission-key.ts';
import { isUploadPath } from './lib/upload-routes.ts';
import appStylesHref from './styles.css?url';

export const links: Route.LinksFunction = () => [
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
  { rel: 'stylesheet', href: stylesHref },
  { rel: 'stylesheet', href: appStylesHref },
];

/**
 * Every page carries a per-session CSRF token and most show personal data, so no response may be
 * stored by a shared cache or kept in the browser's history cache.
 */
const noStore: Route.MiddlewareFunction = async (_args, next) => {
  const response = await next();
  response.headers.set('Cache-Control', 'private, no-store');
  return response;
};

/**
 * A form's post carrying its per-render key is answered with a caller that makes each change once
 * per key: a double click or a replay gets the first answer (the same case), not a second change.
 * Upload pages stream their bodies and are not read twice.
 */
const keyedSubmission: Route.MiddlewareFunction = async ({ request, context }, next) => {
  const { pathname } = new URL(request.url);
  const form = /^(application\/x-www-form-urlencoded|multipart\/form-data)/.test(
    request.headers.get('content-type') ?? '',
  );
  if (request.method === 'POST' && form && !isUploadPath(pathname.replace(/\.data$/, ''))) {
    const key = await submissionKeyOf(await request.clone().formData(), pathname);
    const admin = getAdminContext(context);
    if (key) context.set(adminContext, { ...admin, caller: admin.submitting(key) });
  }
  return next();
};

export const middleware: Route.MiddlewareFunction[] = [noStore, keyedSubmission];

export function loader({ request, context }: Route.LoaderArgs) {
  const admin = getAdminContext(context);
  // The app owns the language switch, so its cookie wins even if the server negotiated otherwise.
  const locale = localeFromCookie(request.headers.get('Cookie')) ?? admin.locale;
  // A new key for each rendering: every form of the page posts it (`CsrfField`).
  const submissionKey = crypto.randomUUID();
  return { locale, csrfToken: admin.csrfToken, cspNonce: admin.cspNonce, submissionKey };
}

/**
 * Has the browser fetch the page's language catalogue with the page, in the head: entry.client
 * loads it before hydrating (the bundle carries no catalogue). Rendered by the server only; the
 * browser's copy of the addresses is empty.
 */
function CataloguePreload({ locale, nonce }: { locale: Locale; nonce: string | undefined }) {
  const href = catalogueAssets[locale];
  if (href) preloadModule(href, { as: 'script', nonce });
  return null;
}

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>('root');
  const locale = root?.locale ?? DEFAULT_LOCALE;
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <CataloguePreload locale={locale} nonce={root?.cspNonce} />
        <Meta />
        <Links />
      </head>
      <body>
        <LocaleProvider locale={locale}>
          <CsrfProvider token={root?.csrfToken ?? ''} submissionKey={root?.submissionKey ?? ''}>
            {children}
          </CsrfProvider>
        </LocaleProvider>
        <ScrollRestoration nonce={root?.cspNonce} />
        <Scripts nonce={root?.cspNonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const t = useTranslate();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 404
      ? [t('error.not_found_title'), t('error.not_found_body')]
      : status === 403
        ? [t('error.title'), t('error.forbidden')]
        : [t('error.title'), t('error.unexpected')];
  return (
    <PageShell title={title}>
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <a href="/">{t('app.name')}</a>
      </p>
    </PageShell>
  );
}
