import { describe, expect, it } from 'vitest';
import { clearResidentCookie, readCookie, serializeResidentCookie } from './cookie.ts';

describe('readCookie', () => {
  it('reads a cookie by name, percent-decoded', () => {
    expect(readCookie('a=1; linju_locale=zh-CN; b=x%3Dy', 'b')).toBe('x=y');
    expect(readCookie('a=1', 'linju_session')).toBeNull();
  });

  it('takes a value that is not valid percent-encoding as absent, instead of throwing', () => {
    expect(readCookie('linju_session=%E0%A4%A', 'linju_session')).toBeNull();
  });
});

describe('the resident cookie', () => {
  it('is HttpOnly and SameSite=Lax on every path of the origin, Secure over https, until the session’s end', () => {
    const end = new Date(Date.UTC(2026, 11, 7, 2));
    expect(serializeResidentCookie('id.secret', end, true)).toBe(
      'linju_resident=id.secret; Path=/; HttpOnly; SameSite=Lax; Expires=Mon, 07 Dec 2026 02:00:00 GMT; Secure',
    );
    expect(serializeResidentCookie('id.secret', end, false)).not.toContain('Secure');
    expect(clearResidentCookie(false)).toBe('linju_resident=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0');
  });
});
