import { redirect } from 'react-router';
import { formText } from '../../lib/form-data.ts';
import { serializeLargeTextCookie } from '../../lib/large-text.ts';
import { publicSitePaths } from '../../lib/public-site-paths.ts';
import { tenantSlugFrom } from '../../lib/tenant-paths.ts';
import type { Route } from './+types/large-text';

/**
 * Large-text mode (适老化) on or off: a plain form post that sets the cookie and goes back to
 * the page it came from (a path of this site only), so it works without JavaScript.
 */
export async function action({ request, params }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const form = await request.formData();
  const from = formText(form, 'redirectTo');
  const back =
    from.startsWith(`${publicSitePaths.home(slug)}`) && !from.includes('\\')
      ? from
      : publicSitePaths.home(slug);
  const secure = new URL(request.url).protocol === 'https:';
  return redirect(back, {
    headers: { 'Set-Cookie': serializeLargeTextCookie(formText(form, 'largeText') === 'on', { secure }) },
  });
}

/** The switch is a form; a plain visit goes to the site's home. */
export function loader({ params }: Route.LoaderArgs) {
  return redirect(publicSitePaths.home(tenantSlugFrom(params)));
}
