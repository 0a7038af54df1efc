import { Button, useTranslate } from '@linju/ui';
import { Form, Link, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary, useFieldError } from '../components/form-errors.tsx';
import { OneTimeCodeField } from '../components/one-time-code-field.tsx';
import { PageShell } from '../components/page-shell.tsx';
import { getAdminContext } from '../context.ts';
import { localFailure } from '../lib/api-errors.ts';
import { formText, normaliseOneTimeCode } from '../lib/form-data.ts';
import { requireSession, tenantHeader } from '../lib/session.ts';
import { rejectApiError, rejectSubmission } from '../lib/submission.ts';
import { pathForStep, tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/login-totp';

const FIELDS = ['code'];

export async function loader({ params, context }: Route.LoaderArgs) {
  const tenantSlug = tenantSlugFrom(params);
  const me = await requireSession(getAdminContext(context).caller, tenantSlug, ['totp']);
  return { tenant: tenantHeader(me) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const tenantSlug = tenantSlugFrom(params);
  const { caller, sessionCookie } = getAdminContext(context);
  const code = normaliseOneTimeCode(formText(await request.formData(), 'code'));
  const missing = localFailure({ code: code ? undefined : 'validation.required' });
  if (missing) return rejectSubmission(missing, {});
  try {
    const { next, sessionToken, expiresAt } = await caller.auth.verifyTotp({ code });
    // The session was replaced once the code was accepted: the browser takes the new one.
    return redirect(pathForStep(tenantSlug, next), {
      headers: { 'Set-Cookie': sessionCookie.serialize(sessionToken, expiresAt) },
    });
  } catch (error) {
    return rejectApiError(error, { fields: FIELDS, fieldForMessage: { 'auth.totp_invalid': 'code' } }, {});
  }
}

export default function LoginTotp({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const fieldError = useFieldError(actionData?.errors);
  return (
    <PageShell title={t('totp.title')} tenant={loaderData.tenant}>
      <FormErrorSummary errors={actionData?.errors} fields={[{ name: 'code', label: t('totp.code') }]} />
      <h1>{t('totp.title')}</h1>
      <p>{t('totp.intro')}</p>
      <Form method="post" className="lj-form" noValidate>
        <CsrfField />
        <OneTimeCodeField label={t('totp.code')} hint={t('totp.code_hint')} error={fieldError('code')} />
        <Button type="submit">{t('totp.submit')}</Button>
      </Form>
      <p>
        <Link to={tenantPaths.login(loaderData.tenant.slug)}>{t('nav.back_to_login')}</Link>
      </p>
    </PageShell>
  );
}
