import type { KeyObject } from 'node:crypto';
import { IDEMPOTENCY_HEADER, signRequest } from './http-signature.ts';
import { peerRequest } from './peer-request.ts';

/** What {@link signedFetch} needs to send one message of the exchange. */
export interface SignedFetchInput {
  /** The peer's base URL (its well-known `baseUrl`). */
  readonly baseUrl: string;
  readonly method: 'GET' | 'POST';
  /** The path under the base URL, e.g. `/federation/v1/referrals`. */
  readonly path: string;
  /** The JSON body of a POST, byte for byte as signed. */
  readonly body?: string;
  /** Kept across retries; required on a POST. */
  readonly idempotencyKey?: string;
  readonly key: KeyObject;
  readonly kid: string;
  /** See {@link peerRequest}: only a peer pinned with it, or this node's own URL. */
  readonly allowPrivateNetwork: boolean;
  /** The most bytes of the answer read (default: the spec's 1 MiB). */
  readonly maxBytes?: number;
  /** Gives up on a peer that accepts the connection and then says nothing. */
  readonly timeoutMs?: number;
}

/** The absolute URL of `path` on a peer whose base URL may itself carry a path prefix. */
export const peerUrl = (baseUrl: string, path: string): string =>
  new URL(path.replace(/^\//, ''), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).toString();

/**
 * Sends one signed request (spec, "Messages"): a fresh `created` and nonce every time, so a retry
 * is a new request with the same `Linju-Idempotency-Key`. Through {@link peerRequest}: no
 * redirects, bounded answers, public addresses only unless allowed.
 */
export async function signedFetch(input: SignedFetchInput): Promise<Response> {
  const url = peerUrl(input.baseUrl, input.path);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (input.method === 'POST') {
    if (!input.idempotencyKey) throw new TypeError('a POST of the exchange needs an idempotency key');
    headers['content-type'] = 'application/json';
    headers[IDEMPOTENCY_HEADER] = input.idempotencyKey;
  }
  const signature = signRequest({
    method: input.method,
    url,
    headers,
    key: input.key,
    kid: input.kid,
    ...(input.method === 'POST' ? { body: input.body ?? '' } : {}),
  });
  return peerRequest({
    url,
    method: input.method,
    headers: { ...headers, ...signature },
    ...(input.method === 'POST' ? { body: input.body ?? '' } : {}),
    allowPrivateNetwork: input.allowPrivateNetwork,
    ...(input.maxBytes === undefined ? {} : { maxBytes: input.maxBytes }),
    ...(input.timeoutMs === undefined ? {} : { timeoutMs: input.timeoutMs }),
  });
}

/**
 * Whether a refusal is final (spec, "Delivery": retried until 2xx or a final 4xx). Every 4xx is
 * final except those that say "later": 408 (timeout), 425 (too early) and 429 (rate limited).
 * 5xx and network failures are retried.
 */
export const isFinalRefusal = (status: number): boolean =>
  status >= 400 && status < 500 && status !== 408 && status !== 425 && status !== 429;

/** The peer's `Retry-After` in milliseconds (seconds or an HTTP date), if it sent one. */
export function retryAfterMs(response: Response, now = Date.now()): number | undefined {
  const value = response.headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
