import type { Database } from '@linju/db';
import { type NodeKey, signedFetch } from '@linju/federation';
import { peerByNode } from './peer-directory.ts';

/**
 * A signed GET to a node of the exchange, by its node id: the pinned directory gives its base URL
 * (never a URL a message named, so a peer cannot point this node anywhere else), this node's own
 * public URL over loopback. Answers undefined when the node is not pinned.
 */
export type PeerFetcher = (peerNode: string, path: string) => Promise<Response | undefined>;

export function createPeerFetcher(
  db: Database,
  node: { nodeId: string; publicUrl: string; key: Pick<NodeKey, 'kid' | 'privateKey'> },
): PeerFetcher {
  return async (peerNode, path) => {
    const baseUrl = peerNode === node.nodeId ? node.publicUrl : (await peerByNode(db, peerNode))?.baseUrl;
    if (!baseUrl) return undefined;
    return signedFetch({ baseUrl, method: 'GET', path, key: node.key.privateKey, kid: node.key.kid });
  };
}
