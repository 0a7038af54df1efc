import { formatDate, formatNumber } from '@linju/i18n';
import { Alert, Button, useLocale, useTranslate } from '@linju/ui';
import { Form, Link, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary } from '../components/form-errors.tsx';
import { PlatformShell } from '../components/page-shell.tsx';
import { getAdminContext } from '../context.ts';
import { formText } from '../lib/form-data.ts';
import { platformCall, platformRedirectFor } from '../lib/platform-session.ts';
import { rejectIntentApiError } from '../lib/submission.ts';
import { platformPaths, tenantPaths } from '../lib/tenant-paths.ts';
import type { Route } from './+types/platform-tenants';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const [tenants, me] = await Promise.all([
    platformCall(caller.platform.tenant.getMany()),
    caller.platform.me(),
  ]);
  const search = new URL(request.url).searchParams;
  const done = (['suspended', 'resumed'] as const).find((value) => value === search.get('done')) ?? null;
  return {
    tenants,
    operatorName: me?.operator.displayName,
    confirmId: search.get('confirm'),
    done,
    doneSlug: search.get('tenant'),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { caller } = getAdminContext(context);
  const form = await request.formData();
  const tenantId = formText(form, 'tenantId');
  const status = formText(form, 'status') === 'suspended' ? 'suspended' : 'active';
  const slug = formText(form, 'slug');
  try {
    await caller.platform.tenant.setStatus({ tenantId, status });
    const done = status === 'suspended' ? 'suspended' : 'resumed';
    return redirect(`${platformPaths.home}?done=${done}&tenant=${encodeURIComponent(slug)}`);
  } catch (error) {
    const signIn = platformRedirectFor(error);
    if (signIn) return signIn;
    return rejectIntentApiError('set-status', error, { fields: [] });
  }
}

type Tenant = Route.ComponentProps['loaderData']['tenants'][number];

export default function PlatformTenants({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenants, operatorName, confirmId, done, doneSlug } = loaderData;
  const confirming = confirmId ? tenants.find((tenant) => tenant.id === confirmId) : undefined;
  const doneTenant = doneSlug ? tenants.find((tenant) => tenant.slug === doneSlug) : undefined;
  const name = (tenant: Tenant) => (locale === 'en' ? tenant.nameEn : tenant.nameZh);
  const active = tenants.filter((tenant) => tenant.status === 'active').length;
  return (
    <PlatformShell title={t('platform.tenants_title')} signedIn operatorName={operatorName}>
      <FormErrorSummary errors={actionData?.errors} fields={[]} />
      {done && doneTenant ? (
        <Alert tone="success">
          <p>{t(`platform.done_${done}`, { name: name(doneTenant) })}</p>
        </Alert>
      ) : null}
      <div className="admin-page-heading">
        <h1>{t('platform.tenants_title')}</h1>
        <Link className="lj-button lj-button--secondary" to={platformPaths.onboard}>
          {t('platform.nav_onboard')}
        </Link>
      </div>
      <p className="admin-muted">
        {t('platform.tenants_summary', {
          total: formatNumber(locale, tenants.length),
          active: formatNumber(locale, active),
          suspended: formatNumber(locale, tenants.length - active),
        })}
      </p>

      {confirming && confirming.status === 'active' ? (
        <section
          className="admin-panel admin-panel--warning"
          id="confirm"
          aria-labelledby="confirm-heading"
          tabIndex={-1}
        >
          <h2 id="confirm-heading">
            {t('platform.suspend_confirm_title', { name: name(confirming), slug: confirming.slug })}
          </h2>
          <p>{t('platform.suspend_confirm_body')}</p>
          <div className="admin-action-row">
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="tenantId" value={confirming.id} />
              <input type="hidden" name="slug" value={confirming.slug} />
              <input type="hidden" name="status" value="suspended" />
              <Button type="submit" className="admin-button--danger-solid">
                {t('platform.suspend_submit', { name: name(confirming) })}
              </Button>
            </Form>
            <Link className="lj-button lj-button--secondary" to={platformPaths.home}>
              {t('platform.cancel')}
            </Link>
          </div>
        </section>
      ) : null}

      {tenants.length === 0 ? (
        <p>{t('platform.no_tenants')}</p>
      ) : (
        <div className="admin-table-scroll">
          <table className="admin-table">
            <caption id="tenants-caption" className="lj-visually-hidden">
              {t('platform.tenants_caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('platform.tenant')}</th>
                <th scope="col">{t('platform.division_code')}</th>
                <th scope="col">{t('platform.status')}</th>
                <th scope="col" className="admin-number">
                  {t('platform.organisations')}
                </th>
                <th scope="col" className="admin-number">
                  {t('platform.staff')}
                </th>
                <th scope="col">{t('platform.onboarded')}</th>
                <th scope="col">{t('platform.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {tenants.map((tenant) => (
                <tr key={tenant.id}>
                  <th scope="row">
                    {name(tenant)}
                    <span className="admin-muted admin-block">
                      <code>{tenant.slug}</code>
                    </span>
                  </th>
                  <td>{tenant.divisionCode}</td>
                  <td>
                    <span className={`admin-status admin-status--${tenant.status}`}>
                      {t(tenant.status === 'active' ? 'platform.status_active' : 'platform.status_suspended')}
                    </span>
                  </td>
                  <td className="admin-number">{formatNumber(locale, tenant.organisations)}</td>
                  <td className="admin-number">{formatNumber(locale, tenant.staff)}</td>
                  <td className="admin-nowrap">{formatDate(locale, tenant.createdAt)}</td>
                  <td>
                    <div className="admin-cell-actions">
                      {tenant.status === 'active' ? (
                        <Link to={`?confirm=${tenant.id}#confirm`}>
                          {t('platform.suspend')}
                          <span className="lj-visually-hidden"> {name(tenant)}</span>
                        </Link>
                      ) : (
                        <Form method="post">
                          <CsrfField />
                          <input type="hidden" name="tenantId" value={tenant.id} />
                          <input type="hidden" name="slug" value={tenant.slug} />
                          <input type="hidden" name="status" value="active" />
                          <Button type="submit" variant="secondary" className="admin-button--small">
                            {t('platform.resume')}
                            <span className="lj-visually-hidden"> {name(tenant)}</span>
                          </Button>
                        </Form>
                      )}
                      <a href={tenantPaths.login(tenant.slug)}>
                        {t('platform.open_login')}
                        <span className="lj-visually-hidden"> {name(tenant)}</span>
                      </a>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </PlatformShell>
  );
}

export { PlatformErrorBoundary as ErrorBoundary } from '../components/page-shell.tsx';
