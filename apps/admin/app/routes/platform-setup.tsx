import { Alert, Button, TextField, useTranslate } from '@linju/ui';
import { data, Form, Link, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary, useFieldError } from '../components/form-errors.tsx';
import { OneTimeCodeField } from '../components/one-time-code-field.tsx';
import { PlatformShell } from '../components/page-shell.tsx';
import { QrCode } from '../components/qr-code.tsx';
import { getAdminContext } from '../context.ts';
import { isTrpcError } from '../lib/api-errors.ts';
import { formText, groupSecret, normaliseOneTimeCode } from '../lib/form-data.ts';
import { rejectApiError } from '../lib/submission.ts';
import { platformPaths } from '../lib/tenant-paths.ts';
import type { Route } from './+types/platform-setup';

const FIELDS = ['password', 'confirm', 'code'];

/** The link opens the page while it is unused and unexpired; otherwise one plain answer, 410. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  try {
    return { setup: await caller.platform.setup.view({ token: params.token }) };
  } catch (error) {
    if (isTrpcError(error) && ['NOT_FOUND', 'BAD_REQUEST'].includes(error.code))
      return data({ setup: null }, { status: 410 });
    throw error;
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { caller } = getAdminContext(context);
  const form = await request.formData();
  try {
    await caller.platform.setup.complete({
      token: params.token,
      password: formText(form, 'password'),
      confirm: formText(form, 'confirm'),
      code: normaliseOneTimeCode(formText(form, 'code')),
    });
    return redirect(`${platformPaths.login}?setup=done`);
  } catch (error) {
    return rejectApiError(
      error,
      { fields: FIELDS, fieldForMessage: { 'auth.totp_invalid': 'code', 'auth.totp_used': 'code' } },
      {},
    );
  }
}

export default function PlatformSetup({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const fieldError = useFieldError(actionData?.errors);
  const { setup } = loaderData;
  if (!setup)
    return (
      <PlatformShell title={t('platform.setup_invalid_title')}>
        <h1>{t('platform.setup_invalid_title')}</h1>
        <Alert tone="warning">
          <p>{t('platform.setup_link_invalid')}</p>
        </Alert>
        <p>
          <Link to={platformPaths.login}>{t('nav.back_to_login')}</Link>
        </p>
      </PlatformShell>
    );
  const labels = {
    password: t('changePassword.new'),
    confirm: t('changePassword.repeat'),
    code: t('totp.code'),
  };
  return (
    <PlatformShell title={t('platform.setup_title')}>
      <FormErrorSummary
        errors={actionData?.errors}
        fields={FIELDS.map((name) => ({ name, label: labels[name as keyof typeof labels] }))}
      />
      <h1>{t('platform.setup_title')}</h1>
      <p>{t('platform.setup_intro', { name: setup.displayName, username: setup.username })}</p>
      <h2>{t('totpSetup.scan_heading')}</h2>
      <QrCode text={setup.uri} label={t('totpSetup.qr_label')} />
      <p>{t('totpSetup.manual')}</p>
      <dl className="admin-details">
        <dt>{t('totpSetup.secret_label')}</dt>
        <dd>
          <code className="admin-secret" data-testid="totp-secret">
            {groupSecret(setup.secret)}
          </code>
        </dd>
      </dl>
      <Form method="post" className="lj-form" noValidate>
        <CsrfField />
        <h2>{t('totpSetup.confirm_heading')}</h2>
        <OneTimeCodeField label={labels.code} hint={t('totp.code_hint')} error={fieldError('code')} />
        <h2>{t('platform.setup_password_heading')}</h2>
        <TextField
          label={labels.password}
          hint={t('changePassword.new_hint')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          error={fieldError('password')}
        />
        <TextField
          label={labels.confirm}
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          error={fieldError('confirm')}
        />
        <Button type="submit">{t('platform.setup_submit')}</Button>
      </Form>
    </PlatformShell>
  );
}
