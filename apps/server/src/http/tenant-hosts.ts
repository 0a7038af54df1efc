import { tenantSlugOfDomain } from '@linju/core';
import type { Database } from '@linju/db';
import { hostName, suffixTenantSlug } from './tenant-hint.ts';

/** How long a custom domain's answer (a district, or none) is kept before the database is asked again. */
export const TENANT_HOST_TTL_MS = 30_000;
/** Past this many hosts the cache starts over: a client sending made-up hosts cannot grow it. */
const MAX_CACHED_HOSTS = 1_000;
const HOST = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

export type TenantHosts = { tenantOf(host: string | null | undefined): Promise<string | null> };

/**
 * The district a request's host belongs to: one under `LINJU_TENANT_HOST_SUFFIX`, or a custom domain
 * an operator gave it (`tenant_domain`, kept briefly per process). The public URL's host and every
 * other name belong to no district.
 */
export function createTenantHosts(options: {
  db: Database;
  suffix: string | null;
  publicUrl: string;
  now?: () => number;
}): TenantHosts {
  const publicHost = hostName(new URL(options.publicUrl).host);
  const now = options.now ?? Date.now;
  const cache = new Map<string, { slug: string | null; until: number }>();

  async function customDomain(host: string) {
    const cached = cache.get(host);
    if (cached && cached.until > now()) return cached.slug;
    const slug = await tenantSlugOfDomain(options.db, host);
    if (cache.size >= MAX_CACHED_HOSTS) cache.clear();
    cache.set(host, { slug, until: now() + TENANT_HOST_TTL_MS });
    return slug;
  }

  return {
    async tenantOf(host) {
      const name = hostName(host);
      if (!HOST.test(name) || name === publicHost) return null;
      if (options.suffix && name.endsWith(options.suffix)) return suffixTenantSlug(name, options.suffix);
      return customDomain(name);
    },
  };
}
