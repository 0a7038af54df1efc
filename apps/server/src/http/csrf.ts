import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readCookie } from '@linju/auth';

export const CSRF_COOKIE = 'linju_csrf';
export const CSRF_FIELD = 'csrf';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const newCsrfToken = () => randomBytes(24).toString('base64url');

export const csrfCookie = (token: string, secure: boolean) =>
  `${CSRF_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

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
  if (origin && origin !== 'null' && new URL(origin).host !== request.headers.get('host'))
    return 'foreign origin';
  const type = request.headers.get('content-type') ?? '';
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const cookie = readCookie(request.headers.get('cookie'), CSRF_COOKIE);
    const field = (await request.clone().formData()).get(CSRF_FIELD);
    if (!cookie || typeof field !== 'string' || !same(cookie, field)) return 'missing or wrong CSRF token';
  }
  return null;
}
