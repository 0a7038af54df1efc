import { openRound as openQuestionnaireRound, ZOpenRoundRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** Sends a questionnaire: a round with one-time codes for the invited and/or a public link. */
export const openRound = permittedProcedure('questionnaire.manage')
  .input(ZOpenRoundRequest)
  .mutation(({ ctx, input }) => openQuestionnaireRound(ctx.tx, ctx.actor, input));
