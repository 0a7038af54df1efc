import type { KnowledgeCapabilities, LocalizedText } from '@linju/plugin-sdk';
import { ARTICLES_PER_ANSWER } from './answer-question.ts';
import { citationOf } from './citation.ts';
import { composeAnswer } from './compose-answer.ts';
import type { KeptQuestion } from './kept-questions.ts';
import { servicesFor, topicOf } from './topics.ts';
import { waysToResolve } from './ways-to-resolve.ts';

/** How many reference cases an answer shows. */
const CASES_PER_ANSWER = 3;

/**
 * Everything a kept question's answer shows, in both languages: the answer with its citations
 * verified (marked in place by the screen), the articles (text, link, verdict), similar reference cases, the district's
 * services that fit with their median days, and the ways to resolve it side by side.
 */
export async function answerView(knowledge: KnowledgeCapabilities, kept: KeptQuestion) {
  const articles = await knowledge.statutes.search(kept.question, ARTICLES_PER_ANSWER);
  const topic = topicOf(kept.question, articles);
  const template = composeAnswer(topic.id, articles);
  // The model's phrasing was checked when it answered; it is checked again as it is shown.
  const text: LocalizedText = {
    'zh-CN': kept.modelOutcome === 'answered' ? kept.answer : template['zh-CN'],
    en: template.en,
  };
  const answer = {
    'zh-CN': { text: text['zh-CN'], citations: await knowledge.statutes.checkCitations(text['zh-CN']) },
    en: { text: text.en, citations: await knowledge.statutes.checkCitations(text.en) },
  };
  const citations = articles.map(citationOf);
  const checks = await knowledge.statutes.checkCitations(citations.join('\n'));
  const offered = await knowledge.services();
  return {
    question: kept.question,
    amountYuan: kept.amountYuan,
    topic: topic.id,
    answer,
    articles: articles.map((article, i) => ({
      citation: citations[i] ?? '',
      law: article.law,
      article: article.article,
      text: article.text,
      verdict: checks.find((check) => check.written === citations[i])?.verdict ?? null,
    })),
    cases: await knowledge.similarCases(kept.question, CASES_PER_ANSWER),
    services: servicesFor(topic, offered).map(({ id, name, description, medianDays, applyPath }) => ({
      id,
      name,
      description,
      medianDays,
      applyPath,
    })),
    paths: waysToResolve(topic, kept.amountYuan, offered),
  };
}

export type AnswerView = Awaited<ReturnType<typeof answerView>>;
