import { redirect } from 'react-router';
import { getAdminContext } from '../context.ts';
import { publicSitePaths } from './public-site-paths.ts';
import { tenantSlugFrom } from './tenant-paths.ts';

type ResidentArgs = {
  request: Request;
  params: { tenant?: string | undefined };
  context: Parameters<typeof getAdminContext>[0];
};

/** The resident this browser proved in the district of the address (phone whole for their own forms, and masked), or null. */
export function residentOf({ context }: Pick<ResidentArgs, 'context'>) {
  return getAdminContext(context).caller.residentSession.current();
}

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

/**
 * The resident of a page that needs a proved phone: `{ phone, phoneMasked }`, or (thrown) a
 * redirect to the verify page that brings them back here.
 */
export async function requireResident(args: ResidentArgs) {
  const resident = await residentOf(args);
  if (resident) return resident;
  const slug = tenantSlugFrom(args.params);
  const here = new URL(args.request.url);
  throw redirect(verifyPath(slug, `${here.pathname}${here.search}`));
}
