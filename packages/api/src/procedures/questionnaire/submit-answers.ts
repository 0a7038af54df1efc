import { submitAnswers as submitQuestionnaireAnswers, ZSubmitAnswersRequest } from '@linju/core';
import { publicProcedure } from '../../trpc.ts';

/** No sign-in: a resident's answers, with a one-time code or through a public link. */
export const submitAnswers = publicProcedure
  .input(ZSubmitAnswersRequest)
  .mutation(({ ctx, input }) => submitQuestionnaireAnswers(ctx.db, input, ctx.ip));
