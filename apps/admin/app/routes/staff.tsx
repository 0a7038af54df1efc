import { formatDate, formatNumber, type Locale, type MessageKey, roleLabel } from '@linju/i18n';
import {
  Alert,
  Button,
  Checkbox,
  ChoicePicker,
  Fieldset,
  resolvePostedChoice,
  SelectField,
  TextField,
  useLocale,
  useTranslate,
} from '@linju/ui';
import { ROLES } from '@linju/vocabulary';
import { Form, Link, redirect, useLocation } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary, useFieldError } from '../components/form-errors.tsx';
import { OrganisationSelect } from '../components/organisation-select.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { auditSearchFor } from '../lib/audit-log.ts';
import { intent, intentAction } from '../lib/intent-action.ts';
import { organisationChoices, organisationOptions } from '../lib/organisation-rules.ts';
import {
  isPartnerKind,
  type OrganisationRow,
  organisationName,
  organisationRow,
} from '../lib/organisation-tree.ts';
import { allowsOn, allowsTenantWide, parentMap } from '../lib/permissions.ts';
import { requestLocale } from '../lib/request-locale.ts';
import { load } from '../lib/route-errors.ts';
import { signedInPerson } from '../lib/session.ts';
import {
  DEFAULT_STAFF_QUERY,
  parseStaffQuery,
  STAFF_STATUS_FILTERS,
  type StaffQuery,
  type StaffSort,
  type StaffStatus,
  sortedBy,
  staffQueryParams,
  staffStatus,
  staffTableRows,
} from '../lib/staff-table.ts';
import { failureOf, type IntentFailure } from '../lib/submission.ts';
import { generateTemporaryPassword } from '../lib/temporary-password.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/staff';

/** Rows of roles the create form offers; more roles can be granted afterwards. */
const ROLE_ROWS = 3;

const DONE_MESSAGES = {
  granted: 'staff.done_granted',
  revoked: 'staff.done_revoked',
  disabled: 'staff.done_disabled',
  enabled: 'staff.done_enabled',
  updated: 'staff.done_updated',
} as const satisfies Record<string, MessageKey>;
type Done = keyof typeof DONE_MESSAGES;
const isDone = (value: string | null): value is Done => value !== null && Object.hasOwn(DONE_MESSAGES, value);

const STATUS_LABELS: Readonly<Record<StaffStatus, MessageKey>> = {
  active: 'staff.status_active',
  'password-change': 'staff.status_password_change',
  disabled: 'staff.status_disabled',
};

/**
 * Whether the signed-in person manages staff at a unit: `staff.manage` there; on a partner,
 * district-wide partner rights. Managing a person, or a role on a unit, asks it.
 */
function staffManagedAt(context: Route.LoaderArgs['context'], organisations: readonly OrganisationRow[]) {
  const grants = signedInPerson(context).user.roles.map(({ role, organisationId }) => ({
    role,
    organisationId,
  }));
  const parents = parentMap(organisations);
  const partnerRights = allowsTenantWide(grants, 'partner.manage', parents);
  const kindOf = new Map(organisations.map((row) => [row.id, row.kind]));
  return (organisationId: string) =>
    isPartnerKind(kindOf.get(organisationId) ?? '')
      ? partnerRights
      : allowsOn(grants, 'staff.manage', organisationId, parents);
}

/**
 * Where someone's home unit or a granted role may be: the units the person manages staff at
 * (`closed`: those closed too; `current`: the home unit kept even if not).
 */
const staffUnitChoices = (
  organisations: readonly (OrganisationRow & { canManageStaff: boolean })[],
  locale: Locale,
  { closed = false, current }: { closed?: boolean; current?: string } = {},
) =>
  organisationChoices(organisations, locale, {
    includeClosed: true,
    keep: (row) =>
      (organisations.find((o) => o.id === row.id)?.canManageStaff === true && (closed || !row.closedAt)) ||
      row.id === current,
  });

