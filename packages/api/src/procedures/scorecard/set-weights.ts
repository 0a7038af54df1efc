import { setScorecardWeights, ZScorecardWeightsRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

export const setWeights = permittedProcedure('scorecard.manage')
  .input(ZScorecardWeightsRequest)
  .mutation(({ ctx, input }) => setScorecardWeights(ctx.tx, ctx.actor, input));
