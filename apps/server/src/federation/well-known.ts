import { asc, type Database, eq, schema } from '@linju/db';
import { type NodeKey, wellKnownDocument } from '@linju/federation';
import { methodNotAllowed } from '../rest/problem.ts';

export { defaultNodeId } from '@linju/federation';

export type NodeIdentity = { nodeId: string; name: string; baseUrl: string; key: NodeKey };

/**
 * `GET /.well-known/linju-node`: who this node is, its pinned-key material, and the districts it
 * serves (each active tenant's bureau, addressed `<slug>@<nodeId>`). Built per request, so a newly
 * onboarded district is reachable at once.
 */
export function wellKnownHandler(db: Database, identity: NodeIdentity) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return methodNotAllowed(request.method, 'GET, HEAD');
    const tenants = await db
      .select({
        slug: schema.tenant.slug,
        nameZh: schema.tenant.nameZh,
        nameEn: schema.tenant.nameEn,
        divisionCode: schema.tenant.divisionCode,
      })
      .from(schema.tenant)
      .where(eq(schema.tenant.status, 'active'))
      .orderBy(asc(schema.tenant.slug));
    const document = wellKnownDocument({
      nodeId: identity.nodeId,
      name: identity.name,
      baseUrl: identity.baseUrl,
      publicKeys: [identity.key.publicJwk],
      organisations: tenants.map((t) => ({
        orgId: t.slug,
        names: { 'zh-CN': t.nameZh, en: t.nameEn },
        kind: 'district-bureau' as const,
        divisionCode: t.divisionCode,
      })),
    });
    return Response.json(document, { headers: { 'cache-control': 'public, max-age=60' } });
  };
}
