import type { Queryable } from '@linju/db';
import { keyFingerprint } from '@linju/federation';
import { allowPeer, disallowPeer, peerAllowances } from './peer-allowance.ts';
import type { PeerChangeBy } from './peer-audit.ts';
import { listPeers } from './peer-directory.ts';

/** Every pinned peer as the console and `linju peer list` show it: keys with fingerprints, allowances. */
export async function peerOverview(db: Queryable) {
  const peers = await listPeers(db);
  return Promise.all(
    peers.map(async (peer) => ({
      nodeId: peer.nodeId,
      name: peer.name,
      baseUrl: peer.baseUrl,
      allowPrivateNetwork: peer.allowPrivateNetwork,
      pinnedAt: peer.addedAt,
      pinnedBy: peer.pinnedBy,
      keys: peer.publicKeys.map((key) => ({ kid: key.kid, fingerprint: keyFingerprint(key) })),
      allowed: await peerAllowances(db, peer.nodeId),
    })),
  );
}

/**
 * Makes a peer's allowances exactly `orgIds` (the console's checklist), in one transaction: each
 * one added or taken back is audited in its district's chain, the unchanged ones are not touched.
 */
export async function setPeerAllowances(
  db: Queryable,
  by: PeerChangeBy,
  input: { nodeId: string; orgIds: readonly string[] },
): Promise<{ allowed: string[] }> {
  return db.transaction(async (tx) => {
    const before = new Set(await peerAllowances(tx, input.nodeId));
    const wanted = new Set(input.orgIds);
    for (const orgId of wanted) if (!before.has(orgId)) await allowPeer(tx, input.nodeId, orgId, by);
    for (const orgId of before) if (!wanted.has(orgId)) await disallowPeer(tx, input.nodeId, orgId, by);
    return { allowed: await peerAllowances(tx, input.nodeId) };
  });
}
