import { formatDate, formatNumber, type MessageKey, organisationKindLabel } from '@linju/i18n';
import { Alert, Button, SelectField, TextField, useLocale, useTranslate } from '@linju/ui';
import { Form, Link, redirect, useLocation } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary, useFieldError } from '../components/form-errors.tsx';
import { OrganisationSelect } from '../components/organisation-select.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import {
  type AdviserStatus,
  adviserStatus,
  advisersByRoom,
  canEndEarly,
  isIsoDate,
  lastDay,
  oneYearLater,
  todayIn,
} from '../lib/advisers.ts';
import { auditSearchFor } from '../lib/audit-log.ts';
import { intent, intentAction } from '../lib/intent-action.ts';
import { organisationOptions } from '../lib/organisation-rules.ts';
import { buildOrganisationTree, organisationName, organisationRow } from '../lib/organisation-tree.ts';
import { allowsAnywhere, allowsOn, parentMap } from '../lib/permissions.ts';
import { load } from '../lib/route-errors.ts';
import { signedInPerson } from '../lib/session.ts';
import { holds, staffChoices } from '../lib/staff-choices.ts';
import { failureOf, type IntentFailure } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/advisers';

/** Kinds of unit a community adviser serves (the server refuses others). */
const ADVISED_KINDS: readonly string[] = ['room', 'service-point'];

const STATUS_LABELS: Readonly<Record<AdviserStatus, MessageKey>> = {
  upcoming: 'advisers.status_upcoming',
  current: 'advisers.status_current',
  'ended-early': 'advisers.status_ended_early',
  expired: 'advisers.status_expired',
};

const DONE_MESSAGES = {
  contracted: 'advisers.done_contracted',
  ended: 'advisers.done_ended',
} as const satisfies Record<string, MessageKey>;
type Done = keyof typeof DONE_MESSAGES;
const isDone = (value: string | null): value is Done => value !== null && Object.hasOwn(DONE_MESSAGES, value);

const CONTRACT_FIELDS = [
  'organisationId',
  'lawFirm',
  'lawyerName',
  'lawyerStaffMemberId',
  'startsOn',
  'endsOn',
] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const [advisers, organisations] = await Promise.all([
    load(caller.adviser.getMany()),
    load(caller.organisation.getMany()),
  ]);
  // Linking a contract to the lawyer's own account needs the staff list; without it the names still do.
  const lawyers = allowsAnywhere(grants, 'adviser.manage') ? await staffChoices(caller, holds('lawyer')) : [];
  const parents = parentMap(organisations);
  const search = new URL(request.url).searchParams;
  const done = search.get('done');
  return {
    advisers: advisers.map(
      ({ id, organisationId, lawFirm, lawyerName, lawyerStaffMemberId, startsOn, endsOn, endedEarlyOn }) => ({
        id,
        organisationId,
        lawFirm,
        lawyerName,
        lawyerStaffMemberId,
        startsOn,
        endsOn,
        endedEarlyOn,
      }),
    ),
    organisations: organisations.map((row) => ({
      ...organisationRow(row),
      canManage: allowsOn(grants, 'adviser.manage', row.id, parents),
    })),
    lawyers,
    // The district's date decides what is current; computed on the server so the page reads the same after hydration.
    today: todayIn(),
    done: isDone(done) ? done : null,
    roomFilter: search.get('room'),
  };
}

/** A date field that must be given, as a calendar date. */
const dateProblem = (value: string) =>
  !value ? 'validation.required' : isIsoDate(value) ? undefined : 'validation.date_invalid';

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const back = (done: Done, room: string) =>
    redirect(`${tenantPaths.advisers(slug)}?done=${done}&room=${encodeURIComponent(room)}#room-${room}`);
  return intentAction(
    request,
    {
      contract: intent({
        fields: CONTRACT_FIELDS,
        required: ['organisationId', 'lawFirm', 'lawyerName'],
        check: (values) => ({
          startsOn: dateProblem(values.startsOn),
          endsOn:
            dateProblem(values.endsOn) ??
            (values.startsOn && values.endsOn <= values.startsOn ? 'adviser.term_invalid' : undefined),
        }),
        run: async (values) => {
          await caller.adviser.create({ ...values, lawyerStaffMemberId: values.lawyerStaffMemberId || null });
          return back('contracted', values.organisationId);
        },
      }),
      // The failed form is the one of this contract: several are on the page.
      end: intent({
        fields: ['endedOn'],
        keep: ['id', 'organisationId'],
        failureKey: (values) => `end:${values.id}`,
        check: (values) => ({ endedOn: dateProblem(values.endedOn) }),
        run: async (values) => {
          await caller.adviser.end({ id: values.id, endedOn: values.endedOn });
          return back('ended', values.organisationId);
        },
      }),
    },
    { done: () => tenantPaths.advisers(slug) },
  );
}

type Adviser = Route.ComponentProps['loaderData']['advisers'][number];
type Organisation = Route.ComponentProps['loaderData']['organisations'][number];

