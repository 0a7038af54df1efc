import { DEFAULT_LOCALE, type Locale, localeFromCookie, type MessageKey, translate } from '@linju/i18n';
import { problem } from '../rest/problem.ts';

/** The language of pages the server itself writes: the person's `linju_locale` choice, else zh-CN. */
export const localeOf = (request: Request): Locale =>
  localeFromCookie(request.headers.get('cookie')) ?? DEFAULT_LOCALE;

/** Why the edge refuses a request before any route sees it. */
export type Refusal = { kind: 'body-too-large'; limit: number } | { kind: 'csrf'; reason: string };

/** Routes whose callers are programs: they get RFC 9457 problem documents, never a page. */
const MACHINE_PREFIXES = ['/trpc/', '/api/', '/federation/', '/.well-known/'];
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/** A browser posting a form or asking for a page, as opposed to a program calling an API. */
function wantsPage(request: Request): boolean {
  if (MACHINE_PREFIXES.some((prefix) => new URL(request.url).pathname.startsWith(prefix))) return false;
  const type = request.headers.get('content-type') ?? '';
  return (
    FORM_TYPES.some((form) => type.startsWith(form)) ||
    (request.headers.get('accept') ?? '').includes('text/html')
  );
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const mebibytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

function page(locale: Locale, status: number, title: MessageKey, body: string): Response {
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(translate(locale, title))}</title></head>
<body><main><h1>${escapeHtml(translate(locale, title))}</h1><p>${escapeHtml(body)}</p><p><a href="/">${escapeHtml(translate(locale, 'app.name'))}</a></p></main></body>
</html>
`;
  return new Response(html, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/**
 * The answer to a request refused at the edge: a page in the person's language for a browser's
 * form or navigation, a problem document for API clients.
 */
export function refusalResponse(request: Request, refusal: Refusal): Response {
  const locale = localeOf(request);
  let response: Response;
  if (refusal.kind === 'body-too-large') {
    const body = translate(locale, 'error.body_too_large', { max: mebibytes(refusal.limit) });
    response = wantsPage(request)
      ? page(locale, 413, 'error.body_too_large_title', body)
      : problem(413, 'Body too large', `A body may be at most ${refusal.limit} bytes`);
  } else {
    response = wantsPage(request)
      ? page(locale, 403, 'error.csrf_title', translate(locale, 'error.csrf'))
      : problem(403, 'Forbidden', refusal.reason);
  }
  return response;
}
