import { Button, TextField, useTranslate } from '@linju/ui';
import { Form, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary, useFieldError } from '../components/form-errors.tsx';
import { PlatformShell } from '../components/page-shell.tsx';
import { getAdminContext } from '../context.ts';
import { localFailure } from '../lib/api-errors.ts';
import { formText } from '../lib/form-data.ts';
import { rejectApiError, rejectSubmission } from '../lib/submission.ts';
import { platformPaths } from '../lib/tenant-paths.ts';
import type { Route } from './+types/platform-login';

const FIELDS = ['username', 'password'] as const;

/** Operators sign in with a password, then always with a code from their authenticator app. */
export async function action({ request, context }: Route.ActionArgs) {
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
    const { sessionToken, expiresAt } = await caller.platform.login({ username, password });
    return redirect(platformPaths.totp, {
      headers: { 'Set-Cookie': sessionCookie.serialize(sessionToken, expiresAt) },
    });
  } catch (error) {
    return rejectApiError(error, { fields: FIELDS }, values);
  }
}

export default function PlatformLogin({ actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const fieldError = useFieldError(actionData?.errors);
  const labels = { username: t('login.username'), password: t('login.password') };
  return (
    <PlatformShell title={t('platform.login_title')}>
      <FormErrorSummary
        errors={actionData?.errors}
        fields={FIELDS.map((name) => ({ name, label: labels[name] }))}
      />
      <h1>{t('platform.login_title')}</h1>
      <p>{t('platform.login_intro')}</p>
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
    </PlatformShell>
  );
}
