import { isMessageKey, type MessageKey } from '@linju/i18n';
import { Alert, Button, Checkbox, TextField, useTranslate } from '@linju/ui';
import type { MessageChannel } from '@linju/vocabulary';
import { Form, Link } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary } from '../components/form-errors.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { formText } from '../lib/form-data.ts';
import { intent, intentAction } from '../lib/intent-action.ts';
import { providerRequestFrom } from '../lib/message-provider-forms.ts';
import { load } from '../lib/route-errors.ts';
import { failureOf } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/message-providers';

/** 消息通道: how the district sends on each channel — the adapter, its settings, its SMS templates. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const channels = await load(caller.message.getProviders());
  const saved = new URL(request.url).searchParams.get('saved');
  return { channels, saved };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const form = await request.formData();
  const posted = providerRequestFrom(form, await caller.message.getProviders());
  // Credentials are never echoed back into the page: only the settings and templates are kept.
  const fields = [...form.keys()].filter((k) => k.startsWith('settings.') || k.startsWith('template.'));
  return intentAction(
    form,
    {
      set: intent({
        fields,
        keep: ['channel', 'provider'],
        failureKey: (values) => `set:${values.channel}:${values.provider}`,
        run: async (_values, { refuse }) => {
          if (Object.keys(posted.problems).length > 0) return refuse(posted.problems);
          await caller.message.setProvider(posted.request);
        },
      }),
    },
    { done: () => `${tenantPaths.messageProviders(slug)}?saved=${formText(form, 'channel')}` },
  );
}

type Adapter = Route.ComponentProps['loaderData']['channels'][number]['adapters'][number];

export default function MessageProviders({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const { tenant } = useTenantShell();
  const { channels, saved } = loaderData;
  return (
    <>
      <DocumentTitle title={t('messageProviders.title')} tenant={tenant} />
      <p>
        <Link to={tenantPaths.messages(tenant.slug)}>{t('messageProviders.back')}</Link>
      </p>
      {saved && !actionData ? (
        <Alert tone="success">
          <p>{t('messageProviders.saved', { channel: t(`messageChannel.${saved as MessageChannel}`) })}</p>
        </Alert>
      ) : null}
      <h1>{t('messageProviders.title')}</h1>
      <p className="admin-lead">{t('messageProviders.intro')}</p>
      {channels.map(({ channel, current, adapters }) => (
        <section key={channel} className="admin-panel" aria-labelledby={`channel-${channel}`}>
          <h2 id={`channel-${channel}`}>{t(`messageChannel.${channel}`)}</h2>
          <p>
            {current
              ? t('messageProviders.current', { provider: t(providerName(current)) })
              : t('messageProviders.none')}
          </p>
          {adapters.map((adapter) => (
            <AdapterForm
              key={adapter.provider}
              channel={channel}
              adapter={adapter}
              current={current === adapter.provider}
              actionData={actionData}
            />
          ))}
        </section>
      ))}
    </>
  );
}

const providerName = (provider: string): MessageKey => {
  const key = `messageProvider.${provider}`;
  return isMessageKey(key) ? key : 'messageProvider.log';
};

function AdapterForm({
  channel,
  adapter,
  current,
  actionData,
}: {
  channel: MessageChannel;
  adapter: Adapter;
  current: boolean;
  actionData: Route.ComponentProps['actionData'];
}) {
  const t = useTranslate();
  const failure = failureOf(actionData, `set:${channel}:${adapter.provider}`);
  const typed = (name: string) => failure?.values[name];
  const errorOf = (name: string) => {
    const key = failure?.errors.fields[name];
    return key ? t(key, failure?.errors.params) : undefined;
  };
  const label = (name: string) => {
    const key = `messageProviders.field.${name}`;
    return isMessageKey(key) ? t(key) : name;
  };
  const id = (name: string) => `${channel}-${adapter.provider}-${name}`;
  return (
    <details className="admin-disclosure" open={current || Boolean(failure)}>
      <summary>{t(providerName(adapter.provider))}</summary>
      <FormErrorSummary
        errors={failure?.errors}
        fields={[
          ...adapter.settings.map((f) => ({
            name: `settings.${f.name}`,
            label: label(f.name),
            id: id(f.name),
          })),
          ...adapter.credentials.map((f) => ({
            name: `credentials.${f.name}`,
            label: label(f.name),
            id: id(f.name),
          })),
        ]}
      />
      <Form method="post" className="lj-form" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="set" />
        <input type="hidden" name="channel" value={channel} />
        <input type="hidden" name="provider" value={adapter.provider} />
        {adapter.provider === 'log' ? <p>{t('messageProviders.log_hint')}</p> : null}
        {adapter.settings.map((f) =>
          f.kind === 'boolean' ? (
            <Checkbox
              key={f.name}
              id={id(f.name)}
              name={`settings.${f.name}`}
              label={label(f.name)}
              defaultChecked={
                typed(`settings.${f.name}`) === undefined
                  ? f.value === true
                  : typed(`settings.${f.name}`) === 'on'
              }
            />
          ) : (
            <TextField
              key={f.name}
              id={id(f.name)}
              name={`settings.${f.name}`}
              label={label(f.name)}
              inputMode={f.kind === 'number' ? 'numeric' : undefined}
              required={f.required}
              defaultValue={typed(`settings.${f.name}`) ?? String(f.value)}
              error={errorOf(`settings.${f.name}`)}
            />
          ),
        )}
        {adapter.credentials.map((f) => (
          <TextField
            key={f.name}
            id={id(f.name)}
            name={`credentials.${f.name}`}
            type="password"
            autoComplete="new-password"
            label={label(f.name)}
            hint={adapter.credentialsSaved ? t('messageProviders.credential_saved') : undefined}
            error={errorOf(`credentials.${f.name}`)}
          />
        ))}
        {adapter.templates.length > 0 ? (
          <fieldset className="admin-fieldset">
            <legend>{t('messageProviders.templates')}</legend>
            <p className="admin-muted">{t('messageProviders.templates_hint')}</p>
            {adapter.templates.map((row) => {
              const name = t(`messageTemplateName.${row.key}` as MessageKey);
              return (
                <div key={row.key} className="admin-template-row">
                  <TextField
                    id={id(`${row.key}-id`)}
                    name={`template.${row.key}.id`}
                    label={t('messageProviders.template_id', { template: name })}
                    defaultValue={typed(`template.${row.key}.id`) ?? row.templateId}
                  />
                  <TextField
                    id={id(`${row.key}-params`)}
                    name={`template.${row.key}.params`}
                    label={t('messageProviders.template_params', { template: name })}
                    hint={t('messageProviders.template_params_hint', {
                      count: row.params.length,
                      ours: row.params.join('、'),
                    })}
                    defaultValue={typed(`template.${row.key}.params`) ?? row.providerParams}
                    error={errorOf(`template.${row.key}.params`)}
                  />
                </div>
              );
            })}
          </fieldset>
        ) : null}
        <Button type="submit">
          {t('messageProviders.save', { provider: t(providerName(adapter.provider)) })}
        </Button>
      </Form>
    </details>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
