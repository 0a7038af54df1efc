import { Button, useTranslate } from '@linju/ui';
import { Form, Link, redirect, type ShouldRevalidateFunctionArgs } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary, useFieldError } from '../components/form-errors.tsx';
import { OneTimeCodeField } from '../components/one-time-code-field.tsx';
import { PageShell } from '../components/page-shell.tsx';
import { QrCode } from '../components/qr-code.tsx';
import { getAdminContext } from '../context.ts';
import { isTrpcError, localFailure } from '../lib/api-errors.ts';
import { formText, groupSecret, normaliseOneTimeCode } from '../lib/form-data.ts';
import { requireSession, tenantHeader } from '../lib/session.ts';
import { rejectApiError, rejectSubmission } from '../lib/submission.ts';
import { pathForStep, tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/login-totp-setup';

const FIELDS = ['code'];

// A base32 key and an otpauth:// URI: what the API hands out. Posted values are checked against
// these before they are shown again, so the form cannot be used to put arbitrary links on the page.
const BASE32_SECRET = /^[A-Z2-7]{16,128}$/;
const OTPAUTH_URI = /^otpauth:\/\/totp\/[^\s]+$/;

export async function loader({ params, context }: Route.LoaderArgs) {
  const tenantSlug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  // Setup is the step due after a password sign-in, or a choice of someone fully signed in.
  const me = await requireSession(caller, tenantSlug, ['totp-setup', 'home']);
  try {
    const { secret, uri } = await caller.auth.beginTotpSetup();
    return { tenant: tenantHeader(me), secret, uri };
  } catch (error) {
    if (isTrpcError(error) && error.message === 'auth.totp_already_enrolled') {
      throw redirect(pathForStep(tenantSlug, me.next === 'home' ? 'home' : 'totp'));
    }
    throw error;
  }
}

/**
 * Keep the key on the page while the person is on it: a new one after a failed code or a language
 * switch would no longer match the one they just added to their app.
 */
export function shouldRevalidate({
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}: ShouldRevalidateFunctionArgs) {
  return currentUrl.pathname === nextUrl.pathname ? false : defaultShouldRevalidate;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const tenantSlug = tenantSlugFrom(params);
  const { caller, sessionCookie } = getAdminContext(context);
  const form = await request.formData();
  const secret = formText(form, 'secret').trim().toUpperCase();
  const uri = formText(form, 'uri').trim();
  const code = normaliseOneTimeCode(formText(form, 'code'));
  // Without JavaScript the loader runs again after a failed post and makes a new key; the posted
  // one is sent back so the page keeps showing the key the person already enrolled.
  const values: { secret?: string; uri?: string } =
    BASE32_SECRET.test(secret) && OTPAUTH_URI.test(uri) ? { secret, uri } : {};
  const missing = localFailure({ code: code ? undefined : 'validation.required' });
  if (missing) return rejectSubmission(missing, values);
  try {
    const { next, sessionToken, expiresAt } = await caller.auth.confirmTotpSetup({ secret, code });
    // The session was replaced once the code was accepted: the browser takes the new one.
    return redirect(pathForStep(tenantSlug, next), {
      headers: { 'Set-Cookie': sessionCookie.serialize(sessionToken, expiresAt) },
    });
  } catch (error) {
    return rejectApiError(
      error,
      { fields: FIELDS, fieldForMessage: { 'auth.totp_invalid': 'code' } },
      values,
    );
  }
}

export default function LoginTotpSetup({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const fieldError = useFieldError(actionData?.errors);
  const posted = actionData?.values;
  const { secret, uri } =
    posted?.secret && posted.uri ? { secret: posted.secret, uri: posted.uri } : loaderData;
  return (
    <PageShell title={t('totpSetup.title')} tenant={loaderData.tenant}>
      <FormErrorSummary errors={actionData?.errors} fields={[{ name: 'code', label: t('totp.code') }]} />
      <h1>{t('totpSetup.title')}</h1>
      <p>{t('totpSetup.intro')}</p>

      <h2>{t('totpSetup.scan_heading')}</h2>
      <QrCode text={uri} label={t('totpSetup.qr_label')} />
      <p>{t('totpSetup.manual')}</p>
      <dl className="admin-details">
        <dt>{t('totpSetup.secret_label')}</dt>
        <dd>
          <code className="admin-secret" data-testid="totp-secret">
            {groupSecret(secret)}
          </code>
        </dd>
        <dt>{t('totpSetup.uri_label')}</dt>
        <dd>
          <a className="admin-uri" href={uri}>
            <code>{uri}</code>
          </a>
        </dd>
      </dl>

      <h2>{t('totpSetup.confirm_heading')}</h2>
      <Form method="post" className="lj-form" noValidate>
        <CsrfField />
        <input type="hidden" name="secret" value={secret} />
        <input type="hidden" name="uri" value={uri} />
        <OneTimeCodeField label={t('totp.code')} hint={t('totp.code_hint')} error={fieldError('code')} />
        <Button type="submit">{t('totpSetup.submit')}</Button>
      </Form>
      <p>
        <Link to={tenantPaths.login(loaderData.tenant.slug)}>{t('nav.back_to_login')}</Link>
      </p>
    </PageShell>
  );
}
