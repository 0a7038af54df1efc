import type { Database } from '@linju/db';
import { FEE_REGULATION, FEE_REGULATION_ARTICLES } from '@linju/litigation-fee';
import { findArticle, parseArticleNumber, searchStatutes } from '@linju/statutes';
import { matchPath } from 'react-router';
import { cacheableJson } from './cacheable-json.ts';
import { problem } from './problem.ts';

export const STATUTES_API_PREFIX = '/api/v1/statutes/';
export const STATUTES_API_ROUTES = [`${STATUTES_API_PREFIX}search`, `${STATUTES_API_PREFIX}:law/:article`];

/** Whether a path is one of the statute library's routes (which only read: GET and HEAD). */
export const isStatutesApiRoute = (path: string) =>
  path.startsWith(STATUTES_API_PREFIX) && STATUTES_API_ROUTES.some((pattern) => matchPath(pattern, path));

const MAX_QUESTION = 200;
const MAX_LIMIT = 20;

async function searchResponse(db: Database, request: Request, params: URLSearchParams): Promise<Response> {
  // PostgreSQL text cannot hold U+0000: it is read as a space.
  const question = params.get('q')?.replaceAll('\u0000', ' ').trim() ?? '';
  if (question === '') return problem(400, 'Bad request', 'q: ask a question, e.g. ?q=朋友借钱不还怎么办');
  if ([...question].length > MAX_QUESTION) {
    return problem(400, 'Bad request', `q: a question is at most ${MAX_QUESTION} characters`);
  }
  const limitParam = params.get('limit');
  const limit = limitParam === null ? 5 : Number(limitParam);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    return problem(400, 'Bad request', `limit: a whole number from 1 to ${MAX_LIMIT}`);
  }
  const hits = await searchStatutes(db, question, limit);
  return cacheableJson(request, {
    results: hits.map((h) => ({ law: h.law, article: h.article, text: h.text, status: h.status })),
  });
}

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * `GET /api/v1/statutes/search?q=<question>&limit=5`: the articles answering a question in plain
 * Chinese; `GET /api/v1/statutes/<law>/<article>`: one article, the law by full or short name, the
 * article as 1254 or 第一千二百五十四条. Public and cacheable: national law, nobody's data.
 */
export async function statutesApiResponse(db: Database, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const rest = url.pathname.slice(STATUTES_API_PREFIX.length);
  if (rest === 'search') return searchResponse(db, request, url.searchParams);
  const [lawSegment = '', articleSegment = ''] = rest.split('/');
  const law = decoded(lawSegment);
  const article = decoded(articleSegment);
  if (law === undefined || article === undefined || law.includes('\u0000')) {
    return problem(400, 'Bad request', 'The law and the article are percent-encoded UTF-8 text without NUL');
  }
  // The court fee's basis, a State Council regulation: not in the library (national laws), held by the calculator.
  if (law === FEE_REGULATION) {
    const number = parseArticleNumber(article);
    const held = FEE_REGULATION_ARTICLES.find((a) => a.article === number);
    if (!held) return problem(404, 'Not found', `${FEE_REGULATION} has no article "${article}" here`);
    return cacheableJson(request, { ...held, lawStatus: held.status });
  }
  const found = await findArticle(db, law, article);
  switch (found.found) {
    case 'bad-number':
      return problem(
        404,
        'Not found',
        `${found.law} has no article "${article}" (an article is 1254 or 第一千二百五十四条)`,
      );
    case 'no-law':
      return problem(404, 'Not found', `The library has no law named ${found.law}`);
    case 'no-article':
      return problem(404, 'Not found', `${found.law} has no article ${found.article}`);
    case 'article': {
      const { lawStatus, ...answer } = found.article;
      return cacheableJson(request, { ...answer, lawStatus });
    }
  }
}
