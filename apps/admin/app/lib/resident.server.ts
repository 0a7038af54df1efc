import { redirect } from 'react-router';
import { getAdminContext } from '../context.ts';
import { verifyPath } from './resident-next.ts';
import { tenantSlugFrom } from './tenant-paths.ts';

type ResidentArgs = {
  request: Request;
  params: { tenant?: string | undefined };
  context: Parameters<typeof getAdminContext>[0];
  /** The page's address without the `.data` suffix of a client-side navigation's request. */
  url?: URL;
};

/** The resident this browser proved in the district of the address (phone whole for their own forms, and masked), or null. */
export function residentOf({ context }: Pick<ResidentArgs, 'context'>) {
  return getAdminContext(context).caller.residentSession.current();
}

/**
 * The resident of a page that needs a proved phone: `{ phone, phoneMasked }`, or (thrown) a
 * redirect to the verify page that brings them back here.
 */
export async function requireResident(args: ResidentArgs) {
  const resident = await residentOf(args);
  if (resident) return resident;
  const slug = tenantSlugFrom(args.params);
  // Not the request's address: reached by a link with JavaScript on, it is the page's `.data`.
  const here = args.url ?? new URL(args.request.url);
  throw redirect(verifyPath(slug, `${here.pathname}${here.search}`));
}