export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const [people, organisations] = await Promise.all([
    load(caller.staff.getMany()),
    load(caller.organisation.getMany()),
  ]);
  const canManageAt = staffManagedAt(context, organisations);
  const search = new URL(request.url).searchParams;
  const done = search.get('done');
  return {
    people: people.map((person) => ({
      ...person,
      canManage: canManageAt(person.organisationId),
      roles: person.roles.map((grant) => ({ ...grant, canRevoke: canManageAt(grant.organisationId) })),
    })),
    organisations: organisations.map((row) => ({
      ...organisationRow(row),
      canManageStaff: canManageAt(row.id),
    })),
    me: me.user.id,
    canCreate: organisations.some((row) => !row.closedAt && canManageAt(row.id)),
    selectedId: search.get('person'),
    creating: search.get('new') === 'person',
    done: isDone(done) ? done : null,
  };
}

type Person = Route.ComponentProps['loaderData']['people'][number];
type Organisation = Route.ComponentProps['loaderData']['organisations'][number];
type RoleId = (typeof ROLES)[number];

/** Back to the page the form was on (its filters kept), showing the person and what happened. */
function personUrl(request: Request, slug: string, staffMemberId: string, done: Done): string {
  const params = new URL(request.url).searchParams;
  params.delete('new');
  params.set('person', staffMemberId);
  params.set('done', done);
  return `${tenantPaths.staff(slug)}?${params}`;
}

const CREATE_FIELDS = [
  'displayName',
  'username',
  'organisationId',
  'phone',
  'roles',
  ...Array.from({ length: ROLE_ROWS }, (_, i) => [`roles.${i}.role`, `roles.${i}.organisationId`]).flat(),
];
/** What the create form reads: its fields and role rows (`roles` names the group, for errors). */
const CREATE_INPUTS = CREATE_FIELDS.filter((name) => name !== 'roles');

