export const SESSION_COOKIE = 'linju_session';

/** HttpOnly so scripts cannot read it, SameSite=Lax so other sites cannot post with it. */
export function serializeSessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Expires=${expiresAt.toUTCString()}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearSessionCookie(secure: boolean): string {
  return [
    `${SESSION_COOKIE}=`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    'Max-Age=0',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/**
 * A cookie's value from a `Cookie` header, or null. A value that does not decode (`%E0%A4%A`) is
 * treated as absent: the header is the browser's to send, and a bad one must not fail the request.
 */
export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      // Not valid percent-encoding: no value this server set, so as if there were none.
      return null;
    }
  }
  return null;
}
