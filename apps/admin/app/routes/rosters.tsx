import type { MessageKey } from '@linju/i18n';
import { Alert, Button, type IntentFailure, useLocale, useTranslate } from '@linju/ui';
import { Form, redirect } from 'react-router';
import { FormErrorSummary } from '../components/form-errors.tsx';
import { OrganisationSelect } from '../components/organisation-select.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { isIsoDate, todayIn } from '../lib/advisers.ts';
import { intent, intentAction } from '../lib/intent-action.ts';
import { organisationOptions } from '../lib/organisation-rules.ts';
import { isOpenNetworkUnit, organisationRow } from '../lib/organisation-tree.ts';
import { allowsAnywhere, allowsOn, parentMap } from '../lib/permissions.ts';
import { monthOf, parseClockTime } from '../lib/rosters.ts';
import { load } from '../lib/route-errors.ts';
import { signedInPerson } from '../lib/session.ts';
import { isDistrictStaff, staffChoices } from '../lib/staff-choices.ts';
import { failureOf } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/rosters';
import { Announcements } from './rosters/announcements.tsx';
import { AppointmentsOfDay } from './rosters/appointments-of-day.tsx';
import { DutySlots } from './rosters/duty-slots.tsx';
import { ThemedDays } from './rosters/themed-days.tsx';

const DONE_MESSAGES = {
  added: 'rosters.done_added',
  removed: 'rosters.done_removed',
  themed: 'rosters.done_themed',
  announced: 'rosters.done_announced',
  published: 'rosters.done_published',
} as const satisfies Record<string, MessageKey>;
type Done = keyof typeof DONE_MESSAGES;
const isDone = (value: string | null): value is Done => value !== null && Object.hasOwn(DONE_MESSAGES, value);
const SLOT_FIELDS = [
  'weekday',
  'startsAt',
  'endsAt',
  'serviceType',
  'staffMemberId',
  'personName',
  'capacity',
] as const;
const THEMED_FIELDS = ['day', 'theme', 'serviceType'] as const;
const ANNOUNCEMENT_FIELDS = ['organisationId', 'title', 'body'] as const;

