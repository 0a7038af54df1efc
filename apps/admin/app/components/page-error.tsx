import { isMessageKey } from '@linju/i18n';
import { Alert, useTranslate } from '@linju/ui';
import { isRouteErrorResponse } from 'react-router';
import type { RouteErrorData } from '../lib/route-errors.ts';

/**
 * A page's error inside the app shell, so the navigation stays: the API's reason in the person's
 * language when it gave one (no permission, not found), a plain apology otherwise. Never a stack trace.
 */
export function PageError({ error }: { error: unknown }) {
  const t = useTranslate();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = isRouteErrorResponse(error) ? (error.data as RouteErrorData | null)?.message : undefined;
  const title = status === 404 ? t('error.not_found_title') : t('error.title');
  const body = isMessageKey(key)
    ? t(key)
    : status === 404
      ? t('error.not_found_body')
      : status === 403
        ? t('error.forbidden')
        : t('error.unexpected');
  return (
    <>
      <title>{title}</title>
      <h1>{title}</h1>
      <Alert tone={status >= 500 ? 'error' : 'warning'}>
        <p>{body}</p>
      </Alert>
    </>
  );
}
