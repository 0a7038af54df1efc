const SLUG = /^[a-z][a-z0-9-]{1,39}$/;

/** The first label of a host such as `xuhui.localhost:3000`, when it can be a tenant slug. */
export function hostTenantSlug(host: string | null): string | null {
  const labels = (host ?? '').split(':')[0]?.split('.') ?? [];
  const first = labels[0] ?? '';
  return labels.length >= 2 && first !== 'www' && SLUG.test(first) ? first : null;
}

/** The `/t/:tenant` prefix of a path. */
export const pathTenantSlug = (url: URL) =>
  /^\/t\/([a-z][a-z0-9-]{1,39})(?:\/|$)/.exec(url.pathname)?.[1] ?? null;

/** The tenant a request names, by path first, then host. Only a hint: the session decides the tenant. */
export const tenantSlugHint = (url: URL, host: string | null) => pathTenantSlug(url) ?? hostTenantSlug(host);

/** `xuhui.localhost/login` is served as `/t/xuhui/login`, so one set of routes handles both forms. */
export function withTenantPrefix(url: URL, host: string | null): URL {
  const slug = hostTenantSlug(host);
  if (!slug || url.pathname.startsWith('/t/')) return url;
  const rewritten = new URL(url);
  rewritten.pathname = `/t/${slug}${url.pathname === '/' ? '' : url.pathname}`;
  return rewritten;
}