export default function Advisers({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const location = useLocation();
  const { advisers, organisations, lawyers, today, done, roomFilter } = loaderData;
  // Rooms in the tree's order; closed rooms only where they have a contract on record.
  const ordered: Organisation[] = [];
  const walk = (nodes: ReturnType<typeof buildOrganisationTree<Organisation>>) => {
    for (const node of nodes) {
      ordered.push(node.organisation);
      walk(node.children);
    }
  };
  walk(buildOrganisationTree(organisations, locale));
  const rooms = ordered.filter(
    (row) =>
      ADVISED_KINDS.includes(row.kind) &&
      (!row.closedAt || advisers.some((adviser) => adviser.organisationId === row.id)),
  );
  const byRoom = advisersByRoom(
    rooms.map((room) => room.id),
    advisers,
    today,
  );
  const openRooms = rooms.filter((room) => !room.closedAt);
  const covered = byRoom.filter(
    (entry) => entry.current && openRooms.some((room) => room.id === entry.organisationId),
  );
  const contractable = openRooms.filter((room) => room.canManage);
  const failure = actionData as IntentFailure | undefined;
  const contractFailure = failureOf(actionData, 'contract');
  const doneRoom = roomFilter ? organisations.find((row) => row.id === roomFilter) : undefined;

  return (
    <>
      <DocumentTitle title={t('advisers.title')} tenant={tenant} />
      <FormErrorSummary
        errors={failure?.errors}
        fields={
          failure?.intent === 'contract'
            ? CONTRACT_FIELDS.map((name) => ({
                name,
                label: t(CONTRACT_LABELS[name] ?? 'advisers.room'),
                id: `contract-${name}`,
              }))
            : failure?.intent.startsWith('end:')
              ? [{ name: 'endedOn', label: t('advisers.ended_on'), id: `end-${failure.intent.slice(4)}` }]
              : []
        }
      />
      {done && doneRoom && !failure ? (
        <Alert tone="success">
          <p>{t(DONE_MESSAGES[done], { room: organisationName(doneRoom, locale) })}</p>
        </Alert>
      ) : null}
      <h1>{t('advisers.title')}</h1>
      <p className="admin-lead">{t('advisers.intro')}</p>
      <p>
        {t('advisers.coverage', {
          covered: formatNumber(locale, covered.length),
          total: formatNumber(locale, openRooms.length),
        })}
      </p>

      {contractable.length > 0 ? (
        // Keyed by navigation, so the form closes and clears once a contract is made.
        <details key={location.key} className="admin-disclosure" open={Boolean(contractFailure)}>
          <summary>{t('advisers.contract_heading')}</summary>
          <ContractForm rooms={contractable} lawyers={lawyers} failure={contractFailure} today={today} />
        </details>
      ) : null}

      {rooms.length === 0 ? <p>{t('advisers.no_rooms')}</p> : null}
      <div className="admin-rooms">
        {byRoom.map(({ organisationId, current, contracts }) => {
          const room = organisations.find((row) => row.id === organisationId);
          if (!room) return null;
          return (
            <section
              key={organisationId}
              id={`room-${organisationId}`}
              className="admin-room"
              aria-labelledby={`room-${organisationId}-heading`}
            >
              <h2 id={`room-${organisationId}-heading`} className="admin-room__title">
                {organisationName(room, locale)}
              </h2>
              <p className="admin-muted admin-room__meta">
                {organisationKindLabel(locale, room.kind)}
                {room.closedAt ? ` · ${t('organisations.closed')}` : ''}
              </p>
              {!current && !room.closedAt ? (
                <p className="admin-room__gap">{t('advisers.no_current')}</p>
              ) : null}
              {contracts.length > 0 ? (
                <ul className="admin-contracts">
                  {contracts.map((adviser) => (
                    <ContractItem
                      key={adviser.id}
                      adviser={adviser}
                      room={room}
                      today={today}
                      lawyerName={
                        lawyers.find((lawyer) => lawyer.id === adviser.lawyerStaffMemberId)?.displayName
                      }
                      actionData={actionData}
                    />
                  ))}
                </ul>
              ) : null}
            </section>
          );
        })}
      </div>
    </>
  );
}

const CONTRACT_LABELS: Readonly<Record<string, MessageKey>> = {
  organisationId: 'advisers.room',
  lawFirm: 'advisers.law_firm',
  lawyerName: 'advisers.lawyer_name',
  lawyerStaffMemberId: 'advisers.lawyer_account',
  startsOn: 'advisers.starts_on',
  endsOn: 'advisers.ends_on',
};

function ContractItem({
  adviser,
  room,
  today,
  lawyerName,
  actionData,
}: {
  adviser: Adviser;
  room: Organisation;
  today: string;
  lawyerName: string | undefined;
  actionData: unknown;
}) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const status = adviserStatus(adviser, today);
  const failure = failureOf(actionData, `end:${adviser.id}`);
  const fieldId = `end-${adviser.id}`;
  const error = failure?.errors.fields.endedOn;
  return (
    <li className={`admin-contract admin-contract--${status}`}>
      <p className="admin-contract__who">
        <strong>{adviser.lawyerName}</strong> · {adviser.lawFirm}
        {lawyerName && lawyerName !== adviser.lawyerName ? (
          <span className="admin-muted"> ({t('advisers.linked_account', { name: lawyerName })})</span>
        ) : null}
      </p>
      <p className="admin-contract__term">
        <span className={`admin-status admin-status--adviser-${status}`}>{t(STATUS_LABELS[status])}</span>{' '}
        {t('advisers.term', {
          from: formatDate(locale, adviser.startsOn),
          to: formatDate(locale, adviser.endsOn),
        })}
        {adviser.endedEarlyOn
          ? ` · ${t(adviser.endedEarlyOn < today ? 'advisers.ended_early_on' : 'advisers.ends_early_on', { date: formatDate(locale, lastDay(adviser)) })}`
          : ''}
      </p>
      <p className="admin-contract__links">
        <Link to={`${tenantPaths.audit(tenant.slug)}${auditSearchFor('community_adviser', adviser.id)}`}>
          {t('advisers.history_link')}
        </Link>
      </p>
      {room.canManage && canEndEarly(adviser, today) ? (
        <details className="admin-disclosure admin-disclosure--compact" open={Boolean(failure)}>
          <summary>{t('advisers.end_heading')}</summary>
          <Form method="post" className="lj-form" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="end" />
            <input type="hidden" name="id" value={adviser.id} />
            <input type="hidden" name="organisationId" value={room.id} />
            <TextField
              id={fieldId}
              name="endedOn"
              type="date"
              label={t('advisers.ended_on')}
              hint={t('advisers.ended_on_hint', {
                from: formatDate(locale, adviser.startsOn),
                to: formatDate(locale, adviser.endsOn),
              })}
              min={adviser.startsOn}
              max={adviser.endsOn}
              defaultValue={failure?.values.endedOn ?? (today < adviser.startsOn ? adviser.startsOn : today)}
              error={error && t(error)}
              required
              className="admin-field--short"
            />
            <Button type="submit" variant="secondary" className="admin-button--danger">
              {t('advisers.end_submit')}
            </Button>
          </Form>
        </details>
      ) : null}
    </li>
  );
}

