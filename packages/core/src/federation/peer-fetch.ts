import type { Database } from '@linju/db';
import { type NodeKey, signedFetch } from '@linju/federation';
import { peerTarget } from './peer-target.ts';

/**
 * A signed GET to a node of the exchange, by its node id, where {@link peerTarget} says it is.
 * Answers undefined when the node is not pinned.
 */
export type PeerFetcher = (peerNode: string, path: string) => Promise<Response | undefined>;

export function createPeerFetcher(
  db: Database,
  node: { nodeId: string; publicUrl: string; key: Pick<NodeKey, 'kid' | 'privateKey'> },
): PeerFetcher {
  return async (peerNode, path) => {
    const target = await peerTarget(db, node, peerNode);
    if (!target) return undefined;
    return signedFetch({ ...target, method: 'GET', path, key: node.key.privateKey, kid: node.key.kid });
  };
}