/**
 * 轮班值守 and 告知机制: a service point's fixed weekly duty slots, the residents booked on them
 * today, its monthly themed day, a printable rota, and the district's announcements (drafted,
 * then published).
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const organisations = await load(caller.organisation.getMany());
  const parents = parentMap(organisations);
  const units = organisations.filter((row) => isOpenNetworkUnit(row));
  const search = new URL(request.url).searchParams;
  const unit =
    units.find((row) => row.id === search.get('org')) ??
    units.find((row) => row.kind === 'room' && allowsOn(grants, 'organisation.manage', row.id, parents)) ??
    units.find((row) => row.kind === 'room') ??
    units[0];
  if (!unit) throw new Response(null, { status: 404 });
  const today = todayIn();
  const [roster, announcements, catalogue, appointments] = await Promise.all([
    load(caller.roster.get({ organisationId: unit.id, fromMonth: monthOf(today) })),
    load(caller.announcement.getMany({ limit: 10, cursor: search.get('cursor') || null })),
    load(caller.catalogue.getMany({ organisationId: unit.id })),
    load(caller.appointment.ofDay({ organisationId: unit.id, day: today })),
  ]);
  const canManage = allowsOn(grants, 'organisation.manage', unit.id, parents);
  const staff =
    canManage && allowsAnywhere(grants, 'staff.read') ? await staffChoices(caller, isDistrictStaff) : [];
  const done = search.get('done');
  const names = new Map(organisations.map((row) => [row.id, { nameZh: row.nameZh, nameEn: row.nameEn }]));
  return {
    unit: { id: unit.id, nameZh: unit.nameZh, nameEn: unit.nameEn },
    units: units.map(organisationRow),
    managedUnits: units
      .filter((row) => allowsOn(grants, 'organisation.manage', row.id, parents))
      .map(organisationRow),
    // The unit's catalogue: every service names its slots; those switched on there are offered.
    // (A knowledge service has no slots: nobody books one.)
    services: catalogue
      .filter((service) => service.kind !== 'knowledge')
      .map(({ pluginId, name, enabled }) => ({ id: pluginId, name, enabled })),
    slots: roster.slots.map(({ id, weekday, startsAt, endsAt, serviceType, personName }) => ({
      id,
      weekday,
      startsAt,
      endsAt,
      serviceType,
      personName,
    })),
    appointments: appointments.map(
      ({ id, startsAt, endsAt, serviceType, personName, phoneMasked, cancelledAt }) => ({
        id,
        startsAt,
        endsAt,
        serviceType,
        personName,
        phoneMasked,
        cancelled: cancelledAt !== null,
      }),
    ),
    themedDays: roster.themedDays.map(({ id, day, theme, serviceType }) => ({ id, day, theme, serviceType })),
    announcements: announcements.announcements.map(
      ({ id, organisationId, title, body, status, publishedAt, createdAt }) => ({
        id,
        from: names.get(organisationId) ?? null,
        title,
        body,
        status,
        publishedAt,
        createdAt,
        canPublish: status === 'draft' && allowsOn(grants, 'organisation.manage', organisationId, parents),
      }),
    ),
    nextCursor: announcements.nextCursor,
    staff,
    canManage,
    today,
    done: isDone(done) ? done : null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const back = (unitId: string, done: Done) =>
    redirect(`${tenantPaths.rosters(slug)}?org=${encodeURIComponent(unitId)}&done=${done}`);
  return intentAction(
    request,
    {
      slot: intent({
        fields: SLOT_FIELDS,
        keep: ['unitId'],
        check: (values) => {
          const startsAt = parseClockTime(values.startsAt);
          const endsAt = parseClockTime(values.endsAt);
          return {
            startsAt: startsAt ? undefined : 'roster.time_invalid',
            endsAt: !endsAt
              ? 'roster.time_invalid'
              : startsAt && endsAt <= startsAt
                ? 'roster.hours_invalid'
                : undefined,
            personName: values.staffMemberId || values.personName ? undefined : 'roster.person_required',
            capacity:
              !values.capacity || /^\d{1,2}$/.test(values.capacity) ? undefined : 'roster.capacity_invalid',
          };
        },
        run: async (values) => {
          await caller.roster.addSlot({
            organisationId: values.unitId,
            weekday: Number(values.weekday),
            startsAt: parseClockTime(values.startsAt) ?? '',
            endsAt: parseClockTime(values.endsAt) ?? '',
            serviceType: values.serviceType,
            staffMemberId: values.staffMemberId || null,
            personName: values.personName || null,
            ...(values.capacity ? { capacity: Number(values.capacity) } : {}),
          });
          return back(values.unitId, 'added');
        },
      }),
      remove: intent({
        keep: ['unitId', 'id'],
        run: async (values) => {
          await caller.roster.removeSlot({ id: values.id });
          return back(values.unitId, 'removed');
        },
      }),
      themed: intent({
        fields: THEMED_FIELDS,
        keep: ['unitId'],
        check: (values) => ({
          day: !values.day
            ? 'validation.required'
            : isIsoDate(values.day)
              ? undefined
              : 'validation.date_invalid',
          theme: values.theme ? undefined : 'validation.required',
        }),
        run: async (values) => {
          await caller.roster.setThemedDay({
            organisationId: values.unitId,
            day: values.day,
            theme: values.theme,
            serviceType: values.serviceType || null,
          });
          return back(values.unitId, 'themed');
        },
      }),
      announce: intent({
        fields: ANNOUNCEMENT_FIELDS,
        keep: ['unitId', 'publish'],
        required: ANNOUNCEMENT_FIELDS,
        run: async (values) => {
          const publish = values.publish === 'on';
          await caller.announcement.create({
            organisationId: values.organisationId,
            title: values.title,
            body: values.body,
            publish,
          });
          return back(values.unitId, publish ? 'published' : 'announced');
        },
      }),
      publish: intent({
        keep: ['unitId', 'id'],
        run: async (values) => {
          await caller.announcement.publish({ id: values.id });
          return back(values.unitId, 'published');
        },
      }),
    },
    { done: () => tenantPaths.rosters(slug) },
  );
}

const LABELS: Readonly<Record<string, MessageKey>> = {
  weekday: 'rosters.weekday',
  startsAt: 'rosters.starts_at',
  endsAt: 'rosters.ends_at',
  serviceType: 'rosters.service',
  staffMemberId: 'rosters.staff',
  personName: 'rosters.person_name',
  capacity: 'rosters.capacity',
  day: 'rosters.themed_day',
  theme: 'rosters.theme',
  organisationId: 'announcements.unit',
  title: 'announcements.title',
  body: 'announcements.body',
};

/** Each form's fields in page order, and the prefix of their ids (the announcement's are `a-…`). */
const SUMMARIES: Readonly<Record<string, { prefix: string; fields: readonly string[] }>> = {
  slot: { prefix: 'slot', fields: SLOT_FIELDS },
  themed: { prefix: 'themed', fields: THEMED_FIELDS },
  announce: { prefix: 'a', fields: ANNOUNCEMENT_FIELDS },
};

export default function Rosters({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { unit, units, services, canManage, done } = loaderData;
  const failure = actionData as IntentFailure | undefined;
  const summary = SUMMARIES[failure?.intent ?? ''] ?? SUMMARIES.slot;
  return (
    <>
      <DocumentTitle title={t('rosters.title')} tenant={tenant} />
      <FormErrorSummary
        errors={failure?.errors}
        fields={(summary?.fields ?? []).map((name) => ({
          name,
          label: t(LABELS[name] ?? 'rosters.weekday'),
          id: `${summary?.prefix}-${name}`,
        }))}
      />
      {done && !failure ? (
        <Alert tone="success">
          <p>{t(DONE_MESSAGES[done])}</p>
        </Alert>
      ) : null}
      <h1>{t('rosters.title')}</h1>
      <p className="admin-lead">{t('rosters.intro')}</p>
      <Form method="get" className="lj-form admin-filters">
        <OrganisationSelect
          id="rosters-org"
          name="org"
          label={t('rosters.unit')}
          options={organisationOptions(units, locale)}
          defaultValue={unit.id}
        />
        <Button type="submit" variant="secondary">
          {t('rosters.show')}
        </Button>
      </Form>
      <DutySlots
        unit={unit}
        slots={loaderData.slots}
        services={services}
        staff={loaderData.staff}
        canManage={canManage}
        failure={failureOf(actionData, 'slot')}
      />
      <AppointmentsOfDay
        unit={unit}
        today={loaderData.today}
        appointments={loaderData.appointments}
        services={services}
      />
      <ThemedDays
        unitId={unit.id}
        themedDays={loaderData.themedDays}
        services={services}
        canManage={canManage}
        today={loaderData.today}
        failure={failureOf(actionData, 'themed')}
      />
      <Announcements
        unitId={unit.id}
        managedUnits={loaderData.managedUnits}
        announcements={loaderData.announcements}
        nextCursor={loaderData.nextCursor}
        canManage={canManage}
        failure={failureOf(actionData, 'announce')}
      />
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
