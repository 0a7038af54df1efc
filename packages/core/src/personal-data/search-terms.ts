import type { SecretBox } from '@linju/auth';

/**
 * The parts of a resident's name and phone a desk officer searches by, as terms the secret box
 * turns into search tokens (`box.searchTokens`): the database stores only the keyed hashes.
 *
 * A name is found by any two or more consecutive characters (its character pairs are stored: a
 * query's pairs must all be there), a phone by its last 4 or more digits (each ending is stored).
 * A single character is not searchable: a surname alone names too many people to be a search.
 */

/** Shortest phone ending searched for: fewer digits find too many residents to mean anyone. */
export const PHONE_SUFFIX_MIN = 4;

/** A name as compared: compatibility forms folded, lower case, no spaces or name separators (·). */
export const normalisedName = (name: string) =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·•・.\-_]/gu, '');

const pairsOf = (text: string) => {
  const chars = Array.from(text);
  return chars.slice(1).map((char, i) => `name:${chars[i]}${char}`);
};

/** The terms stored for a resident: the name's character pairs, the phone's endings (4 digits up to all). */
export function residentSearchTerms(resident: { name: string; phone?: string | null }): string[] {
  const digits = (resident.phone ?? '').replace(/\D/g, '');
  const endings = Array.from({ length: Math.max(0, digits.length - PHONE_SUFFIX_MIN + 1) }, (_, i) =>
    digits.slice(i),
  );
  return [...pairsOf(normalisedName(resident.name)), ...endings.map((ending) => `phone:${ending}`)];
}

/** The terms a name query needs all of, or null when it cannot be a part of a name (a digit, one character). */
export function nameQueryTerms(query: string): string[] | null {
  const name = normalisedName(query);
  if (/\d/.test(name) || Array.from(name).length < 2) return null;
  return [...new Set(pairsOf(name))];
}

/** The term of a phone ending, or null when the query is not 4 or more digits (spaces and dashes allowed). */
export function phoneSuffixQueryTerm(query: string): string | null {
  const digits = query.replace(/[\s-]/g, '');
  return /^\d+$/.test(digits) && digits.length >= PHONE_SUFFIX_MIN && digits.length <= 12
    ? `phone:${digits}`
    : null;
}

/** A resident's search tokens under the current key, and which key that is, from the plain name and phone. */
export function residentSearchTokens(
  box: SecretBox,
  tenantId: string,
  resident: { name: string; phone?: string | null },
) {
  const { key, tokens } = box.searchTokens(residentSearchTerms(resident), tenantId);
  return { searchTokens: tokens, searchTokensKey: key };
}
