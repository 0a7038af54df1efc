import { describe, expect, it } from 'vitest';
import { readCookie } from './cookie.ts';

describe('readCookie', () => {
  it('reads a cookie by name, percent-decoded', () => {
    expect(readCookie('a=1; linju_locale=zh-CN; b=x%3Dy', 'b')).toBe('x=y');
    expect(readCookie('a=1', 'linju_session')).toBeNull();
  });

  it('takes a value that is not valid percent-encoding as absent, instead of throwing', () => {
    expect(readCookie('linju_session=%E0%A4%A', 'linju_session')).toBeNull();
  });
});
