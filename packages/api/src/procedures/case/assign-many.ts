import { assignCases, ZAssignManyRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** 批量分派 from the assignment queue: all the cases or none, each as `case.assign` would. */
export const assignMany = permittedProcedure('case.manage')
  .input(ZAssignManyRequest)
  .mutation(({ ctx, input }) => assignCases(ctx.tx, ctx.actor, input));
