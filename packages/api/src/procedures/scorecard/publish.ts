import { publishScorecard, ZQuarter } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

/** Publishes the quarter's scorecard as computed now; published figures never move. */
export const publish = permittedProcedure('scorecard.manage')
  .input(z.object({ quarter: ZQuarter }))
  .mutation(({ ctx, input }) => publishScorecard(ctx.tx, ctx.actor, input));
