import type { Database, Queryable } from '@linju/db';
import { signedFetch } from '@linju/federation';
import type { DeliveringNode } from './peer-delivery.ts';
import { peerTarget } from './peer-target.ts';

/**
 * A signed GET to a node of the exchange, by its node id, where {@link peerTarget} says it is.
 * Answers undefined when the node is not pinned. Inside a transaction, pass it as `via`: the
 * directory is then read through it, not through a second connection of the pool (refused: it can
 * deadlock the pool).
 */
export type PeerFetcher = (peerNode: string, path: string, via?: Queryable) => Promise<Response | undefined>;

export function createPeerFetcher(db: Database, node: DeliveringNode): PeerFetcher {
  return async (peerNode, path, via) => {
    const target = await peerTarget(via ?? db, node, peerNode);
    if (!target) return undefined;
    return signedFetch({ ...target, method: 'GET', path, key: node.key.privateKey, kid: node.key.kid });
  };
}
