import { Button, useTranslate } from '@linju/ui';
import { Form, Link, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary, useFieldError } from '../components/form-errors.tsx';
import { OneTimeCodeField } from '../components/one-time-code-field.tsx';
import { PlatformShell } from '../components/page-shell.tsx';
import { getAdminContext } from '../context.ts';
import { localFailure } from '../lib/api-errors.ts';
import { formText, normaliseOneTimeCode } from '../lib/form-data.ts';
import { platformRedirectFor } from '../lib/platform-session.ts';
import { rejectApiError, rejectSubmission } from '../lib/submission.ts';
import { platformPaths } from '../lib/tenant-paths.ts';
import type { Route } from './+types/platform-login-totp';

export async function action({ request, context }: Route.ActionArgs) {
  const { caller, sessionCookie } = getAdminContext(context);
  const code = normaliseOneTimeCode(formText(await request.formData(), 'code'));
  const missing = localFailure({ code: code ? undefined : 'validation.required' });
  if (missing) return rejectSubmission(missing, {});
  try {
    const { sessionToken, expiresAt } = await caller.platform.verifyTotp({ code });
    // The session was replaced once the code was accepted: the browser takes the new one.
    return redirect(platformPaths.home, {
      headers: { 'Set-Cookie': sessionCookie.serialize(sessionToken, expiresAt) },
    });
  } catch (error) {
    // No operator session (it expired, or this browser never gave a password): start again.
    const signIn = platformRedirectFor(error);
    if (signIn) return signIn;
    return rejectApiError(error, { fields: ['code'], fieldForMessage: { 'auth.totp_invalid': 'code' } }, {});
  }
}

export default function PlatformLoginTotp({ actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const fieldError = useFieldError(actionData?.errors);
  return (
    <PlatformShell title={t('totp.title')}>
      <FormErrorSummary errors={actionData?.errors} fields={[{ name: 'code', label: t('totp.code') }]} />
      <h1>{t('totp.title')}</h1>
      <p>{t('totp.intro')}</p>
      <Form method="post" className="lj-form" noValidate>
        <CsrfField />
        <OneTimeCodeField label={t('totp.code')} hint={t('totp.code_hint')} error={fieldError('code')} />
        <Button type="submit">{t('totp.submit')}</Button>
      </Form>
      <p>
        <Link to={platformPaths.login}>{t('nav.back_to_login')}</Link>
      </p>
    </PlatformShell>
  );
}