function ContractForm({
  rooms,
  lawyers,
  failure,
  today,
}: {
  rooms: Organisation[];
  lawyers: { id: string; displayName: string }[];
  failure: IntentFailure | undefined;
  today: string;
}) {
  const t = useTranslate();
  const locale = useLocale();
  const error = useFieldError(failure?.errors);
  const nextYear = oneYearLater(today);
  return (
    <Form method="post" className="lj-form" noValidate>
      <CsrfField />
      <input type="hidden" name="intent" value="contract" />
      <p>{t('advisers.contract_intro')}</p>
      <OrganisationSelect
        id="contract-organisationId"
        name="organisationId"
        label={t('advisers.room')}
        options={organisationOptions(rooms, locale)}
        placeholder={t('ui.choose')}
        defaultValue={failure?.values.organisationId}
        error={error('organisationId')}
        required
      />
      <TextField
        id="contract-lawFirm"
        name="lawFirm"
        label={t('advisers.law_firm')}
        defaultValue={failure?.values.lawFirm}
        error={error('lawFirm')}
        autoComplete="organization"
        required
      />
      <TextField
        id="contract-lawyerName"
        name="lawyerName"
        label={t('advisers.lawyer_name')}
        defaultValue={failure?.values.lawyerName}
        error={error('lawyerName')}
        autoComplete="off"
        required
      />
      {lawyers.length > 0 ? (
        <SelectField
          id="contract-lawyerStaffMemberId"
          name="lawyerStaffMemberId"
          label={t('advisers.lawyer_account')}
          hint={t('advisers.lawyer_account_hint')}
          defaultValue={failure?.values.lawyerStaffMemberId ?? ''}
          error={error('lawyerStaffMemberId')}
        >
          <option value="">{t('advisers.no_account')}</option>
          {lawyers.map((lawyer) => (
            <option key={lawyer.id} value={lawyer.id}>
              {lawyer.displayName}
            </option>
          ))}
        </SelectField>
      ) : null}
      <div className="admin-field-row">
        <TextField
          id="contract-startsOn"
          name="startsOn"
          type="date"
          label={t('advisers.starts_on')}
          defaultValue={failure?.values.startsOn ?? today}
          error={error('startsOn')}
          required
        />
        <TextField
          id="contract-endsOn"
          name="endsOn"
          type="date"
          label={t('advisers.ends_on')}
          defaultValue={failure?.values.endsOn ?? nextYear}
          error={error('endsOn')}
          required
        />
      </div>
      <Button type="submit">{t('advisers.contract_submit')}</Button>
    </Form>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
