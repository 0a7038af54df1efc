import { formatDate, formatNumber, type MessageKey } from '@linju/i18n';
import { Alert, Button, ConfirmStep, SelectField, TextField, useLocale, useTranslate } from '@linju/ui';
import { Form, Link, redirect, useLocation } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary, useFieldError } from '../components/form-errors.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { isIsoDate, todayIn } from '../lib/advisers.ts';
import { auditSearchFor } from '../lib/audit-log.ts';
import { intent, intentAction } from '../lib/intent-action.ts';
import { allowsTenantWide, parentMap } from '../lib/permissions.ts';
import { load } from '../lib/route-errors.ts';
import { signedInPerson } from '../lib/session.ts';
import { failureOf, type IntentFailure } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/settings-holidays';

const KIND_LABELS: Readonly<Record<string, MessageKey>> = {
  holiday: 'holidays.kind_holiday',
  workday: 'holidays.kind_workday',
};
const DONE_MESSAGES = {
  set: 'holidays.done_set',
  removed: 'holidays.done_removed',
} as const satisfies Record<string, MessageKey>;
type Done = keyof typeof DONE_MESSAGES;
const isDone = (value: string | null): value is Done => value !== null && Object.hasOwn(DONE_MESSAGES, value);
const DAY_FIELDS = ['day', 'kind', 'name'] as const;

/** The year in the URL, else the district's current year; out-of-range years fall back too. */
function yearFrom(search: URLSearchParams, today: string): number {
  const asked = Number(search.get('year'));
  return Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : Number(today.slice(0, 4));
}

