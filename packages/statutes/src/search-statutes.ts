import { type Queryable, sql } from '@linju/db';
import type { StatuteStatus } from '@linju/vocabulary';
import { legalTermsFor } from './legal-terms.ts';
import { segment } from './segment.ts';

export type StatuteHit = {
  law: string;
  /** Null for a text kept whole (a decision, 全文). */
  article: number | null;
  label: string;
  text: string;
  status: StatuteStatus;
};

/** How much more an article of a law the question names counts (劳动合同法, 民法典 …). */
const NAMED_LAW_BOOST = 1.5;
/**
 * The best-scored articles that are then ordered by standing: reading every matching article's
 * status would cost more than the search, and among this many there is always one in force.
 */
const CANDIDATES = 200;

/** The question's terms, each weighted by how often its words and the legal terms they map to name it. */
function questionTerms(question: string) {
  const weights = new Map<string, number>();
  for (const term of [...segment(question), ...legalTermsFor(question)])
    weights.set(term, (weights.get(term) ?? 0) + 1);
  return weights;
}

/**
 * The articles that best answer a question in plain Chinese: its words (segmented as the articles
 * were) and the legal terms they map to, scored by the BM25 weights of the index; articles of a law
 * the question names count more. Articles in force come before any repealed or superseded one, so
 * a resident is never first shown law that no longer applies.
 */
export async function searchStatutes(db: Queryable, question: string, limit: number): Promise<StatuteHit[]> {
  const weights = questionTerms(question);
  if (weights.size === 0) return [];
  return db.execute<StatuteHit>(sql`
    with question (term, weight) as (
      select * from jsonb_to_recordset(${JSON.stringify([...weights].map(([term, weight]) => ({ term, weight })))}::jsonb)
        as q (term text, weight real)
    ),
    named as (select id from statute_law where position(short_name in ${question}) > 0),
    scored as (
      select t.law_id, t.seq,
        sum(t.weight * q.weight) * case when t.law_id in (select id from named) then ${NAMED_LAW_BOOST}::real else 1 end
          as score
      from statute_term t join question q on q.term = t.term
      group by t.law_id, t.seq
    ),
    best as (select * from scored order by score desc limit ${CANDIDATES})
    select l.name as law, a.number as article, a.label, a.text, a.status
    from best s
    join statute_article a on a.law_id = s.law_id and a.seq = s.seq
    join statute_law l on l.id = a.law_id
    order by a.status in ('current', 'amended') and l.status in ('current', 'amended') desc, s.score desc, l.name, a.seq
    limit ${limit}`);
}
