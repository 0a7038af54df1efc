import { contractAdviser, ZContractAdviserRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

export const create = permittedProcedure('adviser.manage')
  .input(ZContractAdviserRequest)
  .mutation(async ({ ctx, input }) => {
    const { tenantId: _, ...adviser } = await contractAdviser(ctx.tx, ctx.actor, input);
    return adviser;
  });
