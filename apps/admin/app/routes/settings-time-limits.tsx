import { formatNumber, type MessageKey } from '@linju/i18n';
import { Alert, Button, Checkbox, SelectField, TextField, useLocale, useTranslate } from '@linju/ui';
import { Form, Link } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary } from '../components/form-errors.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { intent, intentAction } from '../lib/intent-action.ts';
import { allowsTenantWide, parentMap } from '../lib/permissions.ts';
import { load } from '../lib/route-errors.ts';
import { signedInPerson } from '../lib/session.ts';
import { failureOf, type IntentFailure } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import { limitRows, parseWorkingDays, splitLimitTarget } from '../lib/time-limits.ts';
import type { Route } from './+types/settings-time-limits';

const DONE_MESSAGES = {
  limit: 'timeLimits.done_limit',
  settings: 'timeLimits.done_settings',
} as const satisfies Record<string, MessageKey>;
type Done = keyof typeof DONE_MESSAGES;
const isDone = (value: string | null): value is Done => value !== null && Object.hasOwn(DONE_MESSAGES, value);
const SETTINGS_FIELDS = [
  'numberPrefix',
  'dueSoonWorkingDays',
  'defaultWorkingDays',
  'requireSatisfactionToClose',
] as const;
const LIMIT_FIELDS = ['target', 'workingDays'] as const;

