import { pinPeerFromUrl, ZPeerPinRequest } from '@linju/core';
import { platformProcedure } from '../../trpc.ts';
import { peerChangeBy } from './peer-change-by.ts';

/** Pins the peer as previewed: refused when its node or keys are no longer what was shown. */
export const pinPeerProcedure = platformProcedure.input(ZPeerPinRequest).mutation(async ({ ctx, input }) => {
  const peer = await pinPeerFromUrl(ctx.db, await peerChangeBy(ctx.db, ctx), input);
  return { nodeId: peer.nodeId, baseUrl: peer.baseUrl };
});
