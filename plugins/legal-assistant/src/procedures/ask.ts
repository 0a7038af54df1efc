import { dayIn, publicProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { askAssistant } from '../ask-assistant.ts';
import { ZAmount, ZQuestion } from '../ask-input.ts';

/**
 * A resident's question on the public site (no phone needed): answered, kept without personal
 * data, and named by its id so the page shows the answer without the question in the address.
 */
export const ask = publicProcedure({
  kind: 'mutation',
  input: z.object({ question: ZQuestion, amount: ZAmount.optional() }),
  run: async (ctx, input) => {
    const month = dayIn(new Date(), await ctx.timeZone()).slice(0, 7);
    const id = await askAssistant(ctx, { ...input, month, caseId: null });
    // The entry names the kept question, never its words: the audit log is no store of questions.
    await ctx.db.audit({
      action: 'legal-assistant.question.asked',
      objectType: 'legal_assistant_question',
      objectId: id,
    });
    return { id };
  },
});
