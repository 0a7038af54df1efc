import { assignCase, ZAssignRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** Refused with `case.conflict_of_interest` until a `conflictReason` is given, when the check finds one. */
export const assign = permittedProcedure('case.manage')
  .input(ZAssignRequest)
  .mutation(({ ctx, input }) => assignCase(ctx.tx, ctx.actor, input));
