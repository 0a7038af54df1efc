import { Alert, useTranslate } from '@linju/ui';
import { redirect } from 'react-router';
import { PlatformShell } from '../components/page-shell.tsx';
import { PasswordSignInForm, SIGN_IN_FIELDS } from '../components/password-sign-in-form.tsx';
import { getAdminContext } from '../context.ts';
import { localFailure } from '../lib/api-errors.ts';
import { formText } from '../lib/form-data.ts';
import { rejectApiError, rejectSubmission } from '../lib/submission.ts';
import { platformPaths } from '../lib/tenant-paths.ts';
import type { Route } from './+types/platform-login';

/** After a setup link was used: say so above the form. */
export function loader({ request }: Route.LoaderArgs) {
  return { setupDone: new URL(request.url).searchParams.get('setup') === 'done' };
}

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
    return rejectApiError(error, { fields: SIGN_IN_FIELDS }, values);
  }
}

export default function PlatformLogin({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  return (
    <PlatformShell title={t('platform.login_title')}>
      {loaderData.setupDone && !actionData ? (
        <Alert tone="success">
          <p>{t('platform.setup_done')}</p>
        </Alert>
      ) : null}
      <PasswordSignInForm errors={actionData?.errors} username={actionData?.values.username}>
        <h1>{t('platform.login_title')}</h1>
        <p>{t('platform.login_intro')}</p>
      </PasswordSignInForm>
    </PlatformShell>
  );
}
