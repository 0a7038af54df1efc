/**
 * Paths whose second segment is a bearer secret: the partner's one-time link (`/p/<token>`), a
 * resident's rating and questionnaire codes. Whoever reads a log line must not be able to open them.
 */
const BEARER_PATH = /^\/(p|rate|survey)\/[^/?#]+/;

/** The request's path as the access log keeps it: a bearer secret in the path masked. */
export const loggedPath = (url: string): string => url.replace(BEARER_PATH, '/$1/***');
