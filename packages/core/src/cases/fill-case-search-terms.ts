import { type Queryable, sql } from '@linju/db';
import { caseTextTerms, tsvectorOf } from './case-text-terms.ts';

/**
 * Gives the cases without words (`search_terms` null: written before search by words, or by the
 * previous release during a rolling upgrade) their words, `batch` at a time in separate
 * statements; the null column is the progress, so a re-run picks up what is left. Run by the
 * upgrade step as the owner, across districts. A derived index of a description nobody changes:
 * no audit entry, as for an index PostgreSQL builds.
 */
export async function fillCaseSearchTerms(db: Queryable, batch = 5000): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = (await db.execute(
      sql`select tenant_id, id, description from "case" where search_terms is null limit ${batch}`,
    )) as unknown as { tenant_id: string; id: string; description: string }[];
    if (rows.length === 0) return filled;
    await db.execute(sql`update "case" c set search_terms = v.terms::tsvector
      from unnest(${sql.param(rows.map((r) => r.tenant_id))}::uuid[], ${sql.param(rows.map((r) => r.id))}::uuid[],
        ${sql.param(rows.map((r) => tsvectorOf(caseTextTerms(r.description))))}::text[]) v(tenant_id, id, terms)
      where c.tenant_id = v.tenant_id and c.id = v.id and c.search_terms is null`);
    filled += rows.length;
  }
}
