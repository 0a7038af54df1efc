/**
 * A statute's standing in the library, from the corpus's own words (现行有效, 已被修改, 已废止, 历史版本):
 * `amended` marks a law with amendments whose text is still the one in force; `superseded` an
 * earlier version of a law whose current version is also in the library.
 */
export const STATUTE_STATUSES = ['current', 'amended', 'repealed', 'superseded'] as const;
export type StatuteStatus = (typeof STATUTE_STATUSES)[number];

/** Statuses whose text is the law in force: searched first, cited without a mark. */
export const STATUTE_IN_FORCE: readonly StatuteStatus[] = ['current', 'amended'];
