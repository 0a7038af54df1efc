import { createQuestionnaire, ZCreateQuestionnaireRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** Defines a questionnaire of a unit, as a draft. */
export const create = permittedProcedure('questionnaire.manage')
  .input(ZCreateQuestionnaireRequest)
  .mutation(({ ctx, input }) => createQuestionnaire(ctx.tx, ctx.actor, input));
