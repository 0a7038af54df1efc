import { formatDate, formatDateTime, type MessageKey } from '@linju/i18n';
import {
  Alert,
  Button,
  Checkbox,
  SelectField,
  TextArea,
  TextField,
  useLocale,
  useTranslate,
} from '@linju/ui';
import { Form, Link, redirect, useLocation } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary } from '../components/form-errors.tsx';
import { OrganisationSelect } from '../components/organisation-select.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { isIsoDate, todayIn } from '../lib/advisers.ts';
import { localFailure } from '../lib/api-errors.ts';
import { formText } from '../lib/form-data.ts';
import { organisationOptions } from '../lib/organisation-rules.ts';
import { organisationName } from '../lib/organisation-tree.ts';
import { allowsAnywhere, allowsOn, parentMap } from '../lib/permissions.ts';
import { monthOf, parseClockTime, WEEKDAYS } from '../lib/rosters.ts';
import { isForbidden, load } from '../lib/route-errors.ts';
import { serviceName } from '../lib/service-name.ts';
import { signedInPerson } from '../lib/session.ts';
import {
  failureOf,
  type IntentFailure,
  rejectIntent,
  rejectIntentApiError,
  rejectUnknownIntent,
} from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/rosters';

const NETWORK_KINDS: readonly string[] = ['centre', 'station', 'room', 'service-point'];
const DONE_MESSAGES = {
  added: 'rosters.done_added',
  removed: 'rosters.done_removed',
  themed: 'rosters.done_themed',
  announced: 'rosters.done_announced',
  published: 'rosters.done_published',
} as const satisfies Record<string, MessageKey>;
type Done = keyof typeof DONE_MESSAGES;
const isDone = (value: string | null): value is Done => value !== null && Object.hasOwn(DONE_MESSAGES, value);
const SLOT_FIELDS = ['weekday', 'startsAt', 'endsAt', 'serviceType', 'staffMemberId', 'personName'];
const THEMED_FIELDS = ['day', 'theme', 'serviceType'];
const ANNOUNCEMENT_FIELDS = ['organisationId', 'title', 'body'];

