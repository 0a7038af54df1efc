import { PluginRuleError, publicProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { answerView } from '../answer-view.ts';
import { keptQuestion } from '../kept-questions.ts';

/** The public page: the form alone, or with the answer to the question it names (`asked`). */
export const answer = publicProcedure({
  kind: 'query',
  input: z.object({ asked: z.uuid().optional() }),
  run: async (ctx, input) => {
    if (!input.asked) return { answer: null };
    const kept = await keptQuestion(ctx.db, input.asked);
    if (!kept) throw new PluginRuleError('not-found', 'legal-assistant.answer_not_found');
    return { answer: await answerView(ctx.knowledge, kept) };
  },
});
