import { and, asc, type Database, eq, type Queryable, schema, withTenant } from '@linju/db';
import { parseAddress, urlSafeIdSchema } from '@linju/federation';
import { DomainError } from '../errors.ts';
import { auditPeerChange, CLI_PEER_CHANGE, districtOf, type PeerChangeBy } from './peer-audit.ts';
import { peerByNode } from './peer-directory.ts';

/**
 * Lets a pinned peer address referrals to one of this node's organisations (`orgId`: a district
 * `<slug>` or a partner inbox `<slug>.<organisationId>`). Pinning a peer trusts its keys, not its
 * reach: without an allowance it may address nothing here (spec: 403). Allowing twice is a no-op;
 * a new allowance is audited in the district's chain.
 */
export async function allowPeer(
  db: Queryable,
  peerNode: string,
  orgId: string,
  by: PeerChangeBy = CLI_PEER_CHANGE,
): Promise<void> {
  if (!urlSafeIdSchema.safeParse(orgId).success)
    throw new DomainError('bad-request', 'federation.org_id_invalid', { field: 'orgId' });
  await db.transaction(async (tx) => {
    if (!(await peerByNode(tx, peerNode)))
      throw new DomainError('not-found', 'federation.peer_not_found', { field: 'nodeId' });
    const district = await districtOf(tx, orgId);
    const added = await tx
      .insert(schema.federationPeerAllowance)
      .values({ peerNode, orgId })
      .onConflictDoNothing()
      .returning();
    if (added.length > 0)
      await auditPeerChange(tx, [district.id], by, {
        action: 'federation.peer_allowed',
        nodeId: peerNode,
        after: { orgId },
      });
  });
}

/** Takes an allowance back: the peer's later messages about that organisation answer 403. Audited. */
export async function disallowPeer(
  db: Queryable,
  peerNode: string,
  orgId: string,
  by: PeerChangeBy = CLI_PEER_CHANGE,
): Promise<void> {
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(schema.federationPeerAllowance)
      .where(
        and(
          eq(schema.federationPeerAllowance.peerNode, peerNode),
          eq(schema.federationPeerAllowance.orgId, orgId),
        ),
      )
      .returning();
    if (removed.length === 0)
      throw new DomainError('not-found', 'federation.allowance_not_found', { field: 'orgId' });
    await auditPeerChange(tx, [(await districtOf(tx, orgId)).id], by, {
      action: 'federation.peer_disallowed',
      nodeId: peerNode,
      before: { orgId },
    });
  });
}

/** The organisations a peer may address, in order. */
export const peerAllowances = async (db: Queryable, peerNode: string): Promise<string[]> =>
  (
    await db
      .select({ orgId: schema.federationPeerAllowance.orgId })
      .from(schema.federationPeerAllowance)
      .where(eq(schema.federationPeerAllowance.peerNode, peerNode))
      .orderBy(asc(schema.federationPeerAllowance.orgId))
  ).map((r) => r.orgId);

/**
 * Whether `caller` may address this node's organisation `orgId`: this node itself always may
 * (loopback: one tenant referring to another here), a peer only where an operator allowed it.
 */
export async function peerMayAddress(
  db: Queryable,
  self: { nodeId: string },
  caller: string,
  orgId: string,
): Promise<boolean> {
  if (caller === self.nodeId) return true;
  const [row] = await db
    .select({ orgId: schema.federationPeerAllowance.orgId })
    .from(schema.federationPeerAllowance)
    .where(
      and(
        eq(schema.federationPeerAllowance.peerNode, caller),
        eq(schema.federationPeerAllowance.orgId, orgId),
      ),
    );
  return row !== undefined;
}

/**
 * Whether the sender of an incoming referral may still act on it (its events, view and files):
 * only while it may address the organisation it was sent to, so taking an allowance back stops
 * a peer on the referrals it already sent too. This node itself (loopback) always may.
 */
export async function peerMayStillAddress(
  db: Database,
  self: { nodeId: string },
  caller: string,
  incoming: { tenantId: string; referralRef: string },
): Promise<boolean> {
  if (caller === self.nodeId) return true;
  const [inbox] = await withTenant(db, incoming.tenantId, (tx) =>
    tx
      .select({ to: schema.federationInbox.toOrganisation })
      .from(schema.federationInbox)
      .where(
        and(
          eq(schema.federationInbox.senderNode, caller),
          eq(schema.federationInbox.referralId, incoming.referralRef),
        ),
      ),
  );
  const orgId = inbox && parseAddress(inbox.to)?.orgId;
  return orgId !== undefined && (await peerMayAddress(db, self, caller, orgId));
}
