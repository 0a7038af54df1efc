import type { Database, Queryable } from '@linju/db';
import { type NodeKey, signedFetch } from '@linju/federation';
import { peerByNode } from './peer-directory.ts';

/**
 * A signed GET to a node of the exchange, by its node id: the pinned directory gives its base URL
 * (never a URL a message named, so a peer cannot point this node anywhere else), this node's own
 * public URL over loopback. Answers undefined when the node is not pinned. Inside a transaction,
 * pass it as `via`: the directory is then read through it, not through a second connection of
 * the pool (refused: it can deadlock the pool).
 */
export type PeerFetcher = (peerNode: string, path: string, via?: Queryable) => Promise<Response | undefined>;

export function createPeerFetcher(
  db: Database,
  node: { nodeId: string; publicUrl: string; key: Pick<NodeKey, 'kid' | 'privateKey'> },
): PeerFetcher {
  return async (peerNode, path, via) => {
    const baseUrl =
      peerNode === node.nodeId ? node.publicUrl : (await peerByNode(via ?? db, peerNode))?.baseUrl;
    if (!baseUrl) return undefined;
    return signedFetch({ baseUrl, method: 'GET', path, key: node.key.privateKey, kid: node.key.kid });
  };
}
