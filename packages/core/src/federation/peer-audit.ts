import { type Queryable, withTenant } from '@linju/db';
import type { AuditAction } from '@linju/vocabulary';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';
import { findTenantBySlug } from '../tenants/tenant-queries.ts';

/** Who changes the peer directory: a platform operator in the console, or the CLI (no account). */
export type PeerChangeBy = { operatorId: string | null; operatorName: string; requestId?: string | null };

/** The CLI's actor: it runs as whoever holds the deployment's secrets, with no operator account. */
export const CLI_PEER_CHANGE: PeerChangeBy = { operatorId: null, operatorName: 'linju CLI' };

/** The district an `orgId` of this node belongs to: `<slug>` or a partner inbox `<slug>.<id>`. */
export const districtSlugOf = (orgId: string) => orgId.split('.')[0] ?? orgId;

/** The district of an `orgId`, refused when this node has none of that slug. */
export async function districtOf(db: Queryable, orgId: string) {
  const tenant = await findTenantBySlug(db, districtSlugOf(orgId));
  if (!tenant) throw new DomainError('not-found', 'federation.org_not_found', { field: 'orgId' });
  return tenant;
}

/**
 * Records a change of what a peer may reach in the chain of each district it touches, inside the
 * caller's transaction. Pinning alone grants a peer nothing here (only allowances do), so the
 * districts a change reaches are those it may address.
 */
export async function auditPeerChange(
  tx: Queryable,
  tenantIds: readonly string[],
  by: PeerChangeBy,
  change: { action: AuditAction; nodeId: string; before?: unknown; after?: unknown },
): Promise<void> {
  for (const tenantId of new Set(tenantIds)) {
    await withTenant(tx, tenantId, (ttx) =>
      appendAudit(ttx, {
        actorId: by.operatorId,
        actorName: by.operatorName,
        action: change.action,
        objectType: 'federation_peer',
        objectId: change.nodeId,
        before: change.before,
        after: change.after,
        requestId: by.requestId ?? null,
      }),
    );
  }
}
