import type { Queryable } from '@linju/db';
import { FEE_REGULATION_ARTICLES } from '@linju/litigation-fee';
import type { KnowledgeCapabilities, StatuteArticle } from '@linju/plugin-sdk';
import { checkCitations, findArticle, type StatuteHit, searchStatutes } from '@linju/statutes';
import { STATUTE_IN_FORCE } from '@linju/vocabulary';

/** The most articles one search answers: a page shows a handful, never the library. */
const MOST_ARTICLES = 20;

const articleOf = (hit: StatuteHit): StatuteArticle => ({
  law: hit.law,
  article: hit.article,
  label: hit.label,
  text: hit.text,
  status: hit.status,
});

/** The statute library as plugins read it: national law in platform tables, the same in every district. */
export function statuteLibrary(db: Queryable): KnowledgeCapabilities['statutes'] {
  return {
    async search(question, limit = 5) {
      const hits = await searchStatutes(db, question, Math.min(Math.max(1, limit), MOST_ARTICLES));
      return hits.map(articleOf);
    },
    async article(law, article) {
      const found = await findArticle(db, law, String(article));
      if (found.found !== 'article') return null;
      const { lawStatus, ...hit } = found.article;
      // An article of a law no longer in force stands as its law does.
      return articleOf(STATUTE_IN_FORCE.includes(lawStatus) ? hit : { ...hit, status: lawStatus });
    },
    async checkCitations(text) {
      // The court fee's basis, a State Council regulation the library (national laws) does not hold.
      const verdicts = await checkCitations(db, text, FEE_REGULATION_ARTICLES);
      return verdicts.map((v) => ({
        written: v.written,
        index: v.index,
        law: v.lawName ?? v.law,
        article: v.article,
        verdict: v.verdict,
      }));
    },
  };
}
