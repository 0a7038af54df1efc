import { publicSitePaths } from './public-site-paths.ts';

/**
 * Where to go after proving the phone: `next` when it is a path of this district's public site
 * (never another site, nor another district's), else the site's home. A value from the address
 * bar: anything else is ignored, never followed.
 */
export function publicSiteNext(slug: string, next: string | null | undefined): string {
  const home = publicSitePaths.home(slug);
  if (!next?.startsWith('/') || next.startsWith('//') || next.includes('\\')) return home;
  const base = new URL('http://site.invalid');
  const url = new URL(next, base);
  if (url.origin !== base.origin) return home;
  const inSite = url.pathname === home || url.pathname.startsWith(`${home}/`);
  return inSite ? `${url.pathname}${url.search}` : home;
}

/** The verify page's address, returning to `next` (a path of this site) once the phone is proved. */
export const verifyPath = (slug: string, next: string) =>
  `${publicSitePaths.verify(slug)}?${new URLSearchParams({ next: publicSiteNext(slug, next) })}`;
