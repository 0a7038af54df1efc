import { reviseQuestionnaire, ZQuestionnaireIdRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** A new draft version of a frozen questionnaire. */
export const revise = permittedProcedure('questionnaire.manage')
  .input(ZQuestionnaireIdRequest)
  .mutation(({ ctx, input }) => reviseQuestionnaire(ctx.tx, ctx.actor, input));
