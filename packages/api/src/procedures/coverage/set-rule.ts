import { setCoverageRule, ZCoverageRule } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** Sets the district's distance rule: metres of walking in towns and villages, and the walking factor. */
export const setRule = permittedProcedure('tenant.settings.manage')
  .input(ZCoverageRule)
  .mutation(({ ctx, input }) => setCoverageRule(ctx.tx, ctx.actor, input));
