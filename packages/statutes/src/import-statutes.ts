import type { Sql } from 'postgres';
import type { StatuteCorpus } from './statute-corpus.ts';
import { statuteIndex } from './statute-index.ts';

/** Rows per insert: well under PostgreSQL's parameter limit, few round trips. */
const BATCH = 20_000;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

/**
 * Loads a corpus into the library in one transaction, as the database owner (the app role only
 * reads it): each law in the corpus replaces that law's earlier rows, other laws stay, and the
 * search index is rebuilt over the whole library (its weights depend on every article). Importing
 * the same corpus twice leaves the same library.
 */
export async function importStatutes(
  sql: Sql,
  corpus: StatuteCorpus,
): Promise<{ laws: number; articles: number; terms: number }> {
  const loaded = await sql.begin(async (tx) => {
    // Two imports at once would each rebuild the index from what they see: one waits for the other.
    await tx`select pg_advisory_xact_lock(hashtext('statute_library'))`;
    for (const law of corpus.laws) {
      await tx`
        insert into statute_law (id, name, short_name, kind, status, department, issued_by, promulgated_on, effective_on)
        values (${law.id}, ${law.name}, ${law.shortName}, ${law.kind}, ${law.status}, ${law.department ?? null},
                ${law.issuedBy ?? null}, ${law.promulgatedOn ?? null}, ${law.effectiveOn ?? null})
        on conflict (id) do update set name = excluded.name, short_name = excluded.short_name, kind = excluded.kind,
          status = excluded.status, department = excluded.department, issued_by = excluded.issued_by,
          promulgated_on = excluded.promulgated_on, effective_on = excluded.effective_on`;
    }
    await tx`delete from statute_article where law_id = any(${corpus.laws.map((l) => l.id)}::text[])`;
    const seqOf = new Map<string, number>();
    const articles = corpus.articles.map((a) => {
      const seq = (seqOf.get(a.lawId) ?? 0) + 1;
      seqOf.set(a.lawId, seq);
      return { ...a, seq };
    });
    for (const part of chunks(articles)) {
      // As one JSON document: unnest's arrays cannot carry the null number of a text kept whole.
      await tx`
        insert into statute_article (law_id, seq, label, number, chapter, text, status)
        select law_id, seq, label, number, chapter, text, status
        from jsonb_to_recordset(${JSON.stringify(part.map((a) => ({ law_id: a.lawId, seq: a.seq, label: a.label, number: a.number ?? null, chapter: a.chapter ?? null, text: a.text, status: a.status })))}::text::jsonb)
          as a (law_id text, seq int, label text, number int, chapter text, text text, status text)`;
    }

    const library = await tx<
      { lawId: string; seq: number; shortName: string; chapter: string | null; text: string }[]
    >`
      select a.law_id as "lawId", a.seq, l.short_name as "shortName", a.chapter, a.text
      from statute_article a join statute_law l on l.id = a.law_id`;
    const terms = statuteIndex(library);
    await tx`delete from statute_term`;
    for (const part of chunks(terms)) {
      await tx`
        insert into statute_term (term, law_id, seq, weight)
        select * from unnest(${part.map((t) => t.term)}::text[], ${part.map((t) => t.lawId)}::text[],
          ${part.map((t) => t.seq)}::int[], ${part.map((t) => t.weight)}::real[])`;
    }
    return { laws: corpus.laws.length, articles: articles.length, terms: terms.length };
  });
  // Fresh statistics and visibility map: searches then read the postings from the index alone.
  await sql`vacuum analyze statute_term`;
  return loaded;
}
