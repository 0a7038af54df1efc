import type { StatuteArticle } from '@linju/plugin-sdk';

/**
 * The matters the assistant recognises in a question, each with the services that fit it (ids of
 * the district's services, in the order they are offered) and the kind of court case it would be,
 * which sets the court fee. A small table on purpose: the bureau reads it in this file.
 */
export const TOPICS = [
  {
    id: 'debt',
    words: ['借钱', '借款', '借条', '欠条', '欠款', '欠钱', '还钱', '不还', '讨债', '债务'],
    laws: [],
    services: ['mediation', 'consultation', 'legal-aid'],
    litigation: 'property',
  },
  {
    id: 'wages',
    words: ['工资', '欠薪', '劳动报酬', '加班费', '辞退', '开除', '劳动合同', '工伤', '社保', '经济补偿'],
    laws: ['中华人民共和国劳动合同法', '中华人民共和国劳动争议调解仲裁法', '中华人民共和国劳动法'],
    services: ['legal-aid', 'mediation', 'consultation'],
    litigation: 'labour',
  },
  {
    id: 'divorce',
    words: ['离婚', '抚养', '抚养费', '探望', '夫妻', '彩礼'],
    laws: [],
    services: ['mediation', 'consultation'],
    litigation: 'divorce',
  },
  {
    id: 'neighbours',
    words: ['邻居', '噪音', '漏水', '相邻', '通行', '采光', '物业'],
    laws: [],
    services: ['mediation', 'consultation'],
    litigation: 'other-non-property',
  },
  {
    id: 'personality',
    words: ['名誉', '隐私', '肖像', '诽谤', '造谣'],
    laws: [],
    services: ['consultation', 'mediation'],
    litigation: 'personality-rights',
  },
] as const;

export type Topic = (typeof TOPICS)[number];
export type TopicId = Topic['id'] | 'general';

/** A question no row matches: a lawyer answers it first. */
const GENERAL = { id: 'general', services: ['consultation'], litigation: 'other-non-property' } as const;

/**
 * The matter of a question: the first row whose words it uses, else the first whose laws the
 * retrieved articles belong to (工资 asked as 老板不给钱 still finds 劳动合同法), else general.
 */
export function topicOf(
  question: string,
  articles: readonly Pick<StatuteArticle, 'law'>[],
): {
  readonly id: TopicId;
  readonly services: readonly string[];
  readonly litigation: Topic['litigation'];
} {
  const byWords = TOPICS.find((topic) => topic.words.some((word) => question.includes(word)));
  if (byWords) return byWords;
  const laws = new Set(articles.map((article) => article.law));
  return TOPICS.find((topic) => topic.laws.some((law) => laws.has(law))) ?? GENERAL;
}

/** The district's services that fit, in the topic's order: only those switched on somewhere in it. */
export function servicesFor<TService extends { readonly id: string }>(
  topic: { readonly services: readonly string[] },
  offered: readonly TService[],
): TService[] {
  return topic.services.flatMap((id) => offered.filter((service) => service.id === id));
}
