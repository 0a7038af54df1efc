import { listUnitAssignees, ZUnitAssigneesRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** Who may be assigned the cases a unit holds: for the assignment queue of whoever assigns there. */
export const unitAssignees = permittedProcedure('case.manage')
  .input(ZUnitAssigneesRequest)
  .query(({ ctx, input }) => listUnitAssignees(ctx.tx, ctx.actor, input));
