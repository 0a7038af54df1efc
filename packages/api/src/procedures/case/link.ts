import { linkCases, ZLinkRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

export const link = permittedProcedure('case.manage')
  .input(ZLinkRequest)
  .mutation(({ ctx, input }) => linkCases(ctx.tx, ctx.actor, input));
