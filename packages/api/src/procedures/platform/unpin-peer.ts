import { unpinPeer } from '@linju/core';
import { z } from 'zod';
import { platformProcedure } from '../../trpc.ts';
import { peerChangeBy } from './peer-change-by.ts';

/** Forgets a peer and what it could address here: its messages are refused from then on. */
export const unpinPeerProcedure = platformProcedure
  .input(z.object({ nodeId: z.string().min(1).max(200) }))
  .mutation(async ({ ctx, input }) => {
    await unpinPeer(ctx.db, input.nodeId, await peerChangeBy(ctx.db, ctx));
    return { nodeId: input.nodeId };
  });
