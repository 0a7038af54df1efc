import { Button, failureOf, TextField, useTranslate } from '@linju/ui';
import { Form, Link, redirect } from 'react-router';
import { CsrfField } from '../../components/csrf-field.tsx';
import { FormErrorSummary } from '../../components/form-errors.tsx';
import { DocumentTitle } from '../../components/page-shell.tsx';
import { HONEYPOT_FIELD, HoneypotField } from '../../components/public/honeypot-field.tsx';
import { getAdminContext } from '../../context.ts';
import { formText } from '../../lib/form-data.ts';
import { intent, intentAction } from '../../lib/intent-action.ts';
import { publicSitePaths } from '../../lib/public-site-paths.ts';
import { residentOf } from '../../lib/resident.server.ts';
import { publicSiteNext, verifyPath } from '../../lib/resident-next.ts';
import { tenantSlugFrom } from '../../lib/tenant-paths.ts';
import type { Route } from './+types/verify';

/**
 * 验证手机号: a resident proves their mobile number with an SMS code, then goes back to the page
 * that asked (`next`, a path of this district's site only). Two posts, no JavaScript needed: the
 * number (a code is sent), then the code (the resident cookie is set). The number travels in the
 * form, never in the address.
 */
export async function loader(args: Route.LoaderArgs) {
  const slug = tenantSlugFrom(args.params);
  const next = publicSiteNext(slug, new URL(args.request.url).searchParams.get('next'));
  const resident = await residentOf(args);
  return { slug, next, phoneMasked: resident?.phoneMasked ?? null };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller, residentCookie } = getAdminContext(context);
  const form = await request.formData();
  const next = publicSiteNext(slug, formText(form, 'next'));
  return intentAction(
    form,
    {
      send: intent({
        fields: ['phone'],
        required: ['phone'],
        run: async ({ phone }, { form: posted }) => {
          const { phoneMasked } = await caller.residentSession.requestCode({
            phone,
            website: formText(posted, HONEYPOT_FIELD),
          });
          return { sent: { phone, phoneMasked } };
        },
      }),
      verify: intent({
        fields: ['code'],
        keep: ['phone'],
        required: ['code'],
        run: async ({ phone, code }) => {
          const { residentToken, expiresAt } = await caller.residentSession.verify({ phone, code });
          return redirect(next, {
            headers: { 'Set-Cookie': residentCookie.serialize(residentToken, expiresAt) },
          });
        },
      }),
      signOut: intent({
        run: async () => {
          await caller.residentSession.signOut();
          return redirect(verifyPath(slug, next), { headers: { 'Set-Cookie': residentCookie.clear() } });
        },
      }),
    },
    { done: () => verifyPath(slug, next) },
  );
}

type Sent = { sent: { phone: string; phoneMasked: string } };
const sentOf = (actionData: unknown): Sent['sent'] | undefined =>
  typeof actionData === 'object' && actionData !== null && 'sent' in actionData
    ? (actionData as Sent).sent
    : undefined;

export default function Verify({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const { slug, next, phoneMasked } = loaderData;
  const sent = sentOf(actionData);
  const codeFailure = failureOf(actionData, 'verify');
  const sendFailure = failureOf(actionData, 'send');
  // The code step: just sent, or its code refused (the number kept in the form).
  const phone = sent?.phone ?? codeFailure?.values.phone;

  return (
    <>
      <DocumentTitle title={t('publicResident.verify_title')} />
      <h1>{t('publicResident.verify_title')}</h1>
      {phoneMasked && !phone ? (
        <>
          <p>{t('publicResident.verified_as', { phone: phoneMasked })}</p>
          <p>
            <Link to={next}>{t('publicResident.continue')}</Link>
          </p>
          <Form method="post" className="lj-form" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="signOut" />
            <input type="hidden" name="next" value={next} />
            <Button type="submit" variant="secondary">
              {t('publicResident.sign_out')}
            </Button>
          </Form>
        </>
      ) : phone ? (
        <>
          <FormErrorSummary
            errors={codeFailure?.errors}
            fields={[{ name: 'code', label: t('publicResident.code') }]}
          />
          {sent ? <p role="status">{t('publicResident.code_sent', { phone: sent.phoneMasked })}</p> : null}
          <Form method="post" className="lj-form" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="verify" />
            <input type="hidden" name="next" value={next} />
            <input type="hidden" name="phone" value={phone} />
            <TextField
              label={t('publicResident.code')}
              hint={t('publicResident.code_hint')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              maxLength={6}
              required
              error={
                codeFailure?.errors.fields.code
                  ? t(codeFailure.errors.fields.code, codeFailure.errors.params)
                  : undefined
              }
            />
            <Button type="submit">{t('publicResident.verify_submit')}</Button>
          </Form>
          <Form method="post" className="lj-form" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="send" />
            <input type="hidden" name="next" value={next} />
            <input type="hidden" name="phone" value={phone} />
            <HoneypotField />
            <Button type="submit" variant="secondary">
              {t('publicResident.resend')}
            </Button>
          </Form>
          <p>
            <Link to={verifyPath(slug, next)}>{t('publicResident.other_phone')}</Link>
          </p>
        </>
      ) : (
        <>
          <FormErrorSummary
            errors={sendFailure?.errors}
            fields={[{ name: 'phone', label: t('publicResident.phone') }]}
          />
          <p>{t('publicResident.verify_intro')}</p>
          <Form method="post" className="lj-form" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="send" />
            <input type="hidden" name="next" value={next} />
            <TextField
              label={t('publicResident.phone')}
              hint={t('publicResident.phone_hint')}
              name="phone"
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              required
              defaultValue={sendFailure?.values.phone}
              error={
                sendFailure?.errors.fields.phone
                  ? t(sendFailure.errors.fields.phone, sendFailure.errors.params)
                  : undefined
              }
            />
            <HoneypotField />
            <Button type="submit">{t('publicResident.send_code')}</Button>
          </Form>
          <p>
            <Link to={publicSitePaths.home(slug)}>{t('publicSite.home_title')}</Link>
          </p>
        </>
      )}
    </>
  );
}
