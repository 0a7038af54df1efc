import type { KnowledgeCapabilities, PhraseResult } from '@linju/plugin-sdk';
import { composeAnswer } from './compose-answer.ts';
import { topicOf } from './topics.ts';

/** How many articles an answer rests on and shows. */
export const ARTICLES_PER_ANSWER = 5;

/** What the assistant answers a (scrubbed) question, before it is shown. */
export interface Answer {
  readonly topic: ReturnType<typeof topicOf>;
  /** The Chinese answer shown: the model's when it answered within its articles, the template otherwise. */
  readonly text: string;
  readonly modelOutcome: 'none' | PhraseResult['kind'];
}

/**
 * The answer to a question: the articles the library finds for it, phrased by the operator's model
 * when there is one and every citation it wrote checks out; else (no model, a refused or failed
 * answer) the template answer. A refused text is never kept nor shown.
 */
export async function answerQuestion(knowledge: KnowledgeCapabilities, question: string): Promise<Answer> {
  const articles = await knowledge.statutes.search(question, ARTICLES_PER_ANSWER);
  const topic = topicOf(question, articles);
  const template = composeAnswer(topic.id, articles)['zh-CN'];
  if (!knowledge.languageModel) return { topic, text: template, modelOutcome: 'none' };
  const phrased = await knowledge.languageModel.phrase({ question, articles, locale: 'zh-CN' });
  return {
    topic,
    text: phrased.kind === 'answered' ? phrased.text : template,
    modelOutcome: phrased.kind,
  };
}
