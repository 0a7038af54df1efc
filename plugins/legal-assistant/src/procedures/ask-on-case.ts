import { anyCaseProcedure, pluginMessage } from '@linju/plugin-sdk';
import { z } from 'zod';
import { askAssistant } from '../ask-assistant.ts';
import { ZAmount, ZQuestion } from '../ask-input.ts';
import { messages } from '../messages.ts';

/**
 * Staff ask the assistant on a case of any service: answered and kept like a resident's question
 * (scrubbed), named by the case so its tools screen shows the answer; the case's timeline says so.
 */
export const askOnCase = anyCaseProcedure({
  kind: 'mutation',
  permission: 'legal-assistant.case.ask',
  input: z.object({ caseId: z.uuid(), question: ZQuestion, amount: ZAmount.optional() }),
  run: async (ctx, input) => {
    const id = await askAssistant(ctx, {
      question: input.question,
      amount: input.amount,
      month: (await ctx.calendar.today()).slice(0, 7),
      caseId: ctx.case.id,
    });
    await ctx.recordOnTimeline({
      text: pluginMessage(messages, 'zh-CN', 'legal-assistant.timeline.asked'),
      action: 'legal-assistant.question.asked',
      data: { questionId: id },
    });
    return { id };
  },
});
