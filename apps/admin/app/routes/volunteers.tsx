import type { MessageKey } from '@linju/i18n';
import {
  Alert,
  Button,
  changedView,
  DataTable,
  pageOf,
  readTableView,
  SelectField,
  type TableChange,
  TextField,
  tableViewParams,
  useLocale,
  useTranslate,
} from '@linju/ui';
import { Form, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { OrganisationSelect } from '../components/organisation-select.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import {
  sortedVolunteers,
  VOLUNTEER_SORTS,
  volunteerColumns,
  volunteerRowView,
} from '../components/volunteer-columns.tsx';
import { getAdminContext } from '../context.ts';
import { isIsoDate, todayIn } from '../lib/advisers.ts';
import { intent, intentAction } from '../lib/intent-action.ts';
import { organisationOptions } from '../lib/organisation-rules.ts';
import { isOpenNetworkUnit, organisationName, organisationRow } from '../lib/organisation-tree.ts';
import { allowsOn, parentMap } from '../lib/permissions.ts';
import { load } from '../lib/route-errors.ts';
import { signedInPerson } from '../lib/session.ts';
import { failureOf } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/volunteers';

const REGISTER_FIELDS = [
  'organisationId',
  'name',
  'phone',
  'skills',
  'availability',
  'registeredOn',
] as const;
const HOURS_FIELDS = ['volunteerId', 'servedOn', 'dutySlotId', 'caseNumber', 'minutes'] as const;
const DONE: Readonly<Record<string, MessageKey>> = {
  registered: 'volunteers.done_registered',
  logged: 'volunteers.done_logged',
};
const isMonth = (value: string | null): value is string => !!value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/**
 * 志愿者: the volunteers of the units one may see, each with their service time in a month; managers
 * register volunteers and log hours for a duty slot of the unit's rota or for a case.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const search = new URL(request.url).searchParams;
  const today = todayIn();
  const month = isMonth(search.get('month')) ? (search.get('month') as string) : today.slice(0, 7);
  const organisations = await load(caller.organisation.getMany());
  const parents = parentMap(organisations);
  const units = organisations.filter((row) => isOpenNetworkUnit(row));
  const unit = units.find((row) => row.id === search.get('org')) ?? null;
  const volunteers = await load(caller.volunteer.getMany({ month, organisationId: unit?.id ?? null }));
  const managedUnits = units.filter((row) => allowsOn(grants, 'volunteer.manage', row.id, parents));
  const slots =
    unit && allowsOn(grants, 'volunteer.manage', unit.id, parents)
      ? (await load(caller.roster.get({ organisationId: unit.id, fromMonth: month }))).slots
      : [];
  const done = search.get('done') ?? '';
  return {
    month,
    today,
    unit: unit ? organisationRow(unit) : null,
    units: units.map(organisationRow),
    managedUnits: managedUnits.map(organisationRow),
    view: readTableView(search, VOLUNTEER_SORTS),
    volunteers: volunteers.map((v) => ({
      ...volunteerRowView(v),
      canLog: managedUnits.some((row) => row.id === v.organisationId),
    })),
    slots: slots.map(({ id, weekday, startsAt, endsAt, personName }) => ({
      id,
      weekday,
      startsAt,
      endsAt,
      personName,
    })),
    done: Object.hasOwn(DONE, done) ? done : null,
  };
}

/** Skills as typed, separated by any of the usual marks. */
const skillsOf = (text: string) =>
  text
    .split(/[,，、;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
const minutesOf = (text: string) => (text ? Number(text) : null);

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const back = (values: { month: string; org: string }, done: string) =>
    redirect(
      `${tenantPaths.volunteers(slug)}?month=${encodeURIComponent(values.month)}&org=${encodeURIComponent(values.org)}&done=${done}`,
    );
  return intentAction(
    request,
    {
      register: intent({
        fields: REGISTER_FIELDS,
        keep: ['month', 'org'],
        check: (values) => ({
          organisationId: values.organisationId ? undefined : 'validation.required',
          name: values.name ? undefined : 'volunteer.name_required',
          skills: skillsOf(values.skills).length > 0 ? undefined : 'volunteer.skills_required',
          availability: values.availability ? undefined : 'volunteer.availability_required',
          registeredOn: isIsoDate(values.registeredOn) ? undefined : 'validation.date_invalid',
        }),
        errors: { fieldForPath: { 'skills.0': 'skills' } },
        run: async (values) => {
          await caller.volunteer.create({
            organisationId: values.organisationId,
            name: values.name,
            phone: values.phone || null,
            skills: skillsOf(values.skills),
            availability: values.availability,
            registeredOn: values.registeredOn,
          });
          return back(values, 'registered');
        },
      }),
      hours: intent({
        fields: HOURS_FIELDS,
        keep: ['month', 'org'],
        check: (values) => {
          const minutes = minutesOf(values.minutes);
          return {
            volunteerId: values.volunteerId ? undefined : 'validation.required',
            servedOn: isIsoDate(values.servedOn) ? undefined : 'validation.date_invalid',
            dutySlotId:
              Boolean(values.dutySlotId) !== Boolean(values.caseNumber)
                ? undefined
                : 'volunteer.slot_or_case_required',
            minutes:
              minutes === null || (Number.isInteger(minutes) && minutes > 0 && minutes <= 1440)
                ? undefined
                : 'volunteer.minutes_invalid',
          };
        },
        errors: { fieldForPath: { caseId: 'caseNumber' } },
        run: async (values, { refuse }) => {
          let caseId: string | null = null;
          if (values.caseNumber) {
            const found = await caller.case.getMany({ number: values.caseNumber, limit: 1 });
            caseId = found.cases[0]?.id ?? null;
            if (!caseId) return refuse({ caseNumber: 'volunteers.case_not_found' });
          }
          await caller.volunteer.logHours({
            volunteerId: values.volunteerId,
            servedOn: values.servedOn,
            minutes: minutesOf(values.minutes),
            dutySlotId: values.dutySlotId || null,
            caseId,
          });
          return back(values, 'logged');
        },
      }),
    },
    { done: () => tenantPaths.volunteers(slug) },
  );
}

const WEEKDAY_KEYS: readonly MessageKey[] = [
  'volunteers.weekday_1',
  'volunteers.weekday_2',
  'volunteers.weekday_3',
  'volunteers.weekday_4',
  'volunteers.weekday_5',
  'volunteers.weekday_6',
  'volunteers.weekday_7',
];

export default function Volunteers({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { month, today, unit, units, managedUnits, volunteers, slots, done, view } = loaderData;
  const listed = (change: TableChange) =>
    `${tenantPaths.volunteers(tenant.slug)}?${new URLSearchParams({
      month,
      org: unit?.id ?? '',
      ...tableViewParams(changedView(view, change), VOLUNTEER_SORTS),
    })}`;
  const register = failureOf(actionData, 'register');
  const hours = failureOf(actionData, 'hours');
  const errorOf = (failure: typeof register, name: string) => {
    const key = failure?.errors.fields[name];
    return key ? t(key, failure?.errors.params) : undefined;
  };
  const loggable = volunteers.filter((v) => v.canLog);
  const formErrors = (register ?? hours)?.errors.form ?? [];
  return (
    <>
      <DocumentTitle title={t('volunteers.title')} tenant={tenant} />
      {done && !register && !hours ? (
        <Alert tone="success">
          <p>{t(DONE[done] ?? 'volunteers.done_registered')}</p>
        </Alert>
      ) : null}
      {formErrors.length > 0 ? (
        <Alert tone="error">
          {formErrors.map((key) => (
            <p key={key}>{t(key)}</p>
          ))}
        </Alert>
      ) : null}
      <h1>{t('volunteers.title')}</h1>
      <p className="admin-lead">{t('volunteers.intro')}</p>
      <Form method="get" className="lj-form admin-filters">
        <TextField
          id="v-month"
          name="month"
          type="month"
          label={t('volunteers.month')}
          defaultValue={month}
        />
        <OrganisationSelect
          id="v-org"
          name="org"
          label={t('volunteers.unit')}
          options={organisationOptions(units, locale)}
          defaultValue={unit?.id ?? ''}
          placeholder={t('volunteers.all_units')}
        />
        <input type="hidden" name="sort" value={view.sort} />
        <input type="hidden" name="size" value={view.size} />
        <Button type="submit" variant="secondary">
          {t('volunteers.show')}
        </Button>
      </Form>
      <DataTable
        columns={volunteerColumns(locale)}
        rows={pageOf(sortedVolunteers(volunteers, view.sort, locale), view)}
        rowKey={(v) => v.id}
        view={view}
        total={{ count: volunteers.length, capped: false }}
        empty={t('volunteers.none')}
        to={listed}
        tableClassName="admin-table"
        actions={
          <a
            className="lj-button lj-button--secondary"
            href={`${tenantPaths.volunteersXlsx(tenant.slug)}?${new URLSearchParams({ month, org: unit?.id ?? '', sort: view.sort })}`}
          >
            {t('table.export')}
          </a>
        }
      />
      {managedUnits.length > 0 ? (
        <section aria-labelledby="register-heading">
          <h2 id="register-heading">{t('volunteers.register_heading')}</h2>
          <Form method="post" className="lj-form">
            <CsrfField />
            <input type="hidden" name="intent" value="register" />
            <input type="hidden" name="month" value={month} />
            <input type="hidden" name="org" value={unit?.id ?? ''} />
            <OrganisationSelect
              id="organisationId"
              name="organisationId"
              label={t('volunteers.unit')}
              options={organisationOptions(managedUnits, locale)}
              defaultValue={register?.values.organisationId ?? unit?.id ?? ''}
              error={errorOf(register, 'organisationId')}
            />
            <TextField
              id="name"
              name="name"
              label={t('volunteers.name')}
              defaultValue={register?.values.name ?? ''}
              error={errorOf(register, 'name')}
            />
            <TextField
              id="phone"
              name="phone"
              type="tel"
              label={t('volunteers.phone')}
              defaultValue={register?.values.phone ?? ''}
              error={errorOf(register, 'phone')}
            />
            <TextField
              id="skills"
              name="skills"
              label={t('volunteers.skills')}
              hint={t('volunteers.skills_hint')}
              defaultValue={register?.values.skills ?? ''}
              error={errorOf(register, 'skills')}
            />
            <TextField
              id="availability"
              name="availability"
              label={t('volunteers.availability')}
              hint={t('volunteers.availability_hint')}
              defaultValue={register?.values.availability ?? ''}
              error={errorOf(register, 'availability')}
            />
            <TextField
              id="registeredOn"
              name="registeredOn"
              type="date"
              label={t('volunteers.registered_on')}
              defaultValue={register?.values.registeredOn ?? today}
              error={errorOf(register, 'registeredOn')}
            />
            <Button type="submit">{t('volunteers.register_submit')}</Button>
          </Form>
        </section>
      ) : null}
      {loggable.length > 0 ? (
        <section aria-labelledby="hours-heading">
          <h2 id="hours-heading">{t('volunteers.hours_heading')}</h2>
          <p>
            {unit
              ? t('volunteers.hours_intro_unit', { unit: organisationName(unit, locale) })
              : t('volunteers.hours_intro')}
          </p>
          <Form method="post" className="lj-form">
            <CsrfField />
            <input type="hidden" name="intent" value="hours" />
            <input type="hidden" name="month" value={month} />
            <input type="hidden" name="org" value={unit?.id ?? ''} />
            <SelectField
              id="volunteerId"
              name="volunteerId"
              label={t('volunteers.name')}
              defaultValue={hours?.values.volunteerId ?? ''}
              error={errorOf(hours, 'volunteerId')}
            >
              <option value="">—</option>
              {loggable.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </SelectField>
            <TextField
              id="servedOn"
              name="servedOn"
              type="date"
              label={t('volunteers.served_on')}
              defaultValue={hours?.values.servedOn ?? today}
              error={errorOf(hours, 'servedOn')}
            />
            <SelectField
              id="dutySlotId"
              name="dutySlotId"
              label={t('volunteers.duty_slot')}
              defaultValue={hours?.values.dutySlotId ?? ''}
              error={errorOf(hours, 'dutySlotId')}
            >
              <option value="">—</option>
              {slots.map((s) => (
                <option key={s.id} value={s.id}>
                  {`${t(WEEKDAY_KEYS[s.weekday - 1] ?? 'volunteers.weekday_1')} ${s.startsAt}–${s.endsAt} · ${s.personName}`}
                </option>
              ))}
            </SelectField>
            <TextField
              id="caseNumber"
              name="caseNumber"
              label={t('volunteers.case_number')}
              hint={t('volunteers.case_number_hint')}
              defaultValue={hours?.values.caseNumber ?? ''}
              error={errorOf(hours, 'caseNumber')}
            />
            <TextField
              id="minutes"
              name="minutes"
              type="number"
              min={1}
              max={1440}
              label={t('volunteers.minutes')}
              hint={t('volunteers.minutes_hint')}
              defaultValue={hours?.values.minutes ?? ''}
              error={errorOf(hours, 'minutes')}
            />
            <Button type="submit">{t('volunteers.hours_submit')}</Button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
