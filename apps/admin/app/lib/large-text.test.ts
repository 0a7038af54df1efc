import { describe, expect, it } from 'vitest';
import { LARGE_TEXT_COOKIE, largeTextFrom, serializeLargeTextCookie } from './large-text.ts';

const withCookie = (cookie: string) =>
  new Request('http://localhost/t/xuhui/public', { headers: { cookie } });

describe('large-text mode', () => {
  it('is on only when its cookie says 1', () => {
    expect(largeTextFrom(withCookie(`linju_locale=zh-CN; ${LARGE_TEXT_COOKIE}=1`))).toBe(true);
    expect(largeTextFrom(withCookie(`${LARGE_TEXT_COOKIE}=`))).toBe(false);
    expect(largeTextFrom(withCookie(`x${LARGE_TEXT_COOKIE}=1`))).toBe(false);
    expect(largeTextFrom(new Request('http://localhost/'))).toBe(false);
  });

  it('is remembered for a year, and turning it off clears the cookie', () => {
    expect(serializeLargeTextCookie(true, { secure: true })).toBe(
      `${LARGE_TEXT_COOKIE}=1; Path=/; Max-Age=31536000; SameSite=Lax; Secure`,
    );
    expect(serializeLargeTextCookie(false, { secure: false })).toBe(
      `${LARGE_TEXT_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`,
    );
  });
});
