import type { KeyObject } from 'node:crypto';
import { asc, type Database, eq, lt, type Queryable, schema, sql } from '@linju/db';
import {
  MAX_CLOCK_SKEW_SECONDS,
  publicKeyFromJwk,
  type WellKnownDocument,
  wellKnownDocumentSchema,
} from '@linju/federation';
import { DomainError } from '../errors.ts';

export type Peer = typeof schema.federationPeer.$inferSelect;

/**
 * Pins a peer from its well-known document (fetched by the operator and checked by them): its
 * node id, base URL, keys and the organisations it serves (the districts it may report
 * statistics for). Pinning again replaces them (a peer's key rotation). `allowPrivateNetwork`
 * lets this node call it at a loopback or private address: an explicit choice at every pin.
 */
export async function pinPeer(
  db: Queryable,
  document: unknown,
  options: { allowPrivateNetwork?: boolean } = {},
): Promise<Peer> {
  const parsed = wellKnownDocumentSchema.safeParse(document);
  if (!parsed.success) throw parsed.error;
  const doc: WellKnownDocument = parsed.data;
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
  };
  const [peer] = await db
    .insert(schema.federationPeer)
    .values(values)
    .onConflictDoUpdate({ target: schema.federationPeer.nodeId, set: { ...values, addedAt: new Date() } })
    .returning();
  if (!peer) throw new Error('peer insert returned no row');
  return peer;
}

export const listPeers = (db: Queryable) =>
  db.select().from(schema.federationPeer).orderBy(asc(schema.federationPeer.nodeId));

export async function unpinPeer(db: Queryable, nodeId: string): Promise<void> {
  const removed = await db
    .delete(schema.federationPeer)
    .where(eq(schema.federationPeer.nodeId, nodeId))
    .returning();
  if (removed.length === 0)
    throw new DomainError('not-found', 'federation.peer_not_found', { field: 'nodeId' });
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
