import { segment } from './segment.ts';

/** BM25's usual constants: how fast a term's repeats saturate, how much a long article is discounted. */
const K1 = 1.2;
const B = 0.75;
/**
 * Terms in more than this share of articles (人民, 国家, 规定 …) are left out of the index: their
 * weight is near nothing, and their long posting lists are what a search would spend its time on.
 */
const COMMON_TERM_SHARE = 0.05;

type IndexedArticle = { lawId: string; seq: number; shortName: string; chapter: string | null; text: string };

/**
 * Every term of every article with its BM25 weight (idf × saturated, length-normalised term
 * frequency). An article is indexed with its law's short name and its chapter, so 劳动合同法 or
 * 婚姻家庭 in a question finds the articles under them.
 */
export function statuteIndex(articles: IndexedArticle[]) {
  const documents = articles.map((a) => {
    const terms = segment(`${a.shortName} ${a.chapter ?? ''} ${a.text}`);
    const frequency = new Map<string, number>();
    for (const term of terms) frequency.set(term, (frequency.get(term) ?? 0) + 1);
    return { article: a, length: terms.length, frequency };
  });
  const documentFrequency = new Map<string, number>();
  for (const d of documents) {
    for (const term of d.frequency.keys())
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const count = documents.length;
  const averageLength = documents.reduce((sum, d) => sum + d.length, 0) / Math.max(count, 1);
  const common = count * COMMON_TERM_SHARE;
  return documents.flatMap(({ article, length, frequency }) =>
    [...frequency].flatMap(([term, tf]) => {
      const df = documentFrequency.get(term) ?? 0;
      if (df > common && count >= 1000) return [];
      const idf = Math.log(1 + (count - df + 0.5) / (df + 0.5));
      return [
        {
          term,
          lawId: article.lawId,
          seq: article.seq,
          weight: (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / averageLength)),
        },
      ];
    }),
  );
}
