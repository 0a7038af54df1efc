import { useLocale, useTranslate } from '@linju/ui';
import { redirect } from 'react-router';
import { PageShell } from '../components/page-shell.tsx';
import { PasswordSignInForm, SIGN_IN_FIELDS } from '../components/password-sign-in-form.tsx';
import { getAdminContext } from '../context.ts';
import { localFailure } from '../lib/api-errors.ts';
import { formText } from '../lib/form-data.ts';
import { rejectApiError, rejectSubmission } from '../lib/submission.ts';
import { pathForStep, tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/login';

/** Someone already fully signed in to this district goes straight home. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const tenantSlug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const me = await caller.auth.me();
  if (me && me.tenant.slug === tenantSlug && me.next === 'home') throw redirect(tenantPaths.home(tenantSlug));
  // The page names its district in words; an address no district has names none (signing in says why).
  return { district: await caller.auth.district({ slug: tenantSlug }) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const tenantSlug = tenantSlugFrom(params);
  const { caller, sessionCookie } = getAdminContext(context);
  const form = await request.formData();
  const username = formText(form, 'username').trim();
  const password = formText(form, 'password');
  const values = { username };

  const missing = localFailure({
    username: username ? undefined : 'validation.required',
    password: password ? undefined : 'validation.required',
  });
  if (missing) return rejectSubmission(missing, values);

  try {
    const { sessionToken, expiresAt, next } = await caller.auth.login({ tenantSlug, username, password });
    return redirect(pathForStep(tenantSlug, next), {
      headers: { 'Set-Cookie': sessionCookie.serialize(sessionToken, expiresAt) },
    });
  } catch (error) {
    return rejectApiError(error, { fields: SIGN_IN_FIELDS }, values);
  }
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { district } = loaderData;
  return (
    <PageShell title={t('login.title')}>
      <PasswordSignInForm errors={actionData?.errors} username={actionData?.values.username}>
        <h1>{t('login.heading')}</h1>
        {district ? (
          <p className="admin-muted">
            {t('login.district', { district: locale === 'en' ? district.nameEn : district.nameZh })}
          </p>
        ) : null}
      </PasswordSignInForm>
    </PageShell>
  );
}
