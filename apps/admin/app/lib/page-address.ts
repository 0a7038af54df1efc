/**
 * The address of the page a request is for, as the browser shows it: with JavaScript, React Router
 * asks for a page's data at `<page>.data` (with `_routes` naming the routes wanted), and an
 * address built from that request — where to come back to after a sign-in step — must be the page.
 */
export function pageAddressOf(request: Request): string {
  const url = new URL(request.url);
  url.searchParams.delete('_routes');
  const search = url.searchParams.toString();
  return `${url.pathname.replace(/\.data$/, '')}${search ? `?${search}` : ''}`;
}
