/** The cookie remembering large-text mode (适老化) of the public site: `1` on, absent off. */
export const LARGE_TEXT_COOKIE = 'linju_large_text';

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/** Whether the request asks for large text: its cookie says so. */
export function largeTextFrom(request: Request): boolean {
  const cookies = request.headers.get('cookie') ?? '';
  return cookies.split(';').some((pair) => pair.trim() === `${LARGE_TEXT_COOKIE}=1`);
}

/** The `Set-Cookie` value turning large text on (for a year) or off (clearing the cookie). */
export function serializeLargeTextCookie(on: boolean, options: { secure: boolean }): string {
  const parts = [
    `${LARGE_TEXT_COOKIE}=${on ? '1' : ''}`,
    'Path=/',
    `Max-Age=${on ? ONE_YEAR_SECONDS : 0}`,
    'SameSite=Lax',
  ];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
