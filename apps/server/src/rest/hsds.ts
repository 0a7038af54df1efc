import { pluginRegistry } from '@linju/api';
import { DomainError, hsdsCatalogue, ZTenantSlug } from '@linju/core';
import type { Database } from '@linju/db';
import { problem } from './problem.ts';

/**
 * `GET /api/v1/catalogue/hsds?tenant=<slug>`: a district's public service catalogue as Open
 * Referral HSDS JSON, for directories and other districts. No sign-in: it holds only what a
 * district publishes anyway (services, service points, addresses, hours).
 */
export async function hsdsResponse(db: Database, tenantSlug: string | null): Promise<Response> {
  if (!tenantSlug) return problem(400, 'Bad request', 'Name the district: ?tenant=<slug>');
  if (!ZTenantSlug.safeParse(tenantSlug).success) {
    return problem(400, 'Bad request', 'tenant: a district slug is a-z, 0-9 and -, starting with a letter');
  }
  try {
    return Response.json(await hsdsCatalogue(db, tenantSlug, pluginRegistry.plugins), {
      headers: { 'cache-control': 'public, max-age=300' },
    });
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not-found') {
      return problem(404, 'Not found', `No district "${tenantSlug}"`);
    }
    throw error;
  }
}
