import { randomBytes, timingSafeEqual } from 'node:crypto';
import { multipartBoundary, multipartParts } from '@linju/admin/multipart-parts';
import { readCookie } from '@linju/auth';

export const CSRF_COOKIE = 'linju_csrf';
export const CSRF_FIELD = 'csrf';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const newCsrfToken = () => randomBytes(24).toString('base64url');

export const csrfCookie = (token: string, secure: boolean) =>
  `${CSRF_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;

/** Compared as bytes: strings of one length can differ in bytes, which `timingSafeEqual` refuses by throwing. */
function same(a: string, b: string) {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The host an `Origin` header names, or null when it is not a URL at all. */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * The form's token field; a body that does not parse as the form it claims to be has none. In a
 * multipart form (an upload) it must come before any file: only the parts up to it are read, from
 * a copy, so the file still streams to the route unread.
 */
async function formToken(request: Request): Promise<FormDataEntryValue | null> {
  const boundary = multipartBoundary(request.headers.get('content-type'));
  const copy = request.clone();
  try {
    if (!boundary) return (await copy.formData()).get(CSRF_FIELD);
    for await (const part of multipartParts(copy.body, boundary)) {
      if (part.kind === 'file') return null;
      if (part.name === CSRF_FIELD) return part.value;
    }
    return null;
  } catch {
    return null;
  } finally {
    await copy.body?.cancel().catch(() => {});
  }
}

/**
 * Two checks for every state-changing request from a browser: it must come from this origin
 * (Origin / Sec-Fetch-Site), and an HTML form must echo the per-browser token of the CSRF cookie
 * (double submit). Machine clients of /api and /federation authenticate by signature instead.
 */
export async function csrfRejection(request: Request): Promise<string | null> {
  if (!UNSAFE.has(request.method)) return null;
  const site = request.headers.get('sec-fetch-site');
  if (site === 'cross-site') return 'cross-site request';
  const origin = request.headers.get('origin');
  if (origin && origin !== 'null' && originHost(origin) !== request.headers.get('host'))
    return 'foreign origin';
  const type = request.headers.get('content-type') ?? '';
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const cookie = readCookie(request.headers.get('cookie'), CSRF_COOKIE);
    const field = await formToken(request);
    if (!cookie || typeof field !== 'string' || !same(cookie, field)) return 'missing or wrong CSRF token';
  }
  return null;
}
