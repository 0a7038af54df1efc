import { transferCase, ZTransferRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

export const transfer = permittedProcedure('case.manage')
  .input(ZTransferRequest)
  .mutation(({ ctx, input }) => transferCase(ctx.tx, ctx.actor, input));
