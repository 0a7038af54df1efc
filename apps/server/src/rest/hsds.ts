import type { Database } from '@linju/db';
import { cacheableJson } from './cacheable-json.ts';
import { districtCatalogue } from './district-catalogue.ts';
import { problem } from './problem.ts';

/**
 * `GET /api/v1/catalogue/hsds?tenant=<slug>`: a district's whole public catalogue in one HSDS 3.0
 * document (every list of the HSDS API at once, the same objects and ids), kept for the readers of
 * Linju's first export; the HSDS API itself is `/api/v1/hsds/<slug>/…` (hsds-api.ts).
 */
export async function hsdsResponse(
  request: Request,
  db: Database,
  tenantSlug: string | null,
): Promise<Response> {
  if (!tenantSlug) return problem(400, 'Bad request', 'Name the district: ?tenant=<slug>');
  const catalogue = await districtCatalogue(db, tenantSlug);
  if (catalogue instanceof Response) return catalogue;
  const { organization, ...lists } = catalogue;
  return cacheableJson(request, { hsds_version: '3.0', organizations: [organization], ...lists });
}