/**
 * The district's working calendar (限时办结 counts working days on it): public holidays and the
 * make-up working days (调休) of a year, seeded from the State Council's dates. A local day off is
 * added, a corrected date changed, a wrong one removed; cases take the change from their next deadline.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const search = new URL(request.url).searchParams;
  const today = todayIn();
  const year = yearFrom(search, today);
  const [days, organisations] = await Promise.all([
    load(caller.calendar.getMany({ year })),
    load(caller.organisation.getMany()),
  ]);
  const done = search.get('done');
  return {
    year,
    days,
    today,
    canManage: allowsTenantWide(grants, 'case.settings.manage', parentMap(organisations)),
    done: isDone(done) ? done : null,
    doneDay: search.get('day'),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const back = (done: Done, day: string) =>
    redirect(`${tenantPaths.holidays(slug)}?year=${day.slice(0, 4)}&done=${done}&day=${day}`);
  return intentAction(
    request,
    {
      set: intent({
        fields: DAY_FIELDS,
        check: (values) => ({
          day: !values.day
            ? 'validation.required'
            : isIsoDate(values.day)
              ? undefined
              : 'validation.date_invalid',
          kind: values.kind === 'holiday' || values.kind === 'workday' ? undefined : 'validation.required',
          name: values.name ? undefined : 'validation.required',
        }),
        run: async (values) => {
          await caller.calendar.set({
            day: values.day,
            kind: values.kind === 'workday' ? 'workday' : 'holiday',
            name: values.name,
          });
          return back('set', values.day);
        },
      }),
      remove: intent({
        keep: ['day', 'name'],
        failureKey: (values) => `remove:${values.day}`,
        confirm: ({ day, name }) => ({ question: 'holidays.remove_confirm', params: { day, name } }),
        run: async (values) => {
          await caller.calendar.remove({ day: values.day });
          return back('removed', values.day);
        },
      }),
    },
    { done: () => tenantPaths.holidays(slug) },
  );
}

export default function Holidays({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const location = useLocation();
  const { year, days, canManage, done, doneDay, today } = loaderData;
  const failure = actionData as IntentFailure | undefined;
  const setFailure = failureOf(actionData, 'set');
  const error = useFieldError(setFailure?.errors);
  const holidays = days.filter((day) => day.kind === 'holiday').length;
  const yearLink = (y: number) => `${tenantPaths.holidays(tenant.slug)}?year=${y}`;
  return (
    <>
      <DocumentTitle title={t('holidays.title')} tenant={tenant} />
      <p>
        <Link to={tenantPaths.settings(tenant.slug)}>{t('settings.back')}</Link>
      </p>
      <FormErrorSummary
        errors={failure?.errors}
        fields={
          failure?.intent === 'set'
            ? DAY_FIELDS.map((name) => ({
                name,
                label: t(FIELD_LABELS[name] ?? 'holidays.day'),
                id: `set-${name}`,
              }))
            : []
        }
      />
      <ConfirmStep />
      {done && doneDay && !failure ? (
        <Alert tone="success">
          <p>{t(DONE_MESSAGES[done], { day: formatDate(locale, doneDay) })}</p>
        </Alert>
      ) : null}
      <h1>{t('holidays.title_year', { year: String(year) })}</h1>
      <p className="admin-lead">{t('holidays.intro')}</p>
      <nav className="admin-pager" aria-label={t('holidays.years')}>
        <Link to={yearLink(year - 1)} rel="prev">
          {t('holidays.previous_year', { year: String(year - 1) })}
        </Link>{' '}
        <Link to={yearLink(year + 1)} rel="next">
          {t('holidays.next_year', { year: String(year + 1) })}
        </Link>
      </nav>

      {canManage ? (
        <details key={location.key} className="admin-disclosure" open={Boolean(setFailure)}>
          <summary>{t('holidays.set_heading')}</summary>
          <Form method="post" className="lj-form" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="set" />
            <p>{t('holidays.set_intro')}</p>
            <div className="admin-field-row">
              <TextField
                id="set-day"
                name="day"
                type="date"
                label={t('holidays.day')}
                defaultValue={setFailure?.values.day ?? `${year}-${today.slice(5)}`}
                error={error('day')}
                required
              />
              <SelectField
                id="set-kind"
                name="kind"
                label={t('holidays.kind')}
                defaultValue={setFailure?.values.kind ?? 'holiday'}
                error={error('kind')}
                required
              >
                <option value="holiday">{t('holidays.kind_holiday')}</option>
                <option value="workday">{t('holidays.kind_workday')}</option>
              </SelectField>
            </div>
            <TextField
              id="set-name"
              name="name"
              label={t('holidays.name')}
              hint={t('holidays.name_hint')}
              defaultValue={setFailure?.values.name}
              error={error('name')}
              maxLength={40}
              required
            />
            <Button type="submit">{t('holidays.set_submit')}</Button>
          </Form>
        </details>
      ) : null}

      {days.length === 0 ? (
        <p>{t('holidays.none', { year: String(year) })}</p>
      ) : (
        <div className="admin-table-scroll">
          <table className="admin-table">
            <caption>
              {t('holidays.count', {
                holidays: formatNumber(locale, holidays),
                workdays: formatNumber(locale, days.length - holidays),
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('holidays.day')}</th>
                <th scope="col">{t('holidays.kind')}</th>
                <th scope="col">{t('holidays.name')}</th>
                <th scope="col">{t('holidays.source')}</th>
                {canManage ? <th scope="col">{t('holidays.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {days.map((day) => (
                <tr key={day.day} aria-current={day.day === doneDay ? 'true' : undefined}>
                  <th scope="row" className="admin-nowrap">
                    {formatDate(locale, day.day)}
                  </th>
                  <td>
                    <span className={`admin-status admin-status--calendar-${day.kind}`}>
                      {t(KIND_LABELS[day.kind] ?? 'holidays.kind_holiday')}
                    </span>
                  </td>
                  <td>{day.name}</td>
                  <td className="admin-muted">{day.source}</td>
                  {canManage ? (
                    <td>
                      <Form method="post" className="admin-inline-form">
                        <CsrfField />
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="day" value={day.day} />
                        <input type="hidden" name="name" value={day.name} />
                        <Button type="submit" variant="secondary" className="admin-button--small">
                          {t('holidays.remove', { day: formatDate(locale, day.day) })}
                        </Button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <Link to={`${tenantPaths.audit(tenant.slug)}${auditSearchFor('calendar', '')}`}>
          {t('holidays.history_link')}
        </Link>
      </p>
    </>
  );
}

const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  day: 'holidays.day',
  kind: 'holidays.kind',
  name: 'holidays.name',
};

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
