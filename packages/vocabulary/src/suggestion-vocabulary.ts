/**
 * The residents' suggestion box (便民信箱 / 解忧法空间): what a resident leaves, and where it is. A
 * resident may stay anonymous; one who gave their verified phone hears by SMS that it was answered.
 */
export const SUGGESTION_TOPICS = ['suggestion', 'complaint', 'question'] as const;
export type SuggestionTopic = (typeof SUGGESTION_TOPICS)[number];

export const SUGGESTION_STATUSES = ['open', 'answered'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];
