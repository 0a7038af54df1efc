import type { KnowledgeCapabilities, PluginDb } from '@linju/plugin-sdk';
import { amountIn } from './amount-in.ts';
import { answerQuestion } from './answer-question.ts';
import { keepQuestion } from './kept-questions.ts';
import { scrubQuestion } from './scrub.ts';
import { servicesFor } from './topics.ts';

/**
 * Asks the assistant, on the public site or on a case: the question scrubbed of personal data
 * before anything sees it (the model included), answered, and kept with the services it matched.
 */
export async function askAssistant(
  ctx: { readonly db: PluginDb; readonly knowledge: KnowledgeCapabilities },
  asked: {
    readonly question: string;
    readonly amount?: number | undefined;
    readonly month: string;
    readonly caseId: string | null;
  },
): Promise<string> {
  const question = scrubQuestion(asked.question);
  const answer = await answerQuestion(ctx.knowledge, question);
  const services = servicesFor(answer.topic, await ctx.knowledge.services()).map((service) => service.id);
  return keepQuestion(ctx.db, {
    month: asked.month,
    caseId: asked.caseId,
    question,
    // An amount typed apart wins; else the one the question names (借了5万元).
    amountYuan: asked.amount ?? amountIn(question),
    services,
    answer,
  });
}
