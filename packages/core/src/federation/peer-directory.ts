import type { KeyObject } from 'node:crypto';
import { asc, type Database, eq, inArray, lt, type Queryable, schema, sql } from '@linju/db';
import {
  MAX_CLOCK_SKEW_SECONDS,
  publicKeyFromJwk,
  type WellKnownDocument,
  wellKnownDocumentSchema,
} from '@linju/federation';
import { DomainError } from '../errors.ts';
import { auditPeerChange, CLI_PEER_CHANGE, districtSlugOf, type PeerChangeBy } from './peer-audit.ts';

export type Peer = typeof schema.federationPeer.$inferSelect;

/** What an audit entry says of a pinned peer: where it is and which keys it signs with. */
const pinnedFacts = (peer: Pick<Peer, 'baseUrl' | 'publicKeys' | 'allowPrivateNetwork'>) => ({
  baseUrl: peer.baseUrl,
  kids: peer.publicKeys.map((k) => k.kid),
  allowPrivateNetwork: peer.allowPrivateNetwork,
});

/** The districts a peer may address (through its allowances): where a change to it is audited. */
async function addressedDistricts(tx: Queryable, nodeId: string): Promise<string[]> {
  const rows = await tx
    .select({ orgId: schema.federationPeerAllowance.orgId })
    .from(schema.federationPeerAllowance)
    .where(eq(schema.federationPeerAllowance.peerNode, nodeId));
  const slugs = [...new Set(rows.map((r) => districtSlugOf(r.orgId)))];
  if (slugs.length === 0) return [];
  return (
    await tx.select({ id: schema.tenant.id }).from(schema.tenant).where(inArray(schema.tenant.slug, slugs))
  ).map((t) => t.id);
}

/**
 * Pins a peer from its well-known document (fetched by the operator and checked by them): its
 * node id, base URL, keys and the organisations it serves (the districts it may report
 * statistics for). Pinning again replaces them (a peer's key rotation), audited in the chain of
 * each district the peer may address. `allowPrivateNetwork` lets this node call it at a loopback
 * or private address: an explicit choice at every pin.
 */
export async function pinPeer(
  db: Queryable,
  document: unknown,
  options: { allowPrivateNetwork?: boolean; by?: PeerChangeBy } = {},
): Promise<Peer> {
  const parsed = wellKnownDocumentSchema.safeParse(document);
  if (!parsed.success) throw parsed.error;
  const doc: WellKnownDocument = parsed.data;
  const by = options.by ?? CLI_PEER_CHANGE;
  const values = {
    nodeId: doc.nodeId,
    name: doc.name,
    baseUrl: doc.baseUrl,
    publicKeys: [...doc.publicKeys],
    organisations: doc.organisations.map(({ orgId, kind, divisionCode }) => ({
      orgId,
      kind,
      ...(divisionCode === undefined ? {} : { divisionCode }),
    })),
    allowPrivateNetwork: options.allowPrivateNetwork ?? false,
    pinnedBy: by.operatorName,
  };
  return db.transaction(async (tx) => {
    const before = await peerByNode(tx, doc.nodeId);
    const [peer] = await tx
      .insert(schema.federationPeer)
      .values(values)
      .onConflictDoUpdate({ target: schema.federationPeer.nodeId, set: { ...values, addedAt: new Date() } })
      .returning();
    if (!peer) throw new Error('peer insert returned no row');
    await auditPeerChange(tx, await addressedDistricts(tx, peer.nodeId), by, {
      action: 'federation.peer_pinned',
      nodeId: peer.nodeId,
      before: before && pinnedFacts(before),
      after: pinnedFacts(peer),
    });
    return peer;
  });
}

export const listPeers = (db: Queryable) =>
  db.select().from(schema.federationPeer).orderBy(asc(schema.federationPeer.nodeId));

/** Forgets a peer and its allowances: audited in the chain of each district it could address. */
export async function unpinPeer(
  db: Queryable,
  nodeId: string,
  by: PeerChangeBy = CLI_PEER_CHANGE,
): Promise<void> {
  await db.transaction(async (tx) => {
    const districts = await addressedDistricts(tx, nodeId);
    const [removed] = await tx
      .delete(schema.federationPeer)
      .where(eq(schema.federationPeer.nodeId, nodeId))
      .returning();
    if (!removed) throw new DomainError('not-found', 'federation.peer_not_found', { field: 'nodeId' });
    await auditPeerChange(tx, districts, by, {
      action: 'federation.peer_unpinned',
      nodeId,
      before: pinnedFacts(removed),
    });
  });
}

/** The peer owning a key id, and the key; undefined for a key no pinned peer has. */
export async function peerKey(
  db: Queryable,
  kid: string,
): Promise<{ peer: Peer; key: KeyObject } | undefined> {
  const [peer] = await db
    .select()
    .from(schema.federationPeer)
    .where(sql`${schema.federationPeer.publicKeys} @> ${JSON.stringify([{ kid }])}::jsonb`);
  const jwk = peer?.publicKeys.find((k) => k.kid === kid);
  return peer && jwk ? { peer, key: publicKeyFromJwk(jwk) } : undefined;
}

/**
 * Whether a signature nonce was seen from this key in the replay window, recording it if not —
 * one insert that conflicts on (kid, nonce), so every server process shares the answer.
 */
export async function nonceSeen(db: Database, nonce: string, created: number, kid: string): Promise<boolean> {
  const inserted = await db
    .insert(schema.federationNonce)
    .values({ kid, nonce, createdAt: new Date(created * 1000) })
    .onConflictDoNothing()
    .returning({ kid: schema.federationNonce.kid });
  // Nonces older than twice the window can never be accepted again: keep the table small.
  if (Math.random() < 0.05) {
    await db
      .delete(schema.federationNonce)
      .where(lt(schema.federationNonce.createdAt, new Date(Date.now() - 2 * MAX_CLOCK_SKEW_SECONDS * 1000)));
  }
  return inserted.length === 0;
}

/** A pinned peer by its node id (where to deliver a message), or undefined. */
export async function peerByNode(db: Queryable, nodeId: string): Promise<Peer | undefined> {
  const [peer] = await db
    .select()
    .from(schema.federationPeer)
    .where(eq(schema.federationPeer.nodeId, nodeId));
  return peer;
}
