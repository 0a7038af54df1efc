import { Button, TextField, useTranslate } from '@linju/ui';
import { Form, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary, useFieldError } from '../components/form-errors.tsx';
import { PageShell } from '../components/page-shell.tsx';
import { getAdminContext } from '../context.ts';
import { localFailure } from '../lib/api-errors.ts';
import { formText } from '../lib/form-data.ts';
import { sectionsFor } from '../lib/navigation.ts';
import { requireSession, tenantHeader } from '../lib/session.ts';
import { rejectApiError, rejectSubmission } from '../lib/submission.ts';
import { pathForStep, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/change-password';

const FIELDS = ['currentPassword', 'newPassword', 'repeatPassword'] as const;

export async function loader({ params, context }: Route.LoaderArgs) {
  const tenantSlug = tenantSlugFrom(params);
  // Due after sign-in when an administrator reset the password; open to anyone fully signed in.
  const me = await requireSession(getAdminContext(context).caller, tenantSlug, ['change-password', 'home']);
  const signedIn = me.next === 'home';
  return {
    tenant: tenantHeader(me),
    signedIn,
    // Someone fully signed in keeps the app's navigation; a forced change shows none, as nothing else is open yet.
    sections: signedIn ? sectionsFor(me.user.roles, me.tenant) : [],
    userName: me.user.displayName,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const tenantSlug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const form = await request.formData();
  const currentPassword = formText(form, 'currentPassword');
  const newPassword = formText(form, 'newPassword');
  const repeatPassword = formText(form, 'repeatPassword');

  const local = localFailure({
    currentPassword: currentPassword ? undefined : 'validation.required',
    newPassword: newPassword ? undefined : 'validation.required',
    repeatPassword: !repeatPassword
      ? 'validation.required'
      : repeatPassword !== newPassword
        ? 'auth.password_mismatch'
        : undefined,
  });
  if (local) return rejectSubmission(local, {});

  try {
    const { next } = await caller.auth.changePassword({ currentPassword, newPassword });
    return redirect(pathForStep(tenantSlug, next));
  } catch (error) {
    return rejectApiError(
      error,
      {
        fields: FIELDS,
        fieldForMessage: {
          'auth.invalid_credentials': 'currentPassword',
          'auth.password_too_weak': 'newPassword',
          'auth.password_mismatch': 'repeatPassword',
        },
      },
      {},
    );
  }
}

export default function ChangePassword({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const fieldError = useFieldError(actionData?.errors);
  const labels = {
    currentPassword: t('changePassword.current'),
    newPassword: t('changePassword.new'),
    repeatPassword: t('changePassword.repeat'),
  };
  return (
    <PageShell
      title={t('changePassword.title')}
      tenant={loaderData.tenant}
      signedIn={loaderData.signedIn}
      sections={loaderData.sections}
      userName={loaderData.userName}
    >
      <FormErrorSummary
        errors={actionData?.errors}
        fields={FIELDS.map((name) => ({ name, label: labels[name] }))}
      />
      <h1>{t('changePassword.title')}</h1>
      <p>{t('changePassword.intro')}</p>
      <Form method="post" className="lj-form" noValidate>
        <CsrfField />
        <TextField
          label={labels.currentPassword}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={fieldError('currentPassword')}
        />
        <TextField
          label={labels.newPassword}
          hint={t('changePassword.new_hint')}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          error={fieldError('newPassword')}
        />
        <TextField
          label={labels.repeatPassword}
          name="repeatPassword"
          type="password"
          autoComplete="new-password"
          required
          error={fieldError('repeatPassword')}
        />
        <Button type="submit">{t('changePassword.submit')}</Button>
      </Form>
    </PageShell>
  );
}
