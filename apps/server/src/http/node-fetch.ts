import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

/** Bodies larger than this are refused before they are read (the federation spec's 1 MiB, with room for forms). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * Node's request as a Fetch API Request: every route below the server speaks Request/Response.
 * The URL keeps the host the browser used (React Router compares it with `Origin` on posts); the
 * protocol comes from the public URL, since TLS ends in front of this server.
 */
export function toFetchRequest(req: IncomingMessage, publicUrl: string): Request {
  const origin = `${new URL(publicUrl).protocol}//${req.headers.host ?? new URL(publicUrl).host}`;
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else if (value !== undefined) headers.set(key, value);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    duplex: hasBody ? 'half' : undefined,
  } as RequestInit);
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
