import { checkRatingCode } from '@linju/core';
import { z } from 'zod';
import { publicProcedure } from '../../trpc.ts';

/** No sign-in: whether a resident's one-time code can still be used, and for which district. */
export const check = publicProcedure
  .input(z.object({ code: z.string().trim().min(1, { message: 'validation.required' }).max(40) }))
  .query(({ ctx, input }) => checkRatingCode(ctx.db, input.code, ctx.ip));
