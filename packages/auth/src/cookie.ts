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

/**
 * A resident's session on a district's public site. Path=/: the public site is `/t/<slug>/public`
 * or `/public` under the district's own host name, and one path serves both; the session is of one
 * district however it travels (a token is looked up only inside the district the address names).
 * One resident session per browser: proving a phone in another district replaces it.
 */
export const RESIDENT_COOKIE = 'linju_resident';

export function serializeResidentCookie(token: string, expiresAt: Date, secure: boolean): string {
  return serializeSessionCookie(token, expiresAt, secure).replace(
    `${SESSION_COOKIE}=`,
    `${RESIDENT_COOKIE}=`,
  );
}

export function clearResidentCookie(secure: boolean): string {
  return clearSessionCookie(secure).replace(`${SESSION_COOKIE}=`, `${RESIDENT_COOKIE}=`);
}
