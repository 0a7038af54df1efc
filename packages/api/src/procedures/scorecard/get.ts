import { getScorecard, ZQuarter } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

/** 站点考核: a quarter's station scorecard, live for the district's readers, published for everyone. */
export const get = permittedProcedure('statistics.read')
  .input(z.object({ quarter: ZQuarter }))
  .query(({ ctx, input }) => getScorecard(ctx.tx, ctx.actor, input));
