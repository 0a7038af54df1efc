import { formatDateTime, isMessageKey } from '@linju/i18n';
import { Alert, Button, SelectField, TextField, useLocale, useTranslate } from '@linju/ui';
import { Form } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { intent, intentAction } from '../lib/intent-action.ts';
import { allowsTenantWide, parentMap } from '../lib/permissions.ts';
import { load } from '../lib/route-errors.ts';
import { signedInPerson } from '../lib/session.ts';
import { failureOf } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/statistics-city';

/** The twelve finished months before `now`, newest first (`YYYY-MM`): what may be sent. */
function finishedMonths(now: Date): string[] {
  const months: string[] = [];
  let year = now.getFullYear();
  let month = now.getMonth() + 1;
  for (let i = 0; i < 12; i++) {
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
    months.push(`${year}-${String(month).padStart(2, '0')}`);
  }
  return months;
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const [city, sends, organisations] = await Promise.all([
    load(caller.statistics.citySetting.get()),
    load(caller.statistics.citySend.getMany()),
    load(caller.organisation.getMany()),
  ]);
  const canManage = allowsTenantWide(me.user.roles, 'statistics.city.manage', parentMap(organisations));
  return { slug: tenantSlugFrom(params), city, sends, canManage, months: finishedMonths(new Date()) };
}

/** Saves or clears the city setting, or sends a finished month now. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  return intentAction(
    request,
    {
      setting: intent({
        fields: ['cityNodeId', 'cityTenant', 'sendDay'],
        run: async (values) => {
          await caller.statistics.citySetting.set({
            cityNodeId: values.cityNodeId,
            cityTenant: values.cityTenant,
            sendDay: Number(values.sendDay || '3'),
          });
        },
      }),
      clear: intent({
        errors: { fields: ['month'] },
        run: async () => {
          await caller.statistics.citySetting.clear();
        },
      }),
      send: intent({
        fields: ['month'],
        run: async (values) => {
          await caller.statistics.citySend.create({ month: values.month });
        },
      }),
    },
    { done: (done) => `${tenantPaths.citySending(slug)}${done === 'send' ? '#sends' : ''}` },
  );
}

const STATUS_KEYS = {
  pending: 'statistics.city_send_pending',
  delivered: 'statistics.city_send_delivered',
  refused: 'statistics.city_send_refused',
  failed: 'statistics.city_send_failed',
} as const;

export default function CitySending({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { city, sends, canManage, months } = loaderData;
  const setting = city.setting;
  const fieldError = (intent: string, field: string) => {
    const key = failureOf(actionData, intent)?.errors.fields[field];
    return key && isMessageKey(key) ? t(key) : undefined;
  };
  const formError = (intent: string) => {
    const key = failureOf(actionData, intent)?.errors.form[0];
    return key && isMessageKey(key) ? <Alert tone="error">{t(key)}</Alert> : null;
  };
  const monthLabel = (m: string) =>
    t('statistics.month', { year: m.slice(0, 4), month: String(Number(m.slice(5, 7))) });
  return (
    <>
      <DocumentTitle title={t('statistics.city_title')} tenant={tenant} />
      <h1>{t('statistics.city_title')}</h1>
      <p>{t('statistics.city_intro')}</p>
      <p>
        {setting
          ? t('statistics.city_current', {
              address: `${setting.cityTenant}@${setting.cityNodeId}`,
              day: String(setting.sendDay),
            })
          : t('statistics.city_none')}
      </p>

      {canManage ? (
        <>
          <h2>{t('statistics.city_setting')}</h2>
          <Form method="post" className="admin-form">
            <CsrfField />
            <input type="hidden" name="intent" value="setting" />
            {formError('setting')}
            <SelectField
              label={t('statistics.city_node')}
              name="cityNodeId"
              defaultValue={setting?.cityNodeId ?? city.thisNode ?? ''}
              error={fieldError('setting', 'cityNodeId')}
            >
              {city.thisNode ? (
                <option value={city.thisNode}>
                  {t('statistics.city_this_node', { nodeId: city.thisNode })}
                </option>
              ) : null}
              {city.peers.map((p) => (
                <option key={p.nodeId} value={p.nodeId}>
                  {`${p.name} (${p.nodeId})`}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t('statistics.city_tenant')}
              hint={t('statistics.city_tenant_hint')}
              name="cityTenant"
              required
              defaultValue={setting?.cityTenant ?? ''}
              error={fieldError('setting', 'cityTenant')}
            />
            <TextField
              label={t('statistics.city_send_day')}
              name="sendDay"
              type="number"
              inputMode="numeric"
              min={1}
              max={28}
              defaultValue={setting?.sendDay ?? 3}
              error={fieldError('setting', 'sendDay')}
            />
            <Button type="submit">{t('statistics.city_save')}</Button>
          </Form>
          {setting ? (
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="intent" value="clear" />
              {formError('clear')}
              <Button type="submit" variant="secondary">
                {t('statistics.city_clear')}
              </Button>
            </Form>
          ) : null}

          {setting ? (
            <>
              <h2>{t('statistics.city_send_now')}</h2>
              <Form method="post" className="admin-form">
                <CsrfField />
                <input type="hidden" name="intent" value="send" />
                {formError('send')}
                <SelectField
                  label={t('statistics.city_send_month')}
                  hint={t('statistics.city_send_hint')}
                  name="month"
                  defaultValue={months[0]}
                  error={fieldError('send', 'month')}
                >
                  {months.map((m) => (
                    <option key={m} value={m}>
                      {monthLabel(m)}
                    </option>
                  ))}
                </SelectField>
                <Button type="submit">{t('statistics.city_send')}</Button>
              </Form>
            </>
          ) : null}
        </>
      ) : null}

      <section id="sends" aria-labelledby="sends-heading">
        <h2 id="sends-heading">{t('statistics.city_sends')}</h2>
        {sends.length === 0 ? (
          <p className="admin-muted">{t('statistics.city_no_sends')}</p>
        ) : (
          <table className="admin-statistics-table">
            <caption>{t('statistics.city_sends_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('statistics.period')}</th>
                <th scope="col">{t('statistics.city_revision')}</th>
                <th scope="col">{t('statistics.city_to')}</th>
                <th scope="col">{t('statistics.city_trigger')}</th>
                <th scope="col">{t('statistics.city_sent_at')}</th>
                <th scope="col">{t('statistics.report_status')}</th>
                <th scope="col">{t('statistics.city_answer')}</th>
              </tr>
            </thead>
            <tbody>
              {sends.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{monthLabel(s.month)}</th>
                  <td>{s.revision}</td>
                  <td>{`${s.cityTenant}@${s.cityNodeId}`}</td>
                  <td>
                    {t(
                      s.trigger === 'schedule'
                        ? 'statistics.city_trigger_schedule'
                        : 'statistics.city_trigger_manual',
                    )}
                  </td>
                  <td>{formatDateTime(locale, s.finishedAt ?? s.createdAt)}</td>
                  <td>
                    {t(STATUS_KEYS[s.status])}
                    {s.attempts > 1
                      ? ` (${t('statistics.city_attempts', { count: String(s.attempts) })})`
                      : ''}
                  </td>
                  <td>
                    {/* The city's answer in words; a refusal's technical detail only for whoever opens it. */}
                    {s.status === 'delivered' ? (
                      t('statistics.city_receipt')
                    ) : s.lastError ? (
                      <details>
                        <summary>{t('statistics.city_error_detail')}</summary>
                        <code>{s.lastError}</code>
                      </details>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
