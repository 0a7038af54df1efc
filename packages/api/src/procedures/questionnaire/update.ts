import { updateQuestionnaire, ZUpdateQuestionnaireRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** Changes a draft questionnaire; refused once it has been sent (frozen). */
export const update = permittedProcedure('questionnaire.manage')
  .input(ZUpdateQuestionnaireRequest)
  .mutation(({ ctx, input }) => updateQuestionnaire(ctx.tx, ctx.actor, input));
