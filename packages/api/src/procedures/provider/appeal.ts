import {
  decideProviderAppeal,
  fileProviderAppeal,
  ZDecideAppealRequest,
  ZFileAppealRequest,
} from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

export const fileAppeal = permittedProcedure('provider.manage')
  .input(ZFileAppealRequest)
  .mutation(({ ctx, input }) => fileProviderAppeal(ctx.tx, ctx.actor, input));

/** Upheld leaves the record standing; lifted ends it at once. */
export const decideAppeal = permittedProcedure('provider.manage')
  .input(ZDecideAppealRequest)
  .mutation(({ ctx, input }) => decideProviderAppeal(ctx.tx, ctx.actor, input));
