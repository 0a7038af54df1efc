import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

/**
 * Methods the Fetch API cannot carry (its "forbidden methods"): no route here serves them, and a
 * `Request` of one throws, so they are refused before any route is asked.
 */
const UNSERVED_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** A request that cannot become a Fetch API `Request`: answered with its 4xx, never a 500. */
export class UnservableRequest extends Error {
  readonly status: 400 | 405;
  constructor(status: 400 | 405, message: string) {
    super(message);
    this.status = status;
  }
}

/**
 * Node's request as a Fetch API Request: every route below the server speaks Request/Response.
 * The URL keeps the host the browser used (React Router compares it with `Origin` on posts); the
 * protocol is the one a trusted proxy reports (`scheme`), else the public URL's, since TLS ends in
 * front of this server. The body is the one
 * already read within its limit (`readBoundedBody`), never the socket itself.
 */
export function toFetchRequest(
  req: IncomingMessage,
  publicUrl: string,
  scheme: 'http' | 'https' | null,
  body?: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>,
): Request {
  const method = req.method ?? 'GET';
  if (UNSERVED_METHODS.has(method)) throw new UnservableRequest(405, `${method} is not served here`);
  const protocol = scheme ? `${scheme}:` : new URL(publicUrl).protocol;
  const origin = `${protocol}//${req.headers.host ?? new URL(publicUrl).host}`;
  if (!URL.canParse(req.url ?? '/', origin)) {
    throw new UnservableRequest(400, 'The Host header or the request target is not a valid URL');
  }
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else if (value !== undefined) headers.set(key, value);
  }
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    // A stream (an upload form) is read as it arrives: `duplex` says so to fetch.
    ...(body ? { body, ...(body instanceof ReadableStream ? { duplex: 'half' as const } : {}) } : {}),
  });
}

export async function sendFetchResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  for (const [key, value] of response.headers) {
    if (key === 'set-cookie') continue;
    res.setHeader(key, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader('set-cookie', cookies);
  if (!response.body) {
    res.end();
    return;
  }
  await pipeline(Readable.fromWeb(response.body as WebReadableStream), res);
}
