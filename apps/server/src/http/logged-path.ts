/**
 * Paths whose last segment is a one-time secret (a partner's link, a resident's rating or survey
 * code, a platform operator's setup link).
 */
const SECRET_SEGMENT = /^\/(p|rate|survey|platform\/setup)\/[^/]+/;

/**
 * The path as the access log writes it: never the query string (searches and forms put what people
 * typed there) and never a one-time link's secret.
 */
export function loggedPath(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0] ?? '/';
  return path.replace(SECRET_SEGMENT, '/$1/…');
}