/** The role rows of the create form: the whole rows, and the half-filled ones as problems. */
function roleRows(values: Record<string, string>) {
  // `row`: where the row is on the form, to name its field when its unit is refused.
  const roles: { row: number; role: RoleId; organisationId: string }[] = [];
  const problems: Record<string, MessageKey | undefined> = {};
  for (let i = 0; i < ROLE_ROWS; i++) {
    const role = values[`roles.${i}.role`] ?? '';
    const organisationId = values[`roles.${i}.organisationId`] ?? '';
    // A row left empty is simply not used; half a row is a mistake.
    if (role && organisationId) roles.push({ row: i, role: role as RoleId, organisationId });
    else if (role) problems[`roles.${i}.organisationId`] = 'validation.required';
    else if (organisationId) problems[`roles.${i}.role`] = 'validation.required';
  }
  if (roles.length === 0 && Object.keys(problems).length === 0) problems.roles = 'staff.role_required';
  return { roles, problems };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const locale = requestLocale(request, context);
  const done = (staffMemberId: string, what: Done) => redirect(personUrl(request, slug, staffMemberId, what));
  // Without JavaScript a unit's picker posts the typed name, resolved among the units the page
  // offered (loaded once, only then); an update may keep a closed home unit.
  let managed: Promise<(OrganisationRow & { canManageStaff: boolean })[]> | undefined;
  const managedUnits = async () => {
    const organisations = await caller.organisation.getMany();
    const canManageAt = staffManagedAt(context, organisations);
    return organisations.map((row) => ({ ...row, canManageStaff: canManageAt(row.id) }));
  };
  const staffUnit = (posted: string, closed = false) =>
    resolvePostedChoice(posted, async () => {
      managed ??= managedUnits();
      return staffUnitChoices(await managed, locale, { closed });
    });
  const grantOrRevoke = (change: 'granted' | 'revoked') =>
    intent({
      fields: ['role', 'organisationId'],
      keep: ['staffMemberId'],
      required: ['role', 'organisationId'],
      run: async (values, { refuse }) => {
        const unit = await staffUnit(values.organisationId);
        if ('problem' in unit) return refuse({ organisationId: unit.problem });
        const input = { ...values, organisationId: unit.id, role: values.role as RoleId };
        await (change === 'granted' ? caller.staff.grantRole(input) : caller.staff.revokeRole(input));
        return done(values.staffMemberId, change);
      },
    });
  return intentAction(
    request,
    {
      create: intent({
        fields: CREATE_INPUTS,
        required: ['displayName', 'username', 'organisationId'],
        check: (values) => roleRows(values).problems,
        errors: { fields: ['roles'] },
        run: async (values, { refuse }) => {
          const home = await staffUnit(values.organisationId ?? '');
          if ('problem' in home) return refuse({ organisationId: home.problem });
          const roles: { role: RoleId; organisationId: string }[] = [];
          const problems: Record<string, MessageKey> = {};
          for (const { row, role, organisationId } of roleRows(values).roles) {
            const unit = await staffUnit(organisationId);
            if ('problem' in unit) problems[`roles.${row}.organisationId`] = unit.problem;
            else roles.push({ role, organisationId: unit.id });
          }
          if (Object.keys(problems).length > 0) return refuse(problems);
          const temporaryPassword = generateTemporaryPassword();
          const created = await caller.staff.create({
            displayName: values.displayName ?? '',
            username: (values.username ?? '').toLowerCase(),
            organisationId: home.id,
            phone: values.phone || null,
            password: temporaryPassword,
            roles,
          });
          return {
            intent: 'create',
            ok: true as const,
            person: { id: created.id, displayName: created.displayName, username: created.username },
            temporaryPassword,
          };
        },
      }),
      grant: grantOrRevoke('granted'),
      revoke: grantOrRevoke('revoked'),
      update: intent({
        fields: ['displayName', 'organisationId', 'phone', 'removePhone'],
        keep: ['staffMemberId'],
        required: ['displayName', 'organisationId'],
        errors: { pathPrefix: 'data' },
        run: async (values, { refuse }) => {
          const home = await staffUnit(values.organisationId, true);
          if ('problem' in home) return refuse({ organisationId: home.problem });
          await caller.staff.update({
            id: values.staffMemberId,
            data: {
              displayName: values.displayName,
              organisationId: home.id,
              // An empty phone field keeps the number on file; removing it is a separate, explicit choice.
              ...(values.removePhone === 'on'
                ? { phone: null }
                : values.phone
                  ? { phone: values.phone }
                  : {}),
            },
          });
          return done(values.staffMemberId, 'updated');
        },
      }),
      'set-disabled': intent({
        keep: ['staffMemberId', 'disabled'],
        run: async (values) => {
          const disabled = values.disabled === 'true';
          await caller.staff.setDisabled({ staffMemberId: values.staffMemberId, disabled });
          return done(values.staffMemberId, disabled ? 'disabled' : 'enabled');
        },
      }),
      'reset-password': intent({
        keep: ['staffMemberId'],
        run: async ({ staffMemberId }) => {
          const temporaryPassword = generateTemporaryPassword();
          await caller.staff.resetPassword({ staffMemberId, temporaryPassword });
          // Shown once, in this response only: it is never stored where the page could show it again.
          return { intent: 'reset-password', ok: true as const, staffMemberId, temporaryPassword };
        },
      }),
      'reveal-phone': intent({
        keep: ['staffMemberId'],
        run: async ({ staffMemberId }) => {
          const { phone } = await caller.staff.revealPhone({ staffMemberId });
          return { intent: 'reveal-phone', ok: true as const, staffMemberId, phone };
        },
      }),
    },
    { done: () => tenantPaths.staff(slug) },
  );
}

/** A successful action's answer of the given intent, if that is what came back. */
function successOf<I extends string>(actionData: unknown, intent: I) {
  if (typeof actionData !== 'object' || actionData === null) return undefined;
  const candidate = actionData as { intent?: string; ok?: boolean };
  return candidate.intent === intent && candidate.ok ? actionData : undefined;
}

