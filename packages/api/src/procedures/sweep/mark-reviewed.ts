import { markSweepReviewed, ZSweepReviewedRequest } from '@linju/core';
import { tenantProcedure } from '../../trpc.ts';

export const markReviewed = tenantProcedure
  .input(ZSweepReviewedRequest)
  .mutation(({ ctx, input }) => markSweepReviewed(ctx.tx, ctx.actor, input));
