import { rateWithCode, ZRateWithCodeRequest } from '@linju/core';
import { publicProcedure } from '../../trpc.ts';

/** No sign-in: the resident's own satisfaction rating, with their one-time code. */
export const submit = publicProcedure
  .input(ZRateWithCodeRequest)
  .mutation(({ ctx, input }) => rateWithCode(ctx.db, input, ctx.ip));
