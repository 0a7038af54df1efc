import type { Queryable } from '@linju/db';
import { deliverSigned, type NodeKey, type SignedDelivery, type SignedFetchInput } from '@linju/federation';
import { peerTarget } from './peer-target.ts';

/** This node as a sender: its id and public URL (where it reaches itself, over loopback) and its key. */
export type DeliveringNode = {
  nodeId: string;
  publicUrl: string;
  key: Pick<NodeKey, 'kid' | 'privateKey'>;
};

/** One message for a node of the exchange, named by its node id. */
export type PeerMessage = Pick<SignedFetchInput, 'method' | 'path' | 'body' | 'idempotencyKey'> & {
  peerNode: string;
  /** Who the attempt's messages name (`city@node`); the node id unless given. */
  peer?: string;
};

/**
 * One attempt at a message for a node of the exchange — a referral's create or event, a
 * district's statistics — sent where {@link peerTarget} says that node is (its pinned base URL, or
 * this node's own public URL over loopback: the same endpoint and checks either way). A node that
 * is not pinned is for a retry (the operator may pin it yet); the answer is sorted by
 * {@link deliverSigned}. The caller records the attempt where it keeps its messages.
 */
export async function deliverToPeer(
  db: Queryable,
  node: DeliveringNode,
  message: PeerMessage,
): Promise<SignedDelivery> {
  const target = await peerTarget(db, node, message.peerNode);
  if (!target) {
    return {
      outcome: 'retry',
      status: null,
      message: `node ${message.peerNode} is not in the pinned peer directory`,
    };
  }
  return deliverSigned({
    ...target,
    method: message.method,
    path: message.path,
    ...(message.body === undefined ? {} : { body: message.body }),
    ...(message.idempotencyKey === undefined ? {} : { idempotencyKey: message.idempotencyKey }),
    key: node.key.privateKey,
    kid: node.key.kid,
    peer: message.peer ?? message.peerNode,
  });
}
