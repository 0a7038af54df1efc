import { issueRatingCode as issue, ZIssueRatingCodeRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** A new one-time rating code for the resident (the earlier one stops working). */
export const issueRatingCode = permittedProcedure('case.handle')
  .input(ZIssueRatingCodeRequest)
  .mutation(({ ctx, input }) => issue(ctx.tx, ctx.actor, input));