export default function Staff({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { people, organisations, selectedId, creating, canCreate, done } = loaderData;
  const location = useLocation();
  const search = parseStaffQuery(new URLSearchParams(location.search));
  const orgById = new Map(organisations.map((row) => [row.id, row]));
  const orgName = (id: string) => {
    const row = orgById.get(id);
    return row ? organisationName(row, locale) : t('staff.unknown_organisation');
  };
  const rows = staffTableRows(people, search, {
    locale,
    organisationName: orgName,
    parentOf: parentMap(organisations),
  });
  const selected = selectedId ? people.find((person) => person.id === selectedId) : undefined;
  const failure = actionData && 'errors' in actionData ? (actionData as IntentFailure) : undefined;
  const created = successOf(actionData, 'create') as
    | { person: { id: string; displayName: string; username: string }; temporaryPassword: string }
    | undefined;

  return (
    <>
      <DocumentTitle title={t('staff.title')} tenant={tenant} />
      <FormErrorSummary errors={failure?.errors} fields={summaryFields(failure?.intent, t)} />
      {done && selected && !failure ? (
        <Alert tone="success">
          <p>{t(DONE_MESSAGES[done], { name: selected.displayName })}</p>
        </Alert>
      ) : null}
      {created ? (
        <Alert tone="success" title={t('staff.created_title', { name: created.person.displayName })}>
          <TemporaryPassword password={created.temporaryPassword} username={created.person.username} />
          <p>
            <Link to={`?person=${created.person.id}#panel`}>
              {t('staff.open_person', { name: created.person.displayName })}
            </Link>
          </p>
        </Alert>
      ) : null}

      <div className="admin-page-heading">
        <h1>{t('staff.title')}</h1>
        {canCreate && !creating ? (
          <Link className="lj-button lj-button--secondary" to="?new=person#panel">
            {t('staff.add_person')}
          </Link>
        ) : null}
      </div>

      {selected ? (
        <section className="admin-panel" id="panel" aria-labelledby="panel-heading" tabIndex={-1}>
          <PersonPanel
            // A fresh panel after every navigation: forms close and clear once they succeeded, and a
            // failed one reopens from the posted values.
            key={`${selected.id}:${location.key}`}
            person={selected}
            organisations={organisations}
            actionData={actionData}
            closeHref={`?${staffQueryParams(search)}`}
          />
        </section>
      ) : selectedId ? (
        <Alert tone="warning">
          <p>{t('staff.not_found')}</p>
        </Alert>
      ) : creating && canCreate && !created ? (
        <section className="admin-panel" id="panel" aria-labelledby="panel-heading" tabIndex={-1}>
          <h2 id="panel-heading">{t('staff.add_person')}</h2>
          <CreatePersonForm organisations={organisations} failure={failureOf(actionData, 'create')} />
        </section>
      ) : null}

      <StaffFilters query={search} organisations={organisations} />
      <p className="admin-muted" aria-live="polite">
        {t('staff.showing', {
          shown: formatNumber(locale, rows.length),
          total: formatNumber(locale, people.length),
        })}
      </p>
      {rows.length > 0 ? (
        <div className="admin-table-scroll">
          <table className="admin-table">
            <caption id="staff-caption" className="lj-visually-hidden">
              {t('staff.table_caption')}
            </caption>
            <thead>
              <tr>
                <SortHeader column="name" query={search} label={t('staff.name')} />
                <SortHeader column="username" query={search} label={t('staff.username')} />
                <SortHeader column="organisation" query={search} label={t('staff.home_organisation')} />
                <th scope="col">{t('staff.roles')}</th>
                <th scope="col">{t('staff.phone')}</th>
                <SortHeader column="status" query={search} label={t('staff.status')} />
              </tr>
            </thead>
            <tbody>
              {rows.map((person) => (
                <tr key={person.id} aria-current={person.id === selected?.id ? 'true' : undefined}>
                  <th scope="row">
                    <Link to={`?${withPerson(search, person.id)}#panel`}>{person.displayName}</Link>
                  </th>
                  <td>
                    <code>{person.username}</code>
                  </td>
                  <td>{orgName(person.organisationId)}</td>
                  <td>
                    <ul className="admin-plain-list">
                      {person.roles.map((grant) => (
                        <li key={`${grant.role}:${grant.organisationId}`}>
                          {roleLabel(locale, grant.role)}
                          <span className="admin-muted"> · {orgName(grant.organisationId)}</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="admin-nowrap">{person.phoneMasked ?? '—'}</td>
                  <td>
                    <StatusText person={person} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('staff.none_match')}</p>
      )}
    </>
  );
}

function withPerson(query: StaffQuery, personId: string): string {
  const params = staffQueryParams(query);
  params.set('person', personId);
  return params.toString();
}

function SortHeader({ column, query, label }: { column: StaffSort; query: StaffQuery; label: string }) {
  const t = useTranslate();
  const active = query.sort === column;
  const next = sortedBy(query, column);
  const params = staffQueryParams(next).toString();
  return (
    <th scope="col" aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Link to={params ? `?${params}` : '?'} className="admin-sort">
        {label}
        <span aria-hidden="true" className="admin-sort__arrow">
          {active ? (query.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
        <span className="lj-visually-hidden">
          {' '}
          {t(next.dir === 'asc' ? 'staff.sort_ascending' : 'staff.sort_descending')}
        </span>
      </Link>
    </th>
  );
}

function StatusText({ person }: { person: Person }) {
  const t = useTranslate();
  const locale = useLocale();
  const status = staffStatus(person);
  return (
    <span className={`admin-status admin-status--${status}`}>
      {status === 'disabled' && person.disabledAt
        ? t('staff.status_disabled_since', { date: formatDate(locale, person.disabledAt) })
        : t(STATUS_LABELS[status])}
    </span>
  );
}

function StaffFilters({ query, organisations }: { query: StaffQuery; organisations: Organisation[] }) {
  const t = useTranslate();
  const locale = useLocale();
  const filtered =
    query.q !== DEFAULT_STAFF_QUERY.q ||
    query.role !== DEFAULT_STAFF_QUERY.role ||
    query.organisationId !== DEFAULT_STAFF_QUERY.organisationId ||
    query.status !== DEFAULT_STAFF_QUERY.status;
  return (
    <Form method="get" className="admin-filters" role="search" aria-label={t('staff.filter_label')}>
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <TextField
        id="filter-q"
        name="q"
        label={t('staff.search')}
        defaultValue={query.q}
        type="search"
        autoComplete="off"
      />
      <SelectField id="filter-role" name="role" label={t('staff.filter_role')} defaultValue={query.role}>
        <option value="">{t('staff.any_role')}</option>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {roleLabel(locale, role)}
          </option>
        ))}
      </SelectField>
      <OrganisationSelect
        id="filter-org"
        name="org"
        label={t('staff.filter_organisation')}
        options={organisationOptions(organisations, locale, { includeClosed: true })}
        placeholder={t('staff.any_organisation')}
        defaultValue={query.organisationId}
      />
      <SelectField id="filter-status" name="status" label={t('staff.status')} defaultValue={query.status}>
        {STAFF_STATUS_FILTERS.map((status) => (
          <option key={status} value={status}>
            {t(`staff.filter_status_${status}`)}
          </option>
        ))}
      </SelectField>
      <div className="admin-filters__actions">
        <Button type="submit" variant="secondary">
          {t('staff.apply_filters')}
        </Button>
        {filtered ? <Link to="?">{t('staff.clear_filters')}</Link> : null}
      </div>
    </Form>
  );
}

function TemporaryPassword({ password, username }: { password: string; username: string }) {
  const t = useTranslate();
  return (
    <>
      <p>{t('staff.temporary_password_intro', { username })}</p>
      <p>
        <code className="admin-secret" data-testid="temporary-password">
          {password}
        </code>
      </p>
      <p>{t('staff.temporary_password_once')}</p>
    </>
  );
}

function PersonPanel({
  person,
  organisations,
  actionData,
  closeHref,
}: {
  person: Person;
  organisations: Organisation[];
  actionData: unknown;
  /** Back to the table with its filters. */
  closeHref: string;
}) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const orgById = new Map(organisations.map((row) => [row.id, row]));
  const orgName = (id: string) => {
    const row = orgById.get(id);
    return row ? organisationName(row, locale) : t('staff.unknown_organisation');
  };
  const revealed = successOf(actionData, 'reveal-phone') as
    | { staffMemberId: string; phone: string | null }
    | undefined;
  const reset = successOf(actionData, 'reset-password') as
    | { staffMemberId: string; temporaryPassword: string }
    | undefined;
  const grantFailure = failureOf(actionData, 'grant');
  const updateFailure = failureOf(actionData, 'update');
  const grantable = organisations.filter((row) => row.canManageStaff && !row.closedAt);
  const status = staffStatus(person);
  return (
    <>
      <h2 id="panel-heading">{person.displayName}</h2>
      {reset && reset.staffMemberId === person.id ? (
        <Alert tone="success" title={t('staff.reset_done_title')}>
          <TemporaryPassword password={reset.temporaryPassword} username={person.username} />
        </Alert>
      ) : null}
      <dl className="admin-details admin-details--grid">
        <dt>{t('staff.username')}</dt>
        <dd>
          <code>{person.username}</code>
        </dd>
        <dt>{t('staff.home_organisation')}</dt>
        <dd>{orgName(person.organisationId)}</dd>
        <dt>{t('staff.status')}</dt>
        <dd>
          <StatusText person={person} />
        </dd>
        <dt>{t('staff.two_factor')}</dt>
        <dd>{person.twoFactorEnrolled ? t('staff.two_factor_on') : t('staff.two_factor_off')}</dd>
        <dt>{t('staff.phone')}</dt>
        <dd>
          {revealed && revealed.staffMemberId === person.id ? (
            <>
              <span className="admin-revealed">{revealed.phone ?? t('staff.no_phone')}</span>
              <span className="admin-muted admin-block">{t('staff.reveal_recorded')}</span>
            </>
          ) : person.phoneMasked ? (
            <>
              <span className="admin-nowrap admin-masked">{person.phoneMasked}</span>
              {person.canManage ? (
                <>
                  <Form method="post" className="admin-inline-form">
                    <CsrfField />
                    <input type="hidden" name="intent" value="reveal-phone" />
                    <input type="hidden" name="staffMemberId" value={person.id} />
                    <Button
                      type="submit"
                      variant="secondary"
                      className="admin-button--small"
                      aria-describedby="reveal-hint"
                    >
                      {t('staff.reveal_phone')}
                    </Button>
                  </Form>
                  <span className="admin-muted admin-block admin-small" id="reveal-hint">
                    {t('staff.reveal_hint')}
                  </span>
                </>
              ) : null}
            </>
          ) : (
            t('staff.no_phone')
          )}
        </dd>
      </dl>
      <p>
        <Link to={`${tenantPaths.audit(tenant.slug)}${auditSearchFor('staff_member', person.id)}`}>
          {t('staff.history_link')}
        </Link>
      </p>

      <h3>{t('staff.roles')}</h3>
      {person.roles.length > 0 ? (
        <ul className="admin-role-list">
          {person.roles.map((grant) => (
            <li key={`${grant.role}:${grant.organisationId}`}>
              <span>
                {t('home.role_at', {
                  role: roleLabel(locale, grant.role),
                  organisation: orgName(grant.organisationId),
                })}
              </span>
              {grant.canRevoke ? (
                <Form method="post" className="admin-inline-form">
                  <CsrfField />
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="staffMemberId" value={person.id} />
                  <input type="hidden" name="role" value={grant.role} />
                  <input type="hidden" name="organisationId" value={grant.organisationId} />
                  <Button type="submit" variant="secondary" className="admin-button--small">
                    {t('staff.revoke')}
                    <span className="lj-visually-hidden">
                      {' '}
                      {t('home.role_at', {
                        role: roleLabel(locale, grant.role),
                        organisation: orgName(grant.organisationId),
                      })}
                    </span>
                  </Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('home.no_roles')}</p>
      )}

      {grantable.length > 0 ? (
        <details className="admin-disclosure" open={Boolean(grantFailure)}>
          <summary>{t('staff.grant_heading')}</summary>
          <Form method="post" className="lj-form" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="grant" />
            <input type="hidden" name="staffMemberId" value={person.id} />
            <RoleSelect
              id="grant-role"
              name="role"
              label={t('staff.role')}
              defaultValue={grantFailure?.values.role}
              error={grantFailure?.errors.fields.role && t(grantFailure.errors.fields.role)}
            />
            <ChoicePicker
              id="grant-organisationId"
              name="organisationId"
              label={t('staff.role_organisation')}
              hint={t('staff.role_organisation_hint')}
              choices={staffUnitChoices(organisations, locale)}
              defaultValue={grantFailure?.values.organisationId}
              error={
                grantFailure?.errors.fields.organisationId && t(grantFailure.errors.fields.organisationId)
              }
            />
            <Button type="submit">{t('staff.grant_submit')}</Button>
          </Form>
        </details>
      ) : null}

      {person.canManage ? (
        <details className="admin-disclosure" open={Boolean(updateFailure)}>
          <summary>{t('staff.update_heading')}</summary>
          <Form method="post" className="lj-form" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="staffMemberId" value={person.id} />
            <TextField
              id="update-displayName"
              name="displayName"
              label={t('staff.name')}
              defaultValue={updateFailure?.values.displayName ?? person.displayName}
              error={updateFailure?.errors.fields.displayName && t(updateFailure.errors.fields.displayName)}
              required
            />
            <ChoicePicker
              id="update-organisationId"
              name="organisationId"
              label={t('staff.home_organisation')}
              choices={staffUnitChoices(organisations, locale, { current: person.organisationId })}
              defaultValue={updateFailure?.values.organisationId ?? person.organisationId}
              error={
                updateFailure?.errors.fields.organisationId && t(updateFailure.errors.fields.organisationId)
              }
            />
            <TextField
              id="update-phone"
              name="phone"
              type="tel"
              label={t('staff.phone_optional')}
              hint={t('staff.update_phone_hint')}
              defaultValue={updateFailure?.values.phone}
              error={updateFailure?.errors.fields.phone && t(updateFailure.errors.fields.phone)}
              autoComplete="off"
            />
            {person.phoneMasked ? (
              <Checkbox id="update-removePhone" name="removePhone" label={t('staff.remove_phone')} />
            ) : null}
            <Button type="submit">{t('staff.update_submit')}</Button>
          </Form>
        </details>
      ) : null}

      {person.canManage ? (
        <>
          <h3>{t('staff.account_heading')}</h3>
          <div className="admin-action-row">
            <Form method="post" className="admin-action">
              <CsrfField />
              <input type="hidden" name="intent" value="reset-password" />
              <input type="hidden" name="staffMemberId" value={person.id} />
              <Button type="submit" variant="secondary" aria-describedby="reset-hint">
                {t('staff.reset_password')}
              </Button>
              <p className="admin-muted" id="reset-hint">
                {t('staff.reset_hint')}
              </p>
            </Form>
            <Form method="post" className="admin-action">
              <CsrfField />
              <input type="hidden" name="intent" value="set-disabled" />
              <input type="hidden" name="staffMemberId" value={person.id} />
              <input type="hidden" name="disabled" value={status === 'disabled' ? 'false' : 'true'} />
              <Button
                type="submit"
                variant="secondary"
                className={status === 'disabled' ? undefined : 'admin-button--danger'}
                aria-describedby="disable-hint"
              >
                {status === 'disabled' ? t('staff.enable') : t('staff.disable')}
              </Button>
              <p className="admin-muted" id="disable-hint">
                {status === 'disabled' ? t('staff.enable_hint') : t('staff.disable_hint')}
              </p>
            </Form>
          </div>
        </>
      ) : null}
      <p>
        <Link to={closeHref}>{t('staff.close_panel')}</Link>
      </p>
    </>
  );
}

function RoleSelect({
  id,
  name,
  label,
  defaultValue,
  error,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue: string | undefined;
  error: string | undefined;
}) {
  const t = useTranslate();
  const locale = useLocale();
  return (
    <SelectField id={id} name={name} label={label} defaultValue={defaultValue ?? ''} error={error}>
      <option value="">{t('ui.choose')}</option>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {roleLabel(locale, role)}
        </option>
      ))}
    </SelectField>
  );
}

function CreatePersonForm({
  organisations,
  failure,
}: {
  organisations: Organisation[];
  failure: IntentFailure | undefined;
}) {
  const t = useTranslate();
  const locale = useLocale();
  const units = staffUnitChoices(organisations, locale);
  const error = useFieldError(failure?.errors);
  return (
    <Form method="post" className="lj-form" noValidate>
      <CsrfField />
      <input type="hidden" name="intent" value="create" />
      <p>{t('staff.create_intro')}</p>
      <TextField
        id="new-displayName"
        name="displayName"
        label={t('staff.name')}
        defaultValue={failure?.values.displayName}
        error={error('displayName')}
        autoComplete="off"
        required
      />
      <TextField
        id="new-username"
        name="username"
        label={t('staff.username')}
        hint={t('staff.username_hint')}
        defaultValue={failure?.values.username}
        error={error('username')}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        required
      />
      <ChoicePicker
        id="new-organisationId"
        name="organisationId"
        label={t('staff.home_organisation')}
        hint={t('staff.home_organisation_hint')}
        choices={units}
        defaultValue={failure?.values.organisationId}
        error={error('organisationId')}
      />
      <TextField
        id="new-phone"
        name="phone"
        type="tel"
        inputMode="tel"
        label={t('staff.phone_optional')}
        hint={t('staff.phone_hint')}
        defaultValue={failure?.values.phone}
        error={error('phone')}
        autoComplete="off"
      />
      <Fieldset id="roles" legend={t('staff.roles')} hint={t('staff.roles_hint')} error={error('roles')}>
        {Array.from({ length: ROLE_ROWS }, (_, i) => (
          <div className="admin-role-row" key={`role-row-${i + 1}`}>
            <RoleSelect
              id={`new-roles.${i}.role`}
              name={`roles.${i}.role`}
              label={t('staff.role_n', { n: i + 1 })}
              defaultValue={failure?.values[`roles.${i}.role`]}
              error={error(`roles.${i}.role`)}
            />
            <ChoicePicker
              id={`new-roles.${i}.organisationId`}
              name={`roles.${i}.organisationId`}
              label={t('staff.role_n_organisation', { n: i + 1 })}
              choices={units}
              defaultValue={failure?.values[`roles.${i}.organisationId`]}
              error={error(`roles.${i}.organisationId`)}
            />
          </div>
        ))}
      </Fieldset>
      <Button type="submit">{t('staff.create_submit')}</Button>
    </Form>
  );
}

function summaryFields(intent: string | undefined, t: ReturnType<typeof useTranslate>) {
  if (intent === 'create') {
    return [
      { name: 'displayName', label: t('staff.name'), id: 'new-displayName' },
      { name: 'username', label: t('staff.username'), id: 'new-username' },
      { name: 'organisationId', label: t('staff.home_organisation'), id: 'new-organisationId' },
      { name: 'phone', label: t('staff.phone_optional'), id: 'new-phone' },
      { name: 'roles', label: t('staff.roles'), id: 'roles' },
      ...Array.from({ length: ROLE_ROWS }, (_, i) => [
        { name: `roles.${i}.role`, label: t('staff.role_n', { n: i + 1 }), id: `new-roles.${i}.role` },
        {
          name: `roles.${i}.organisationId`,
          label: t('staff.role_n_organisation', { n: i + 1 }),
          id: `new-roles.${i}.organisationId`,
        },
      ]).flat(),
    ];
  }
  if (intent === 'update') {
    return [
      { name: 'displayName', label: t('staff.name'), id: 'update-displayName' },
      { name: 'organisationId', label: t('staff.home_organisation'), id: 'update-organisationId' },
      { name: 'phone', label: t('staff.phone_optional'), id: 'update-phone' },
    ];
  }
  if (intent === 'grant') {
    return [
      { name: 'role', label: t('staff.role'), id: 'grant-role' },
      { name: 'organisationId', label: t('staff.role_organisation'), id: 'grant-organisationId' },
    ];
  }
  return [];
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
