import { STATUTE_STATUSES } from '@linju/vocabulary';
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  real,
  text,
} from 'drizzle-orm/pg-core';

const statuses = sql.raw(STATUTE_STATUSES.map((s) => `'${s}'`).join(', '));

/**
 * The statute library (issue 19): national laws, the same for every district, so platform tables
 * (reference tables under Citus). The app role only reads them; `linju statutes import` writes them
 * as the owner. `id` is the corpus's own law id; two versions of one law are two rows.
 */
export const statuteLaw = pgTable(
  'statute_law',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** 民法典 for 中华人民共和国民法典: how people and documents name it. */
    shortName: text('short_name').notNull(),
    /** 宪法, 法律, 立法解释, 修正案, 修改决定 as the corpus calls it. */
    kind: text('kind').notNull(),
    status: text('status', { enum: STATUTE_STATUSES }).notNull(),
    department: text('department'),
    issuedBy: text('issued_by'),
    promulgatedOn: date('promulgated_on'),
    effectiveOn: date('effective_on'),
  },
  (t) => [
    index('statute_law_name_idx').on(t.name),
    index('statute_law_short_name_idx').on(t.shortName),
    check('statute_law_status_known', sql`${t.status} in (${statuses})`),
  ],
);

/** One article of a law; `seq` orders them (第十七条之一 shares its number with 第十七条). */
export const statuteArticle = pgTable(
  'statute_article',
  {
    lawId: text('law_id')
      .notNull()
      .references(() => statuteLaw.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    /** As the law writes it: 第一千二百五十四条, 第十七条之一. */
    label: text('label').notNull(),
    /** Null for a decision or interpretation kept as one text (全文). */
    number: integer('number'),
    chapter: text('chapter'),
    text: text('text').notNull(),
    status: text('status', { enum: STATUTE_STATUSES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.lawId, t.seq] }),
    index('statute_article_number_idx').on(t.lawId, t.number),
    check('statute_article_status_known', sql`${t.status} in (${statuses})`),
  ],
);

/**
 * The search index: each segmented term of an article with its BM25 weight, computed at import
 * (the corpus changes only then), so a search is one sum over the question's terms.
 */
export const statuteTerm = pgTable(
  'statute_term',
  {
    term: text('term').notNull(),
    lawId: text('law_id').notNull(),
    seq: integer('seq').notNull(),
    weight: real('weight').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.term, t.lawId, t.seq] }),
    foreignKey({
      columns: [t.lawId, t.seq],
      foreignColumns: [statuteArticle.lawId, statuteArticle.seq],
    }).onDelete('cascade'),
  ],
);