/**
 * 限时办结: how many working days each service (and category) has, and the district's case
 * settings. Plugins bring their own limits; a row set here decides for the whole district.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const [settings, organisations] = await Promise.all([
    load(caller.caseSettings.get()),
    load(caller.organisation.getMany()),
  ]);
  // The centre's catalogue names every service of the district, with its categories and defaults.
  const centre = organisations.find((row) => row.kind === 'centre' && row.parentId === null);
  // The services cases are taken in for: a knowledge service has no cases, so no time limit.
  const services = centre
    ? (await load(caller.catalogue.getMany({ organisationId: centre.id }))).filter(
        (service) => service.kind !== 'knowledge',
      )
    : [];
  const search = new URL(request.url).searchParams;
  const done = search.get('done');
  return {
    settings: {
      numberPrefix: settings.numberPrefix,
      requireSatisfactionToClose: settings.requireSatisfactionToClose,
      dueSoonWorkingDays: settings.dueSoonWorkingDays,
      defaultWorkingDays: settings.defaultWorkingDays,
    },
    rows: limitRows(services, settings.timeLimits),
    services: services.map(({ pluginId, name, categories }) => ({ pluginId, name, categories })),
    canManage: allowsTenantWide(grants, 'case.settings.manage', parentMap(organisations)),
    done: isDone(done) ? done : null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const prefixOf = (values: { numberPrefix: string }) => values.numberPrefix.toUpperCase();
  return intentAction(
    request,
    {
      limit: intent({
        fields: LIMIT_FIELDS,
        check: (values) => ({
          target: splitLimitTarget(values.target) ? undefined : 'validation.required',
          workingDays:
            parseWorkingDays(values.workingDays) === undefined
              ? 'timeLimits.working_days_invalid'
              : undefined,
        }),
        errors: { fieldForPath: { serviceType: 'target', category: 'target' } },
        run: async (values) => {
          const target = splitLimitTarget(values.target);
          const workingDays = parseWorkingDays(values.workingDays);
          if (!target || workingDays === undefined) throw new Error('unreachable: checked above');
          await caller.caseSettings.setTimeLimit({ ...target, workingDays });
        },
      }),
      settings: intent({
        fields: SETTINGS_FIELDS,
        check: (values) => ({
          numberPrefix: /^[A-Z]{1,6}$/.test(prefixOf(values)) ? undefined : 'case.number_prefix_invalid',
          dueSoonWorkingDays:
            parseWorkingDays(values.dueSoonWorkingDays, 0, 30) === undefined
              ? 'validation.out_of_range'
              : undefined,
          defaultWorkingDays:
            parseWorkingDays(values.defaultWorkingDays) === undefined
              ? 'timeLimits.working_days_invalid'
              : undefined,
        }),
        run: async (values) => {
          const dueSoon = parseWorkingDays(values.dueSoonWorkingDays, 0, 30);
          const defaultDays = parseWorkingDays(values.defaultWorkingDays);
          if (dueSoon === undefined || defaultDays === undefined)
            throw new Error('unreachable: checked above');
          await caller.caseSettings.update({
            numberPrefix: prefixOf(values),
            dueSoonWorkingDays: dueSoon,
            defaultWorkingDays: defaultDays,
            requireSatisfactionToClose: values.requireSatisfactionToClose === 'on',
          });
        },
      }),
    },
    { done: (done) => `${tenantPaths.timeLimits(slug)}?done=${done}` },
  );
}

const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  target: 'timeLimits.target',
  workingDays: 'timeLimits.working_days',
  numberPrefix: 'timeLimits.number_prefix',
  dueSoonWorkingDays: 'timeLimits.due_soon',
  defaultWorkingDays: 'timeLimits.default_days',
  requireSatisfactionToClose: 'timeLimits.require_satisfaction',
};

export default function TimeLimits({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { settings, rows, services, canManage, done } = loaderData;
  const failure = actionData as IntentFailure | undefined;
  const limitFailure = failureOf(actionData, 'limit');
  const settingsFailure = failureOf(actionData, 'settings');
  const errorOf = (f: IntentFailure | undefined, name: string) => {
    const key = f?.errors.fields[name];
    return key ? t(key, f?.errors.params) : undefined;
  };
  const prefix = failure?.intent === 'limit' ? 'limit' : 'settings';
  const fields = failure?.intent === 'limit' ? LIMIT_FIELDS : SETTINGS_FIELDS;
  return (
    <>
      <DocumentTitle title={t('timeLimits.title')} tenant={tenant} />
      <p>
        <Link to={tenantPaths.settings(tenant.slug)}>{t('settings.back')}</Link>
      </p>
      <FormErrorSummary
        errors={failure?.errors}
        fields={fields.map((name) => ({
          name,
          label: t(FIELD_LABELS[name] ?? 'timeLimits.target'),
          id: `${prefix}-${name}`,
        }))}
      />
      {done && !failure ? (
        <Alert tone="success">
          <p>{t(DONE_MESSAGES[done])}</p>
        </Alert>
      ) : null}
      <h1>{t('timeLimits.title')}</h1>
      <p className="admin-lead">{t('timeLimits.intro')}</p>

      <div className="admin-table-scroll">
        <table className="admin-table">
          <caption>{t('timeLimits.table_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('timeLimits.service')}</th>
              <th scope="col">{t('timeLimits.category')}</th>
              <th scope="col" className="admin-number">
                {t('timeLimits.working_days')}
              </th>
              <th scope="col">{t('timeLimits.decided_by')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.serviceType}|${row.category}`}>
                <th scope="row">{row.category === '*' ? row.serviceName[locale] : ''}</th>
                <td>{row.category === '*' ? t('timeLimits.all_categories') : row.categoryName[locale]}</td>
                <td className="admin-number">{formatNumber(locale, row.workingDays)}</td>
                <td>
                  <span className={row.district ? 'admin-status' : 'admin-muted'}>
                    {t(row.district ? 'timeLimits.by_district' : 'timeLimits.by_service')}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {canManage ? (
        <div className="admin-split">
          <section className="admin-panel" aria-labelledby="limit-heading">
            <h2 id="limit-heading">{t('timeLimits.set_heading')}</h2>
            <Form method="post" className="lj-form" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="limit" />
              <SelectField
                id="limit-target"
                name="target"
                label={t('timeLimits.target')}
                defaultValue={limitFailure?.values.target ?? ''}
                error={errorOf(limitFailure, 'target')}
                required
              >
                <option value="">{t('ui.choose')}</option>
                {services.map((service) => (
                  <optgroup key={service.pluginId} label={service.name[locale]}>
                    <option value={`${service.pluginId}|*`}>
                      {t('timeLimits.target_all', { service: service.name[locale] })}
                    </option>
                    {service.categories.map((category) => (
                      <option key={category.id} value={`${service.pluginId}|${category.id}`}>
                        {`${service.name[locale]} · ${category.name[locale]}`}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </SelectField>
              <TextField
                id="limit-workingDays"
                name="workingDays"
                inputMode="numeric"
                label={t('timeLimits.working_days')}
                hint={t('timeLimits.working_days_hint')}
                defaultValue={limitFailure?.values.workingDays}
                error={errorOf(limitFailure, 'workingDays')}
                className="admin-field--short"
                required
              />
              <Button type="submit">{t('timeLimits.set_submit')}</Button>
            </Form>
          </section>
          <section className="admin-panel" aria-labelledby="settings-heading">
            <h2 id="settings-heading">{t('timeLimits.settings_heading')}</h2>
            <Form method="post" className="lj-form" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="settings" />
              <TextField
                id="settings-numberPrefix"
                name="numberPrefix"
                label={t('timeLimits.number_prefix')}
                hint={t('timeLimits.number_prefix_hint')}
                defaultValue={settingsFailure?.values.numberPrefix ?? settings.numberPrefix}
                error={errorOf(settingsFailure, 'numberPrefix')}
                className="admin-field--short"
                autoCapitalize="characters"
                required
              />
              <TextField
                id="settings-defaultWorkingDays"
                name="defaultWorkingDays"
                inputMode="numeric"
                label={t('timeLimits.default_days')}
                hint={t('timeLimits.default_days_hint')}
                defaultValue={
                  settingsFailure?.values.defaultWorkingDays ?? String(settings.defaultWorkingDays)
                }
                error={errorOf(settingsFailure, 'defaultWorkingDays')}
                className="admin-field--short"
                required
              />
              <TextField
                id="settings-dueSoonWorkingDays"
                name="dueSoonWorkingDays"
                inputMode="numeric"
                label={t('timeLimits.due_soon')}
                hint={t('timeLimits.due_soon_hint')}
                defaultValue={
                  settingsFailure?.values.dueSoonWorkingDays ?? String(settings.dueSoonWorkingDays)
                }
                error={errorOf(settingsFailure, 'dueSoonWorkingDays')}
                className="admin-field--short"
                required
              />
              <Checkbox
                id="settings-requireSatisfactionToClose"
                name="requireSatisfactionToClose"
                label={t('timeLimits.require_satisfaction')}
                defaultChecked={
                  settingsFailure
                    ? settingsFailure.values.requireSatisfactionToClose === 'on'
                    : settings.requireSatisfactionToClose
                }
              />
              <Button type="submit">{t('timeLimits.settings_submit')}</Button>
            </Form>
          </section>
        </div>
      ) : null}
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
