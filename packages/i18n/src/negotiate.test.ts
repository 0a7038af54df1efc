import { describe, expect, it } from 'vitest';
import { localeFromCookie, negotiateLocale, serializeLocaleCookie } from './negotiate.ts';

describe('negotiateLocale', () => {
  it('defaults to zh-CN', () => {
    expect(negotiateLocale(undefined, undefined)).toBe('zh-CN');
    expect(negotiateLocale('', null)).toBe('zh-CN');
    expect(negotiateLocale('fr-FR, de;q=0.8', undefined)).toBe('zh-CN');
    expect(negotiateLocale('*', undefined)).toBe('zh-CN');
  });

  it('follows Accept-Language weights', () => {
    expect(negotiateLocale('en-US,en;q=0.9', undefined)).toBe('en');
    expect(negotiateLocale('zh-TW,zh;q=0.9,en;q=0.8', undefined)).toBe('zh-CN');
    expect(negotiateLocale('fr;q=1, zh-Hans-CN;q=0.5, en;q=0.7', undefined)).toBe('en');
    expect(negotiateLocale('en;q=0, zh;q=0.1', undefined)).toBe('zh-CN');
  });

  it('keeps header order between equal weights', () => {
    expect(negotiateLocale('en-GB, zh-CN', undefined)).toBe('en');
    expect(negotiateLocale('zh-CN, en-GB', undefined)).toBe('zh-CN');
  });

  it('lets the cookie win over the header', () => {
    expect(negotiateLocale('zh-CN', 'en')).toBe('en');
    expect(negotiateLocale('en', 'theme=dark; linju_locale=zh-CN; other=1')).toBe('zh-CN');
  });

  it('ignores a cookie with an unsupported value', () => {
    expect(negotiateLocale('en', 'fr')).toBe('en');
    expect(negotiateLocale('en', 'linju_locale=xx')).toBe('en');
  });
});

describe('localeFromCookie', () => {
  it('reads a bare value or a Cookie header', () => {
    expect(localeFromCookie('en')).toBe('en');
    expect(localeFromCookie('a=1;linju_locale=en')).toBe('en');
    expect(localeFromCookie('not_linju_locale=en')).toBeUndefined();
    expect(localeFromCookie(undefined)).toBeUndefined();
  });
});

describe('serializeLocaleCookie', () => {
  it('remembers the choice for a year, site-wide', () => {
    expect(serializeLocaleCookie('en', { secure: false })).toBe(
      'linju_locale=en; Path=/; Max-Age=31536000; SameSite=Lax',
    );
    expect(serializeLocaleCookie('zh-CN', { secure: true })).toMatch(/; Secure$/);
  });
});
