import { createHash } from 'node:crypto';

/** How long a cache (a directory's crawler, a CDN) may reuse a public catalogue answer unchecked. */
const MAX_AGE_SECONDS = 300;

/**
 * A public JSON answer any cache may keep: its ETag is the body's hash, so a client that sends it
 * back in `If-None-Match` gets 304 and no body while nothing changed.
 */
export function cacheableJson(request: Request, body: unknown): Response {
  const text = JSON.stringify(body);
  const etag = `"${createHash('sha256').update(text).digest('base64url')}"`;
  const headers = { etag, 'cache-control': `public, max-age=${MAX_AGE_SECONDS}` };
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch && (ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((t) => sameTag(t, etag)))) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(text, { headers: { ...headers, 'content-type': 'application/json' } });
}

/** RFC 9110 §13.1.2: If-None-Match compares weakly, so `W/"x"` matches `"x"`. */
const sameTag = (candidate: string, etag: string) => candidate.trim().replace(/^W\//, '') === etag;
