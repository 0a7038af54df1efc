import { type Locale, translate } from '@linju/i18n';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { problem } from '../rest/problem.ts';

const RETRY_AFTER_SECONDS = '5';

/**
 * The answer when a request ran out of time, in each route's own shape: a tRPC error carrying
 * the message key (for `/trpc`), a problem document (other APIs), or a short page in the
 * person's language (the admin app). Always 503 with `Retry-After`.
 */
export function busyResponse(path: string, locale: Locale): Response {
  const headers = { 'retry-after': RETRY_AFTER_SECONDS };
  if (path.startsWith('/trpc/')) {
    const error = {
      message: 'error.busy',
      code: TRPC_ERROR_CODES_BY_KEY.SERVICE_UNAVAILABLE,
      data: { code: 'SERVICE_UNAVAILABLE', httpStatus: 503 },
    };
    return Response.json({ error }, { status: 503, headers });
  }
  if (!path.startsWith('/') || /^\/(api|federation|\.well-known)\//.test(path)) {
    const response = problem(503, 'Service Unavailable', translate('en', 'error.busy'));
    response.headers.set('retry-after', RETRY_AFTER_SECONDS);
    return response;
  }
  const title = translate(locale, 'error.title');
  const page = `<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>${title}</title><h1>${title}</h1><p>${translate(locale, 'error.busy')}</p></html>`;
  return new Response(page, {
    status: 503,
    headers: { ...headers, 'content-type': 'text/html; charset=utf-8' },
  });
}