/**
 * 轮班值守 and 告知机制: a service point's fixed weekly duty slots, its monthly themed day, a
 * printable rota, and the district's announcements (drafted, then published).
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const organisations = await load(caller.organisation.getMany());
  const parents = parentMap(organisations);
  const units = organisations.filter((row) => NETWORK_KINDS.includes(row.kind) && !row.closedAt);
  const search = new URL(request.url).searchParams;
  const unit =
    units.find((row) => row.id === search.get('org')) ??
    units.find((row) => row.kind === 'room' && allowsOn(grants, 'organisation.manage', row.id, parents)) ??
    units.find((row) => row.kind === 'room') ??
    units[0];
  if (!unit) throw new Response(null, { status: 404 });
  const today = todayIn();
  const [roster, announcements, catalogue] = await Promise.all([
    load(caller.roster.get({ organisationId: unit.id, fromMonth: monthOf(today) })),
    load(caller.announcement.getMany({ limit: 10, cursor: search.get('cursor') || null })),
    load(caller.catalogue.getMany({ organisationId: unit.id })),
  ]);
  const canManage = allowsOn(grants, 'organisation.manage', unit.id, parents);
  let staff: { id: string; displayName: string }[] = [];
  if (canManage && allowsAnywhere(grants, 'staff.read')) {
    try {
      staff = (await caller.staff.getMany())
        .filter(
          (person) => !person.disabledAt && !person.roles.every((grant) => grant.role === 'partner-user'),
        )
        .map(({ id, displayName }) => ({ id, displayName }));
    } catch (error) {
      if (!isForbidden(error)) throw error;
    }
  }
  const done = search.get('done');
  const names = new Map(organisations.map((row) => [row.id, { nameZh: row.nameZh, nameEn: row.nameEn }]));
  return {
    unit: { id: unit.id, nameZh: unit.nameZh, nameEn: unit.nameEn },
    units: units.map(({ id, parentId, kind, nameZh, nameEn, closedAt }) => ({
      id,
      parentId,
      kind,
      nameZh,
      nameEn,
      closedAt,
    })),
    managedUnits: units
      .filter((row) => allowsOn(grants, 'organisation.manage', row.id, parents))
      .map(({ id, parentId, kind, nameZh, nameEn, closedAt }) => ({
        id,
        parentId,
        kind,
        nameZh,
        nameEn,
        closedAt,
      })),
    // The unit's catalogue: every service names its slots; those switched on there are offered.
    services: catalogue.map(({ pluginId, name, enabled }) => ({ id: pluginId, name, enabled })),
    slots: roster.slots.map(({ id, weekday, startsAt, endsAt, serviceType, personName }) => ({
      id,
      weekday,
      startsAt,
      endsAt,
      serviceType,
      personName,
    })),
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
  const form = await request.formData();
  const intent = formText(form, 'intent');
  const unitId = formText(form, 'unitId');
  const back = (done: Done) =>
    redirect(`${tenantPaths.rosters(slug)}?org=${encodeURIComponent(unitId)}&done=${done}`);

  if (intent === 'slot') {
    const values = Object.fromEntries(SLOT_FIELDS.map((name) => [name, formText(form, name).trim()]));
    const startsAt = parseClockTime(values.startsAt ?? '');
    const endsAt = parseClockTime(values.endsAt ?? '');
    const local = localFailure({
      startsAt: startsAt ? undefined : 'roster.time_invalid',
      endsAt: !endsAt
        ? 'roster.time_invalid'
        : startsAt && endsAt <= startsAt
          ? 'roster.hours_invalid'
          : undefined,
      personName: values.staffMemberId || values.personName ? undefined : 'roster.person_required',
    });
    if (local) return rejectIntent(intent, local, values);
    try {
      await caller.roster.addSlot({
        organisationId: unitId,
        weekday: Number(values.weekday),
        startsAt: startsAt ?? '',
        endsAt: endsAt ?? '',
        serviceType: values.serviceType ?? '',
        staffMemberId: values.staffMemberId || null,
        personName: values.personName || null,
      });
      return back('added');
    } catch (error) {
      return rejectIntentApiError(intent, error, { fields: SLOT_FIELDS }, values);
    }
  }
  if (intent === 'remove') {
    try {
      await caller.roster.removeSlot({ id: formText(form, 'id') });
      return back('removed');
    } catch (error) {
      return rejectIntentApiError(intent, error, { fields: [] });
    }
  }
  if (intent === 'themed') {
    const values = Object.fromEntries(THEMED_FIELDS.map((name) => [name, formText(form, name).trim()]));
    const local = localFailure({
      day: !values.day
        ? 'validation.required'
        : isIsoDate(values.day)
          ? undefined
          : 'validation.date_invalid',
      theme: values.theme ? undefined : 'validation.required',
    });
    if (local) return rejectIntent(intent, local, values);
    try {
      await caller.roster.setThemedDay({
        organisationId: unitId,
        day: values.day ?? '',
        theme: values.theme ?? '',
        serviceType: values.serviceType || null,
      });
      return back('themed');
    } catch (error) {
      return rejectIntentApiError(intent, error, { fields: THEMED_FIELDS }, values);
    }
  }
  if (intent === 'announce') {
    const values = Object.fromEntries(
      ANNOUNCEMENT_FIELDS.map((name) => [name, formText(form, `a-${name}`).trim()]),
    );
    const publish = formText(form, 'a-publish') === 'on';
    const local = localFailure({
      organisationId: values.organisationId ? undefined : 'validation.required',
      title: values.title ? undefined : 'validation.required',
      body: values.body ? undefined : 'validation.required',
    });
    if (local) return rejectIntent(intent, local, values);
    try {
      await caller.announcement.create({
        organisationId: values.organisationId ?? '',
        title: values.title ?? '',
        body: values.body ?? '',
        publish,
      });
      return back(publish ? 'published' : 'announced');
    } catch (error) {
      return rejectIntentApiError(intent, error, { fields: ANNOUNCEMENT_FIELDS }, values);
    }
  }
  if (intent === 'publish') {
    try {
      await caller.announcement.publish({ id: formText(form, 'id') });
      return back('published');
    } catch (error) {
      return rejectIntentApiError(intent, error, { fields: [] });
    }
  }
  return rejectUnknownIntent(intent);
}

const LABELS: Readonly<Record<string, MessageKey>> = {
  weekday: 'rosters.weekday',
  startsAt: 'rosters.starts_at',
  endsAt: 'rosters.ends_at',
  serviceType: 'rosters.service',
  staffMemberId: 'rosters.staff',
  personName: 'rosters.person_name',
  day: 'rosters.themed_day',
  theme: 'rosters.theme',
  organisationId: 'announcements.unit',
  title: 'announcements.title',
  body: 'announcements.body',
};

export default function Rosters({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const location = useLocation();
  const {
    unit,
    units,
    managedUnits,
    services,
    slots,
    themedDays,
    announcements,
    nextCursor,
    staff,
    canManage,
    today,
    done,
  } = loaderData;
  const offered = services.filter((service) => service.enabled);
  const failure = actionData as IntentFailure | undefined;
  const slotFailure = failureOf(actionData, 'slot');
  const themedFailure = failureOf(actionData, 'themed');
  const announceFailure = failureOf(actionData, 'announce');
  const errorOf = (f: IntentFailure | undefined, name: string) => {
    const key = f?.errors.fields[name];
    return key ? t(key, f?.errors.params) : undefined;
  };
  const unitName = organisationName(unit, locale);
  const summaryPrefix =
    failure?.intent === 'announce' ? 'a' : failure?.intent === 'themed' ? 'themed' : 'slot';
  const summaryFields =
    failure?.intent === 'announce'
      ? ANNOUNCEMENT_FIELDS
      : failure?.intent === 'themed'
        ? THEMED_FIELDS
        : SLOT_FIELDS;
  return (
    <>
      <DocumentTitle title={t('rosters.title')} tenant={tenant} />
      <FormErrorSummary
        errors={failure?.errors}
        fields={summaryFields.map((name) => ({
          name,
          label: t(LABELS[name] ?? 'rosters.weekday'),
          id: `${summaryPrefix}-${name}`,
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

      <h2>{t('rosters.week_heading', { unit: unitName })}</h2>
      <p>
        <Link
          className="lj-button lj-button--secondary"
          to={`${tenantPaths.rota(tenant.slug)}?org=${unit.id}`}
        >
          {t('rosters.print')}
        </Link>
      </p>
      {slots.length === 0 ? (
        <p>{t('rosters.no_slots')}</p>
      ) : (
        <div className="admin-table-scroll">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('rosters.col_day')}</th>
                <th scope="col">{t('rosters.col_hours')}</th>
                <th scope="col">{t('rosters.col_service')}</th>
                <th scope="col">{t('rosters.col_person')}</th>
                {canManage ? <th scope="col">{t('rosters.col_actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {slots.map((slot) => {
                const day = t(`weekday.${slot.weekday}` as MessageKey);
                const hours = `${slot.startsAt}–${slot.endsAt}`;
                return (
                  <tr key={slot.id}>
                    <th scope="row">{day}</th>
                    <td className="admin-nowrap">{hours}</td>
                    <td>{serviceName(services, slot.serviceType, locale)}</td>
                    <td>{slot.personName}</td>
                    {canManage ? (
                      <td>
                        <Form method="post" className="admin-inline-form">
                          <CsrfField />
                          <input type="hidden" name="intent" value="remove" />
                          <input type="hidden" name="unitId" value={unit.id} />
                          <input type="hidden" name="id" value={slot.id} />
                          <Button
                            type="submit"
                            variant="secondary"
                            className="admin-button--small"
                            aria-label={t('rosters.remove_named', { day, hours })}
                          >
                            {t('rosters.remove')}
                          </Button>
                        </Form>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {canManage ? (
        <details key={`slot-${location.key}`} className="admin-disclosure" open={Boolean(slotFailure)}>
          <summary>{t('rosters.add_heading')}</summary>
          <Form method="post" className="lj-form" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="slot" />
            <input type="hidden" name="unitId" value={unit.id} />
            <div className="admin-field-row">
              <SelectField
                id="slot-weekday"
                name="weekday"
                label={t('rosters.weekday')}
                defaultValue={slotFailure?.values.weekday ?? '1'}
                error={errorOf(slotFailure, 'weekday')}
              >
                {WEEKDAYS.map((weekday) => (
                  <option key={weekday} value={weekday}>
                    {t(`weekday.${weekday}` as MessageKey)}
                  </option>
                ))}
              </SelectField>
              <TextField
                id="slot-startsAt"
                name="startsAt"
                type="time"
                label={t('rosters.starts_at')}
                defaultValue={slotFailure?.values.startsAt ?? '09:00'}
                error={errorOf(slotFailure, 'startsAt')}
                required
              />
              <TextField
                id="slot-endsAt"
                name="endsAt"
                type="time"
                label={t('rosters.ends_at')}
                defaultValue={slotFailure?.values.endsAt ?? '11:30'}
                error={errorOf(slotFailure, 'endsAt')}
                required
              />
            </div>
            <SelectField
              id="slot-serviceType"
              name="serviceType"
              label={t('rosters.service')}
              defaultValue={slotFailure?.values.serviceType}
              error={errorOf(slotFailure, 'serviceType')}
            >
              {offered.map((service) => (
                <option key={service.id} value={service.id}>
                  {service.name[locale]}
                </option>
              ))}
            </SelectField>
            {staff.length > 0 ? (
              <SelectField
                id="slot-staffMemberId"
                name="staffMemberId"
                label={t('rosters.staff')}
                defaultValue={slotFailure?.values.staffMemberId ?? ''}
                error={errorOf(slotFailure, 'staffMemberId')}
              >
                <option value="">{t('rosters.no_staff')}</option>
                {staff.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.displayName}
                  </option>
                ))}
              </SelectField>
            ) : null}
            <TextField
              id="slot-personName"
              name="personName"
              label={t('rosters.person_name')}
              hint={t('rosters.person_name_hint')}
              defaultValue={slotFailure?.values.personName}
              error={errorOf(slotFailure, 'personName')}
              autoComplete="off"
            />
            <Button type="submit">{t('rosters.add_submit')}</Button>
          </Form>
        </details>
      ) : null}

      <h2>{t('rosters.themed_heading')}</h2>
      {themedDays.length === 0 ? (
        <p>{t('rosters.no_themed')}</p>
      ) : (
        <ul className="admin-list">
          {themedDays.map((themed) => (
            <li key={themed.id}>
              <strong>{formatDate(locale, themed.day)}</strong> {themed.theme}
              {themed.serviceType ? (
                <span className="admin-muted"> · {serviceName(services, themed.serviceType, locale)}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <details key={`themed-${location.key}`} className="admin-disclosure" open={Boolean(themedFailure)}>
          <summary>{t('rosters.themed_set_heading')}</summary>
          <Form method="post" className="lj-form" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="themed" />
            <input type="hidden" name="unitId" value={unit.id} />
            <TextField
              id="themed-day"
              name="day"
              type="date"
              label={t('rosters.themed_day')}
              min={today}
              defaultValue={themedFailure?.values.day ?? today}
              error={errorOf(themedFailure, 'day')}
              className="admin-field--short"
              required
            />
            <TextField
              id="themed-theme"
              name="theme"
              label={t('rosters.theme')}
              hint={t('rosters.theme_hint')}
              defaultValue={themedFailure?.values.theme}
              error={errorOf(themedFailure, 'theme')}
              maxLength={80}
              required
            />
            <SelectField
              id="themed-serviceType"
              name="serviceType"
              label={t('rosters.service')}
              defaultValue={themedFailure?.values.serviceType ?? ''}
            >
              <option value="">{t('rosters.any_service')}</option>
              {offered.map((service) => (
                <option key={service.id} value={service.id}>
                  {service.name[locale]}
                </option>
              ))}
            </SelectField>
            <Button type="submit">{t('rosters.themed_submit')}</Button>
          </Form>
        </details>
      ) : null}

      <section aria-labelledby="announcements-heading">
        <h2 id="announcements-heading">{t('announcements.heading')}</h2>
        {managedUnits.length > 0 ? (
          <details
            key={`announce-${location.key}`}
            className="admin-disclosure"
            open={Boolean(announceFailure)}
          >
            <summary>{t('announcements.new_heading')}</summary>
            <Form method="post" className="lj-form" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="announce" />
              <input type="hidden" name="unitId" value={unit.id} />
              <OrganisationSelect
                id="a-organisationId"
                name="a-organisationId"
                label={t('announcements.unit')}
                options={organisationOptions(managedUnits, locale)}
                defaultValue={announceFailure?.values.organisationId ?? (canManage ? unit.id : undefined)}
                error={errorOf(announceFailure, 'organisationId')}
                required
              />
              <TextField
                id="a-title"
                name="a-title"
                label={t('announcements.title')}
                defaultValue={announceFailure?.values.title}
                error={errorOf(announceFailure, 'title')}
                maxLength={80}
                required
              />
              <TextArea
                id="a-body"
                name="a-body"
                label={t('announcements.body')}
                defaultValue={announceFailure?.values.body}
                error={errorOf(announceFailure, 'body')}
                maxLength={4000}
                required
              />
              <Checkbox id="a-publish" name="a-publish" label={t('announcements.publish_now')} />
              <Button type="submit">{t('announcements.submit')}</Button>
            </Form>
          </details>
        ) : null}
        {announcements.length === 0 ? (
          <p>{t('announcements.none')}</p>
        ) : (
          <ul className="admin-announcements">
            {announcements.map((item) => (
              <li key={item.id} className="admin-announcement">
                <h3 className="admin-announcement__title">{item.title}</h3>
                <p className="admin-muted">
                  {item.from ? organisationName(item.from, locale) : ''} ·{' '}
                  {item.status === 'published' && item.publishedAt
                    ? t('announcements.published_on', { date: formatDateTime(locale, item.publishedAt) })
                    : t('announcements.draft')}
                </p>
                <p className="admin-prewrap">{item.body}</p>
                {item.canPublish ? (
                  <Form method="post" className="admin-inline-form">
                    <CsrfField />
                    <input type="hidden" name="intent" value="publish" />
                    <input type="hidden" name="unitId" value={unit.id} />
                    <input type="hidden" name="id" value={item.id} />
                    <Button
                      type="submit"
                      className="admin-button--small"
                      aria-label={t('announcements.publish_named', { title: item.title })}
                    >
                      {t('announcements.publish')}
                    </Button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {nextCursor ? (
          <p className="admin-pager">
            <Link to={`?org=${unit.id}&cursor=${encodeURIComponent(nextCursor)}#announcements-heading`}>
              {t('announcements.more')}
            </Link>
          </p>
        ) : null}
      </section>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
