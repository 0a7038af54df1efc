import { segment } from '@linju/statutes';

/**
 * The words of case descriptions for their full-text index (`case.search_terms`, these terms as
 * lexemes of a tsvector): Chinese has no spaces, and trigrams neither serve two-character words nor
 * narrow a common one, so descriptions are cut the way the statute search cuts articles (`segment`).
 *
 * A search by text asks the index for the words the query is cut into, then compares each
 * description found with the query as written (LIKE): what it finds holds the text. A query may
 * start or end inside a word (`修噪音` of `装修噪音`), so every Chinese character and every run of
 * digits or Latin letters is a term as well; the query asks only for its Chinese words and the runs
 * it holds whole (between two Chinese characters), which any description holding it holds too.
 */

const HAN = /\p{Script=Han}/u;
const HAN_START = /^\p{Script=Han}/u;
/** Each Chinese character, each run of Latin letters or digits. */
const RUNS = /\p{Script=Han}|[\p{Script=Latin}\p{Nd}]+/gu;

const normalised = (text: string) => text.normalize('NFKC').toLowerCase();

/** The terms stored for a description. */
export function caseTextTerms(description: string): string[] {
  const text = normalised(description);
  return [...new Set([...segment(text), ...(text.match(RUNS) ?? [])])];
}

/**
 * The terms a description holding `query` holds for certain, or null when the query has no
 * Chinese (digits and Latin letters are left to the trigram index, which serves them).
 */
export function caseTextQueryTerms(query: string): string[] | null {
  const text = normalised(query);
  if (!HAN.test(text)) return null;
  const words = segment(text).filter((w) => HAN_START.test(w));
  // A run of digits or letters is whole when Chinese stands on both sides of it in the query.
  const whole = [...text.matchAll(/(?<=\p{Script=Han})[\p{Script=Latin}\p{Nd}]+(?=\p{Script=Han})/gu)].map(
    (m) => m[0],
  );
  const terms = [...new Set([...words, ...whole])];
  return terms.length ? terms : null;
}

/** Terms as a tsquery (all of them), each quoted: a term is a lexeme as stored, never parsed again. */
export const tsqueryOf = (terms: string[]) =>
  terms.map((t) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' & ');

/** Terms as a tsvector's text, the same quoting. */
export const tsvectorOf = (terms: string[]) =>
  terms.map((t) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' ');
