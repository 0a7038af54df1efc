import { getQuestionnaire, ZQuestionnaireIdRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** One questionnaire with its questions and rounds. */
export const get = permittedProcedure('questionnaire.read')
  .input(ZQuestionnaireIdRequest)
  .query(({ ctx, input }) => getQuestionnaire(ctx.tx, ctx.actor, input));
