import type { SecretBox } from '@linju/auth';
import { and, desc, ilike, isNull, like, or, type SQL, schema, sql, type TenantTx } from '@linju/db';
import { nameQueryTerms, phoneSuffixQueryTerm } from '../personal-data/search-terms.ts';
import { caseTextQueryTerms, tsqueryOf } from './case-text-terms.ts';

const c = schema.legalCase;

/** A LIKE pattern's wildcards taken literally. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/**
 * A case's place in the newest-first order. `at` is the received time in UTC to the microsecond,
 * fixed width, so two places compare as strings and the time goes back to PostgreSQL unrounded.
 */
export type CasePosition = { at: string; id: string };
/** A column or an expression, as drizzle's comparisons take them. */
type Operand = Parameters<typeof like>[0];
const positionAt = (at: Operand) =>
  sql<string>`to_char(${at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
/** Cases after `before` in the newest-first order (a row comparison, which the index takes). */
const olderThan = (before: CasePosition) =>
  sql`(${c.receivedAt}, ${c.id}) < (${before.at}::timestamptz, ${before.id}::uuid)`;
const isNewer = (a: CasePosition, b: CasePosition) => a.at > b.at || (a.at === b.at && a.id > b.id);

/** One way a search finds cases: its newest matches through its own index, or a condition to read cases by. */
export type CaseMatcher = {
  /** Up to `max` matches newest first after `before`, and one more when there are more. */
  newest(max: number, before: CasePosition | null): Promise<CasePosition[]>;
  condition: SQL;
};

/**
 * Part of the description or of the number by trigrams, through `case_ids_matching`: under RLS
 * `LIKE`/`ILIKE` (not leakproof) cannot use the trigram index (see migrations 0038 and 0061).
 * Chinese words of a description are found through their own index (`wordsMatcher`).
 */
function patternMatcher(tx: TenantTx, field: 'description' | 'number', text: string): CaseMatcher {
  const pattern = `%${escapeLike(text)}%`;
  // Text without upper or lower case (Chinese, digits) matches the same under LIKE, which
  // compares bytes: several times faster than ILIKE, which lowers every description first.
  const ignoreCase = text.toLowerCase() !== text.toUpperCase();
  const column = field === 'number' ? c.number : c.description;
  return {
    newest: async (max, before) =>
      (await tx.execute(
        sql`select id, ${positionAt(sql`received_at`)} as at from case_ids_matching(${field}, ${pattern},
          ${ignoreCase}, ${before?.at ?? null}::timestamptz, ${before?.id ?? null}::uuid, ${max + 1})`,
      )) as unknown as CasePosition[],
    condition: ignoreCase ? ilike(column, pattern) : like(column, pattern),
  };
}

/**
 * How many of the newest cases a words search reads first, for each match it wants: a word that
 * common (one case in forty or more, a topic of the day) is found among them at once, where its
 * index would hand over every case holding it to be sorted (planners take words found together,
 * like 邻里 噪音 纠纷, as if they were rare together). Rarer words miss there and go by their index.
 */
const RECENT_CASES_PER_MATCH = 40;
/** Past this many matches wanted (a search with other conditions), the index alone is asked. */
const RECENT_FIRST_MAX = 200;

/**
 * Descriptions holding `text` that hold its words (`caseTextQueryTerms`): among the newest cases
 * first (see RECENT_CASES_PER_MATCH), then through the words' index and `case_ids_with_words`
 * (0069; `@@` is not leakproof either): the index narrows to the descriptions with every word,
 * LIKE keeps those holding the text as written. Cases not yet given their words (null) are
 * compared with LIKE alone.
 */
function wordsMatcher(tx: TenantTx, text: string, terms: string[]): CaseMatcher {
  const pattern = `%${escapeLike(text)}%`;
  const ignoreCase = text.toLowerCase() !== text.toUpperCase();
  const words = tsqueryOf(terms);
  const holding = (searchTerms: Operand, description: Operand) =>
    and(
      or(sql`${searchTerms} @@ ${words}::tsquery`, isNull(searchTerms)),
      ignoreCase ? ilike(description, pattern) : like(description, pattern),
    ) as SQL;
  /** The newest matches among the newest cases: all of them when as many are found as wanted. */
  const amongRecent = async (max: number, before: CasePosition | null) => {
    const recent = tx
      .select({ id: c.id, receivedAt: c.receivedAt, searchTerms: c.searchTerms, description: c.description })
      .from(c)
      .where(before ? olderThan(before) : undefined)
      .orderBy(desc(c.receivedAt), desc(c.id))
      .limit((max + 1) * RECENT_CASES_PER_MATCH)
      .as('recent');
    const found = await tx
      .select({ id: recent.id, at: positionAt(recent.receivedAt) })
      .from(recent)
      .where(holding(recent.searchTerms, recent.description))
      .orderBy(desc(recent.receivedAt), desc(recent.id))
      .limit(max + 1);
    return found.length > max ? found : null;
  };
  return {
    newest: async (max, before) =>
      (max <= RECENT_FIRST_MAX ? await amongRecent(max, before) : null) ??
      ((await tx.execute(
        sql`select id, ${positionAt(sql`received_at`)} as at from case_ids_with_words(${words}::tsquery,
          ${pattern}, ${ignoreCase}, ${before?.at ?? null}::timestamptz, ${before?.id ?? null}::uuid, ${max + 1})`,
      )) as unknown as CasePosition[]),
    condition: holding(c.searchTerms, c.description),
  };
}

/** Words of the description: by their index when the text has Chinese words, else by trigrams. */
function descriptionMatcher(tx: TenantTx, text: string): CaseMatcher {
  const terms = caseTextQueryTerms(text);
  return terms ? wordsMatcher(tx, text, terms) : patternMatcher(tx, 'description', text);
}

/**
 * Cases of residents holding all of the terms' search tokens (under one key: a resident's tokens
 * are made together), through `resident_ids_with_search_tokens` (array containment is not
 * leakproof either). Every key of the ring is asked, so rows not yet re-tokened still match.
 */
function residentMatcher(tx: TenantTx, box: SecretBox, tenantId: string, terms: string[]): CaseMatcher {
  const residents = sql.join(
    box.searchTokensByKey(terms, tenantId).map(
      (tokens) =>
        sql`select r from resident_ids_with_search_tokens(array[${sql.join(
          tokens.map((t) => sql`${t}`),
          sql`, `,
        )}]::text[]) r`,
    ),
    sql` union all `,
  );
  const condition = sql`${c.residentId} in (${residents})`;
  return {
    newest: (max, before) =>
      tx
        .select({ id: c.id, at: positionAt(c.receivedAt) })
        .from(c)
        .where(and(condition, before ? olderThan(before) : undefined))
        .orderBy(desc(c.receivedAt), desc(c.id))
        .limit(max + 1),
    condition,
  };
}

/** A part of a case number: letters, digits and dashes, with a digit (a prefix alone is every case). */
const NUMBER_PART = /^(?=.*\d)[A-Za-z0-9-]{3,40}$/;

/** Shorter terms are names first (see `termMatchers`). */
const TEXT_BY_INDEX_MIN = 3;

/**
 * What the one search box of the desk finds: a case whose resident's name holds the term (two or
 * more characters), whose resident's phone ends with it (four or more digits), whose number holds
 * it, or whose description does. Any of them: each way the term can be read gives a matcher. A
 * term of one or two characters is looked for in descriptions only when no case of the district
 * matches it otherwise: at that length it is a name far more often than a word (`噪音` still
 * finds noise, nobody is called so), and without Chinese no index serves it in descriptions.
 */
export async function termMatchers(
  tx: TenantTx,
  box: SecretBox,
  tenantId: string,
  term: string,
): Promise<CaseMatcher[]> {
  const matchers: CaseMatcher[] = [];
  const name = nameQueryTerms(term);
  if (name) matchers.push(residentMatcher(tx, box, tenantId, name));
  const phone = phoneSuffixQueryTerm(term);
  if (phone) matchers.push(residentMatcher(tx, box, tenantId, [phone]));
  if (NUMBER_PART.test(term)) matchers.push(patternMatcher(tx, 'number', term.toUpperCase()));
  const text = descriptionMatcher(tx, term);
  if (Array.from(term).length >= TEXT_BY_INDEX_MIN || matchers.length === 0) return [...matchers, text];
  const { ids } = await newestMatches(matchers, 1, null);
  return ids.length ? matchers : [text];
}

/** Words of the description only (`text` of a query). */
export const textMatcher = descriptionMatcher;

/**
 * The newest `max` matches of every matcher after `before`, together, and the place from which on
 * (at or newer) they are all of the matches: past it some matcher had more, which are older.
 */
export async function newestMatches(matchers: CaseMatcher[], max: number, before: CasePosition | null) {
  const ids = new Set<string>();
  let complete: CasePosition | null = null;
  for (const matcher of matchers) {
    const rows = await matcher.newest(max, before);
    for (const row of rows.slice(0, max)) ids.add(row.id);
    const last = rows[max - 1];
    if (rows.length > max && last && (!complete || isNewer(last, complete))) complete = last;
  }
  return { ids: [...ids], completeFrom: complete };
}
