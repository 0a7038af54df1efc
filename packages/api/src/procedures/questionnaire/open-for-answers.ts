import { openQuestionnaireForAnswers } from '@linju/core';
import { z } from 'zod';
import { publicProcedure } from '../../trpc.ts';

/** No sign-in: the questionnaire a resident's code or a public link opens. */
export const openForAnswers = publicProcedure
  .input(z.object({ code: z.string().trim().min(1, { message: 'validation.required' }).max(40) }))
  .query(({ ctx, input }) => openQuestionnaireForAnswers(ctx.db, input.code, ctx.ip));
