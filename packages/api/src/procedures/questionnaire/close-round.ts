import { closeRound as closeQuestionnaireRound, ZRoundIdRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** Ends a round early: no more answers. */
export const closeRound = permittedProcedure('questionnaire.manage')
  .input(ZRoundIdRequest)
  .mutation(({ ctx, input }) => closeQuestionnaireRound(ctx.tx, ctx.actor, input));
