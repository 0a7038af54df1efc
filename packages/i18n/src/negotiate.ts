import { DEFAULT_LOCALE, isLocale, type Locale } from './catalogue.ts';

/** The cookie that remembers the language a person picked. */
export const LOCALE_COOKIE = 'linju_locale';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Reads the locale from a cookie: either the `linju_locale` cookie's value or a whole `Cookie`
 * request header (recognised by its `=`, which a bare value never contains). Anything that is not
 * a supported locale gives `undefined`.
 */
export function localeFromCookie(cookie: string | null | undefined): Locale | undefined {
  if (!cookie) return undefined;
  if (!cookie.includes('=')) {
    const value = cookie.trim();
    return isLocale(value) ? value : undefined;
  }
  for (const pair of cookie.split(';')) {
    const separator = pair.indexOf('=');
    if (pair.slice(0, separator).trim() !== LOCALE_COOKIE) continue;
    const value = pair.slice(separator + 1).trim();
    if (isLocale(value)) return value;
  }
  return undefined;
}

/** Maps one Accept-Language range to a supported locale: any Chinese to zh-CN, any English to en. */
function localeForRange(range: string): Locale | undefined {
  const primary = range.toLowerCase().split('-')[0];
  if (primary === 'zh') return 'zh-CN';
  if (primary === 'en') return 'en';
  return undefined;
}

/**
 * Picks the locale for a request. A valid cookie wins (the person chose it); otherwise the
 * highest-weighted Accept-Language range we support; otherwise zh-CN.
 *
 * @param acceptLanguage the `Accept-Language` request header
 * @param cookie the `linju_locale` cookie's value, or the whole `Cookie` request header
 */
export function negotiateLocale(
  acceptLanguage: string | null | undefined,
  cookie: string | null | undefined,
): Locale {
  const chosen = localeFromCookie(cookie);
  if (chosen) return chosen;
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranges = acceptLanguage
    .split(',')
    .map((part, position) => {
      const [range = '', ...parameters] = part.trim().split(';');
      const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { range: range.trim(), weight: Number.isFinite(weight) ? weight : 0, position };
    })
    .filter(({ range, weight }) => range !== '' && weight > 0)
    // Equal weights keep the header's order, as RFC 9110 intends.
    .sort((a, b) => b.weight - a.weight || a.position - b.position);
  for (const { range } of ranges) {
    const locale = localeForRange(range);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/**
 * A `Set-Cookie` value remembering the chosen locale for a year. Not HttpOnly on purpose: it holds
 * no secret, and keeping it readable costs nothing. `Secure` is added when the site is served over HTTPS.
 */
export function serializeLocaleCookie(locale: Locale, options: { secure: boolean }): string {
  const parts = [`${LOCALE_COOKIE}=${locale}`, 'Path=/', `Max-Age=${ONE_YEAR_SECONDS}`, 'SameSite=Lax'];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
