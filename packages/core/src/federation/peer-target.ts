import type { Queryable } from '@linju/db';
import { peerByNode } from './peer-directory.ts';

/** Where this node reaches a node of the exchange, and whether a private address is allowed there. */
export type PeerTarget = { baseUrl: string; allowPrivateNetwork: boolean };

/**
 * The one answer to "where do we send this node's messages": the pinned directory's base URL
 * (never a URL a message named, so a peer cannot point this node anywhere else) with the
 * operator's private-network choice, or this node's own public URL over loopback (which may well
 * be private: it is us). Undefined for a node that is not pinned.
 */
export async function peerTarget(
  db: Queryable,
  self: { nodeId: string; publicUrl: string },
  peerNode: string,
): Promise<PeerTarget | undefined> {
  if (peerNode === self.nodeId) return { baseUrl: self.publicUrl, allowPrivateNetwork: true };
  const peer = await peerByNode(db, peerNode);
  return peer && { baseUrl: peer.baseUrl, allowPrivateNetwork: peer.allowPrivateNetwork };
}
