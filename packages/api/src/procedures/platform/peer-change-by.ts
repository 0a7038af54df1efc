import { getPlatformOperator, type PeerChangeBy } from '@linju/core';
import type { Database } from '@linju/db';

/** The signed-in platform operator as the actor of a peer change: named in every audit entry. */
export async function peerChangeBy(
  db: Database,
  ctx: { operatorId: string; requestId?: string | null },
): Promise<PeerChangeBy> {
  const operator = await getPlatformOperator(db, ctx.operatorId);
  return {
    operatorId: ctx.operatorId,
    operatorName: operator?.displayName ?? 'platform operator',
    requestId: ctx.requestId ?? null,
  };
}
