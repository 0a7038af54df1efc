const SLUG = /^[a-z][a-z0-9-]{1,39}$/;
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** `Xuhui.Example.org.:3000` → `xuhui.example.org`: the name a host header gives, as compared. */
export function hostName(host: string | null | undefined): string {
  const name = (host ?? '').trim().toLowerCase();
  const withoutPort = name.startsWith('[') ? name.slice(0, name.indexOf(']') + 1) : name.split(':')[0];
  return (withoutPort ?? '').replace(/\.$/, '');
}

/**
 * `LINJU_TENANT_HOST_SUFFIX` (`.linju.example.gov.cn`, the leading dot optional) checked and
 * normalised; a suffix that is not a host name stops the start-up, named.
 */
export function parseTenantHostSuffix(suffix: string | undefined): string | null {
  if (!suffix?.trim()) return null;
  const name = suffix.trim().toLowerCase().replace(/^\./, '');
  if (!name.split('.').every((label) => LABEL.test(label)))
    throw new Error(
      `LINJU_TENANT_HOST_SUFFIX: "${suffix}" is not a host name suffix (.linju.example.gov.cn)`,
    );
  return `.${name}`;
}

/**
 * The slug a host under the configured suffix names (`xuhui` for `xuhui.linju.example.gov.cn`):
 * exactly one label before the suffix. Without a suffix, or off it, no host names a tenant —
 * `linju.sfj.example.gov.cn` is the platform's own name, not district `linju`.
 */
export function suffixTenantSlug(host: string | null | undefined, suffix: string | null): string | null {
  const name = hostName(host);
  if (!suffix || !name.endsWith(suffix)) return null;
  const label = name.slice(0, -suffix.length);
  return label !== 'www' && SLUG.test(label) ? label : null;
}

/** The `/t/:tenant` prefix of a path. */
export const pathTenantSlug = (url: URL) =>
  /^\/t\/([a-z][a-z0-9-]{1,39})(?:\/|$)/.exec(url.pathname)?.[1] ?? null;

/**
 * The tenant a request names, by path first, then by the district its host belongs to. Only a
 * hint: the session decides the tenant.
 */
export const tenantSlugHint = (url: URL, hostTenant: string | null) => pathTenantSlug(url) ?? hostTenant;

/** The admin app's routes outside every district (`apps/admin/app/routes.ts`): the same on any host. */
const UNTENANTED = /^\/(?:t|locale|rate|survey|p|platform)(?:\/|$)/;

/**
 * On a district's own host `/login` is served as `/t/xuhui/login`, so one set of routes handles
 * both forms; the routes outside every district stay where they are.
 */
export function withTenantPrefix(url: URL, hostTenant: string | null): URL {
  if (!hostTenant || UNTENANTED.test(url.pathname)) return url;
  const rewritten = new URL(url);
  rewritten.pathname = `/t/${hostTenant}${url.pathname === '/' ? '' : url.pathname}`;
  return rewritten;
}
