import { type Queryable, sql } from '@linju/db';
import type { StatuteStatus } from '@linju/vocabulary';
import { parseArticleNumber } from './article-number.ts';
import type { StatuteHit } from './search-statutes.ts';

export type ArticleLookup =
  | { found: 'article'; article: StatuteHit & { lawStatus: StatuteStatus } }
  | { found: 'no-law'; law: string }
  | { found: 'no-article'; law: string; article: number }
  | { found: 'bad-number'; law: string; written: string };

/**
 * One article by its law's full or short name (中华人民共和国民法典 or 民法典, with or without 《》)
 * and its number as written (1254, 第一千二百五十四条). Of two versions of a law, the one in force
 * answers; of 第十七条 and 第十七条之一, the article itself.
 */
export async function findArticle(db: Queryable, lawName: string, written: string): Promise<ArticleLookup> {
  const name = lawName.replace(/^《|》$/g, '').trim();
  const [law] = await db.execute<{ id: string; name: string; status: StatuteStatus }>(sql`
    select id, name, status from statute_law where name = ${name} or short_name = ${name}
    order by status in ('current', 'amended') desc, effective_on desc nulls last limit 1`);
  if (!law) return { found: 'no-law', law: name };
  const number = parseArticleNumber(written);
  if (number === undefined) return { found: 'bad-number', law: law.name, written };
  const [article] = await db.execute<StatuteHit>(sql`
    select ${law.name} as law, number as article, label, text, status
    from statute_article where law_id = ${law.id} and number = ${number} order by seq limit 1`);
  if (!article) return { found: 'no-article', law: law.name, article: number };
  return { found: 'article', article: { ...article, lawStatus: law.status } };
}
