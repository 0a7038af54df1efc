import { setPeerAllowances } from '@linju/core';
import { z } from 'zod';
import { platformProcedure } from '../../trpc.ts';
import { peerChangeBy } from './peer-change-by.ts';

/** The organisations of this node a peer may address, as checked on the console's list. */
export const setPeerAllowancesProcedure = platformProcedure
  .input(
    z.object({ nodeId: z.string().min(1).max(200), orgIds: z.array(z.string().min(1).max(200)).max(1000) }),
  )
  .mutation(async ({ ctx, input }) => setPeerAllowances(ctx.db, await peerChangeBy(ctx.db, ctx), input));
