import { DomainError, type HsdsCatalogue, hsdsCatalogue, ZTenantSlug } from '@linju/core';
import type { Database } from '@linju/db';
import { pluginRegistry } from '@linju/plugins';
import { problem } from './problem.ts';

/**
 * The HSDS objects of the district a public request names, or the problem answer naming what is
 * wrong with the name (not a slug: 400; no such active district: 404).
 */
export async function districtCatalogue(db: Database, tenantSlug: string): Promise<HsdsCatalogue | Response> {
  if (!ZTenantSlug.safeParse(tenantSlug).success) {
    return problem(400, 'Bad request', 'tenant: a district slug is a-z, 0-9 and -, starting with a letter');
  }
  try {
    return await hsdsCatalogue(db, tenantSlug, pluginRegistry.plugins);
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not-found') {
      return problem(404, 'Not found', `No district "${tenantSlug}"`);
    }
    throw error;
  }
}
