import { isLocale, serializeLocaleCookie } from '@linju/i18n';
import { redirect } from 'react-router';
import { formText } from '../lib/form-data.ts';
import { safeReturnPath } from '../lib/tenant-paths.ts';
import type { Route } from './+types/locale';

/** Remembers the chosen language in the `linju_locale` cookie and goes back to the page it came from. */
export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const locale = formText(form, 'locale');
  const back = safeReturnPath(formText(form, 'redirectTo'));
  if (!isLocale(locale)) return redirect(back);
  const secure = new URL(request.url).protocol === 'https:';
  return redirect(back, { headers: { 'Set-Cookie': serializeLocaleCookie(locale, { secure }) } });
}

/** The switch is a form; a plain visit has nothing to show. */
export function loader() {
  return redirect('/');
}
