import { Button, TextField, useTranslate } from '@linju/ui';
import { Form, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary, useFieldError } from '../components/form-errors.tsx';
import { PageShell } from '../components/page-shell.tsx';
import { getAdminContext } from '../context.ts';
import { localFailure } from '../lib/api-errors.ts';
import { formText } from '../lib/form-data.ts';
import { rejectApiError, rejectSubmission } from '../lib/submission.ts';
import { pathForStep, tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/login';

const FIELDS = ['username', 'password'] as const;

/** Someone already fully signed in to this district goes straight home. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const tenantSlug = tenantSlugFrom(params);
  const me = await getAdminContext(context).caller.auth.me();
  if (me && me.tenant.slug === tenantSlug && me.next === 'home') throw redirect(tenantPaths.home(tenantSlug));
  return { tenantSlug };
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
    return rejectApiError(error, { fields: FIELDS }, values);
  }
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const fieldError = useFieldError(actionData?.errors);
  const labels = { username: t('login.username'), password: t('login.password') };
  return (
    <PageShell title={t('login.title')}>
      <FormErrorSummary
        errors={actionData?.errors}
        fields={FIELDS.map((name) => ({ name, label: labels[name] }))}
      />
      <h1>{t('login.heading')}</h1>
      <p className="admin-muted">{t('login.district', { slug: loaderData.tenantSlug })}</p>
      <Form method="post" className="lj-form" noValidate>
        <CsrfField />
        <TextField
          label={labels.username}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          defaultValue={actionData?.values.username}
          error={fieldError('username')}
        />
        <TextField
          label={labels.password}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={fieldError('password')}
        />
        <Button type="submit">{t('login.submit')}</Button>
      </Form>
    </PageShell>
  );
}
