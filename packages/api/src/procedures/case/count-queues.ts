import { countCaseQueues, ZCaseQueueCountsRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** How many cases each queue holds for the signed-in person (capped): the counts on Today. */
export const countQueues = permittedProcedure('case.read')
  .input(ZCaseQueueCountsRequest)
  .query(({ ctx, input }) => countCaseQueues(ctx.tx, ctx.actor, input));
