import { listCaseAssignees, ZCaseAssigneesRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** The staff who can be assigned the case: for the assign form of whoever manages it. */
export const assignees = permittedProcedure('case.manage')
  .input(ZCaseAssigneesRequest)
  .query(({ ctx, input }) => listCaseAssignees(ctx.tx, ctx.actor, input));
