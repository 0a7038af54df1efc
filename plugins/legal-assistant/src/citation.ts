import type { StatuteArticle } from '@linju/plugin-sdk';

/** The law's name as people cite it: 中华人民共和国民法典 → 民法典. */
export const shortLawName = (law: string) => law.replace(/^中华人民共和国/, '');

/** An article as a citation the library checks: 《民法典》第六百七十五条 (a text kept whole: its name alone). */
export const citationOf = (article: Pick<StatuteArticle, 'law' | 'article' | 'label'>) =>
  `《${shortLawName(article.law)}》${article.article === null ? '' : article.label}`;
