import { anyCaseProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { answerView } from '../answer-view.ts';
import { lastQuestionOnCase } from '../kept-questions.ts';

/** The case's 法律知识 screen: the question filled in from the case's description, and the last answer. */
export const caseTools = anyCaseProcedure({
  kind: 'query',
  permission: 'legal-assistant.case.view',
  input: z.object({ caseId: z.uuid() }),
  run: async (ctx) => {
    const kept = await lastQuestionOnCase(ctx.db, ctx.case.id);
    return {
      case: { number: ctx.case.number, description: ctx.case.description },
      answer: kept ? await answerView(ctx.knowledge, kept) : null,
    };
  },
});
