import { listAssessmentResults, ZAssessmentListRequest } from '@linju/core';
import { tenantProcedure } from '../../trpc.ts';

/** Third-party assessment results per period and service point, within the user's units. */
export const getMany = tenantProcedure
  .input(ZAssessmentListRequest)
  .query(({ ctx, input }) => listAssessmentResults(ctx.tx, ctx.actor, input));
