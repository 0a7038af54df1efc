import { Alert, Button, SelectField, TextField, useLocale, useTranslate } from '@linju/ui';
import { Form, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary, useFieldError } from '../components/form-errors.tsx';
import { PlatformShell } from '../components/page-shell.tsx';
import { getAdminContext } from '../context.ts';
import { intent, intentAction } from '../lib/intent-action.ts';
import { platformCall, platformRedirectFor } from '../lib/platform-session.ts';
import { failureOf, type IntentFailure } from '../lib/submission.ts';
import { platformPaths } from '../lib/tenant-paths.ts';
import type { Route } from './+types/platform-domains';

const ADD_FIELDS = ['tenantId', 'host'] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const [domains, tenants, me] = await Promise.all([
    platformCall(caller.platform.domain.getMany()),
    platformCall(caller.platform.tenant.getMany()),
    caller.platform.me(),
  ]);
  const search = new URL(request.url).searchParams;
  const done = (['added', 'removed'] as const).find((value) => value === search.get('done')) ?? null;
  return { domains, tenants, operatorName: me?.operator.displayName, done, doneHost: search.get('host') };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { caller } = getAdminContext(context);
  const back = (done: 'added' | 'removed', name: string) =>
    redirect(`${platformPaths.domains}?done=${done}&host=${encodeURIComponent(name)}`);
  return intentAction(
    request,
    {
      add: intent({
        fields: ADD_FIELDS,
        run: async (values) => back('added', (await caller.platform.domain.add(values)).host),
      }),
      remove: intent({
        keep: ['host'],
        failureKey: (values) => `remove:${values.host}`,
        run: async (values) => back('removed', (await caller.platform.domain.remove(values)).host),
      }),
    },
    { done: () => platformPaths.domains, redirectFor: platformRedirectFor },
  );
}

export default function PlatformDomains({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { domains, tenants, operatorName, done, doneHost } = loaderData;
  const addFailure = failureOf(actionData, 'add');
  const error = useFieldError(addFailure?.errors);
  const nameOf = (tenantId: string) => {
    const tenant = tenants.find((candidate) => candidate.id === tenantId);
    return tenant ? (locale === 'en' ? tenant.nameEn : tenant.nameZh) : '';
  };
  const failure = actionData as IntentFailure | undefined;
  return (
    <PlatformShell title={t('platform.domains_title')} signedIn operatorName={operatorName}>
      <FormErrorSummary
        errors={failure?.errors}
        fields={
          addFailure
            ? [
                { name: 'tenantId', label: t('platform.tenant'), id: 'add-tenantId' },
                { name: 'host', label: t('platform.domain_host'), id: 'add-host' },
              ]
            : []
        }
      />
      {done && doneHost && !failure ? (
        <Alert tone="success">
          <p>
            {t(done === 'added' ? 'platform.domain_done_added' : 'platform.domain_done_removed', {
              host: doneHost,
            })}
          </p>
        </Alert>
      ) : null}
      <h1>{t('platform.domains_title')}</h1>
      <p className="admin-lead">{t('platform.domains_intro')}</p>

      <Form method="post" className="lj-form" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="add" />
        <h2>{t('platform.domain_add_heading')}</h2>
        <div className="admin-field-row">
          <SelectField
            id="add-tenantId"
            name="tenantId"
            label={t('platform.tenant')}
            defaultValue={addFailure?.values.tenantId}
            error={error('tenantId')}
            required
          >
            {tenants.map((tenant) => (
              <option key={tenant.id} value={tenant.id}>
                {locale === 'en' ? tenant.nameEn : tenant.nameZh} ({tenant.slug})
              </option>
            ))}
          </SelectField>
          <TextField
            id="add-host"
            name="host"
            label={t('platform.domain_host')}
            hint={t('platform.domain_host_hint')}
            defaultValue={addFailure?.values.host}
            error={error('host')}
            maxLength={253}
            autoComplete="off"
            spellCheck={false}
            required
          />
        </div>
        <Button type="submit">{t('platform.domain_add_submit')}</Button>
      </Form>

      {domains.length === 0 ? (
        <p>{t('platform.no_domains')}</p>
      ) : (
        <div className="admin-table-scroll">
          <table className="admin-table">
            <caption>{t('platform.domains_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('platform.domain_host')}</th>
                <th scope="col">{t('platform.tenant')}</th>
                <th scope="col">{t('platform.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {domains.map((domain) => (
                <tr key={domain.host} aria-current={domain.host === doneHost ? 'true' : undefined}>
                  <th scope="row">
                    <code>{domain.host}</code>
                  </th>
                  <td>
                    {nameOf(domain.tenantId)}
                    <span className="admin-muted admin-block">
                      <code>{domain.slug}</code>
                    </span>
                  </td>
                  <td>
                    <Form method="post" className="admin-inline-form">
                      <CsrfField />
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="host" value={domain.host} />
                      <Button type="submit" variant="secondary" className="admin-button--small">
                        {t('platform.domain_remove', { host: domain.host })}
                      </Button>
                    </Form>
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
