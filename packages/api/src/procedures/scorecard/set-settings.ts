import { setScorecardSettings, ZScorecardSettingsRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** Sets the district's weights and satisfaction grading together (a grade's points are bounded by the weight). */
export const setSettings = permittedProcedure('scorecard.manage')
  .input(ZScorecardSettingsRequest)
  .mutation(({ ctx, input }) => setScorecardSettings(ctx.tx, ctx.actor, input));
