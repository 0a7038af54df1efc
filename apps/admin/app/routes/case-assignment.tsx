import { formatDateTime, isMessageKey, translate } from '@linju/i18n';
import {
  Alert,
  assigneeChoices,
  Button,
  ChoicePicker,
  CsrfField,
  changedView,
  type DataColumn,
  DataTable,
  FormProblems,
  failureOf,
  resolvePostedChoice,
  TextField,
  tableViewParams,
  useLocale,
  useTranslate,
} from '@linju/ui';
import { Form, Link, redirect } from 'react-router';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { UnitFilter } from '../components/unit-filter.tsx';
import { getAdminContext } from '../context.ts';
import {
  ASSIGNMENT_SORTS,
  ASSIGNMENT_VIEWS,
  type AssignmentView,
  casesToAssign,
  readAssignmentView,
} from '../lib/assignment.ts';
import { intent, intentAction } from '../lib/intent-action.ts';
import { requestLocale } from '../lib/request-locale.ts';
import { load } from '../lib/route-errors.ts';
import { serviceName } from '../lib/service-name.ts';
import { signedInPerson } from '../lib/session.ts';
import { rejectIntent, rejectIntentApiError } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import { unitsAllowing } from '../lib/units-allowing.ts';
import type { Route } from './+types/case-assignment';

/**
 * 分派: the cases waiting at a unit for someone to handle them — newly transferred in, or every
 * unassigned one — and the people who may work matters there. The unit is the person's own
 * (a station head's station) unless she chooses another she assigns at.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const search = new URL(request.url).searchParams;
  const { view, unit, ...table } = readAssignmentView(search);
  // How many the last assignment took (its redirect says so), for the confirmation.
  const assigned = Number.parseInt(search.get('assigned') ?? '', 10);
  const done = Number.isInteger(assigned) && assigned > 0 ? assigned : null;
  const units = unitsAllowing(await load(caller.organisation.getMany()), grants, 'case.manage');
  const own = units.find((u) => grants.some((g) => g.organisationId === u.id)) ?? units[0];
  const unitId = units.some((u) => u.id === unit) ? unit : (own?.id ?? '');
  if (!unitId)
    return {
      view,
      table,
      done,
      units,
      unitId,
      cases: [],
      total: { count: 0, capped: false },
      assignees: [],
      counts: {},
    };
  const queue = { queue: view, organisationId: unitId };
  const [page, total, assignees, counted] = await Promise.all([
    load(
      caller.case.getMany({
        ...queue,
        limit: table.size,
        ...(table.page > 1 ? { page: table.page } : {}),
      }),
    ),
    load(caller.case.count(queue)),
    load(caller.case.unitAssignees({ organisationId: unitId })),
    load(caller.case.countQueues({ counts: ASSIGNMENT_VIEWS.map((queue) => ({ key: queue, queue })) })),
  ]);
  return {
    view,
    table,
    done,
    units,
    unitId,
    total,
    cases: page.cases.map((c) => ({
      id: c.id,
      number: c.number,
      residentName: c.residentName,
      serviceType: c.serviceType,
      receivedAt: c.receivedAt,
    })),
    assignees,
    counts: counted.counts,
  };
}

/** Assigns the ticked cases (or the one row's) to one person: all of them, or none with the reason. */
export async function action({ request, url, params, context }: Route.ActionArgs) {
  const { caller } = getAdminContext(context);
  const locale = requestLocale(request, context);
  // The page's address: with JavaScript the request's own ends in `.data`, which is no page.
  const back = new URL(url);
  return intentAction(
    request,
    {
      assign: intent({
        fields: ['assigneeId', 'conflictReason', 'negativeListReason', 'caseId'],
        keep: ['unit'],
        required: ['assigneeId'],
        run: async (values, { form, refuse }) => {
          const caseIds = casesToAssign(form);
          if (caseIds.length === 0) return refuse({ caseId: 'assignment.pick_cases' });
          // The ticked boxes come back ticked after a refusal.
          const kept = { ...values, caseId: caseIds.join(',') };
          // Without JavaScript the picker posts the typed name: resolved among the unit's people the page listed.
          const assignee = await resolvePostedChoice(values.assigneeId, async () =>
            assigneeChoices(
              (key, p) => translate(locale, key, p),
              locale,
              await caller.case.unitAssignees({ organisationId: values.unit }),
            ),
          );
          if ('problem' in assignee) {
            const problem = { form: [], fields: { assigneeId: assignee.problem } };
            return rejectIntent('assign', { status: 400, errors: problem }, kept);
          }
          try {
            const { assigned } = await caller.case.assignMany({
              caseIds,
              assigneeId: assignee.id,
              conflictReason: values.conflictReason || null,
              negativeListReason: values.negativeListReason || null,
            });
            back.searchParams.set('assigned', String(assigned.length));
            back.searchParams.delete('page');
            return redirect(`${back.pathname}?${back.searchParams}`);
          } catch (error) {
            return rejectIntentApiError(
              'assign',
              error,
              { fields: ['assigneeId', 'conflictReason', 'negativeListReason'] },
              kept,
            );
          }
        },
      }),
    },
    { done: () => tenantPaths.assignment(tenantSlugFrom(params)) },
  );
}

export default function CaseAssignment({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant, services } = useTenantShell();
  const { view, table, done, units, unitId, cases, total, assignees, counts } = loaderData;
  const failure = failureOf(actionData, 'assign');
  const ticked = new Set((failure?.values.caseId ?? '').split(','));
  const href = (next: AssignmentView, extra: Record<string, string> = {}) =>
    `${tenantPaths.assignment(tenant.slug, next)}&${new URLSearchParams({ unit: unitId, ...extra })}`;
  const failedCase = failure?.errors.params?.caseNumber;
  /** A reason the API asks for (a conflict of interest, a negative listing): shown once it is asked for or typed. */
  const reasonField = (name: 'conflictReason' | 'negativeListReason', label: string) => {
    const error = failure?.errors.fields[name];
    return error || failure?.values[name] ? (
      <TextField
        name={name}
        id={`assign-${name}`}
        label={label}
        defaultValue={failure?.values[name] ?? ''}
        error={error ? t(error, failure?.errors.params) : undefined}
      />
    ) : null;
  };
  const formMessage = failure?.errors.form[0];
  const columns: DataColumn<(typeof cases)[number]>[] = [
    {
      key: 'number',
      label: t('assignment.number'),
      cell: (c) => <Link to={tenantPaths.case(tenant.slug, c.id)}>{c.number}</Link>,
    },
    { key: 'resident', label: t('assignment.resident'), cell: (c) => c.residentName },
    {
      key: 'service',
      label: t('assignment.service'),
      cell: (c) => serviceName(services, c.serviceType, locale),
    },
    {
      key: 'received',
      label: t('assignment.received'),
      sort: { key: 'received', direction: 'descending' },
      cell: (c) => formatDateTime(locale, c.receivedAt),
    },
    {
      key: 'assign',
      label: t('assignment.assign_short'),
      cell: (c) => (
        <Button
          type="submit"
          variant="secondary"
          name="only"
          value={c.id}
          aria-label={t('assignment.assign_one', { number: c.number })}
        >
          {t('assignment.assign_short')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <DocumentTitle title={t('assignment.title')} tenant={tenant} />
      <h1>{t('assignment.title')}</h1>
      <p>{t('assignment.intro')}</p>
      {done !== null ? <Alert tone="success">{t('assignment.done', { count: done })}</Alert> : null}
      {failedCase && formMessage && isMessageKey(formMessage) ? (
        <Alert tone="error">
          {t('assignment.failed_case', {
            number: String(failedCase),
            message: t(formMessage, failure?.errors.params),
          })}
        </Alert>
      ) : failure?.errors.fields.caseId ? (
        <Alert tone="error">{t('assignment.pick_cases')}</Alert>
      ) : null}
      {units.length === 0 ? (
        <p className="admin-muted">{t('assignment.no_units')}</p>
      ) : (
        <>
          <nav aria-label={t('assignment.views')} className="admin-toolbar">
            {ASSIGNMENT_VIEWS.map((v) => (
              <Link key={v} to={href(v)} aria-current={v === view ? 'page' : undefined}>
                {`${t(`cases.queue.${v}` as const)} ${t('today.count', { count: counts[v] ?? 0 })}`}
              </Link>
            ))}
          </nav>
          <UnitFilter
            units={units}
            value={unitId}
            label={t('assignment.unit')}
            submit={t('assignment.unit_show')}
            keep={{ view }}
          />
          {cases.length === 0 ? (
            <p className="admin-muted">{t('assignment.empty')}</p>
          ) : (
            // Not `lj-form`: the table needs the page's width; the fields below keep theirs.
            <Form method="post" className="admin-assign-form" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="assign" />
              <input type="hidden" name="unit" value={unitId} />
              {failedCase ? null : <FormProblems errors={failure?.errors} />}
              <DataTable
                columns={columns}
                rows={cases}
                rowKey={(c) => c.id}
                view={table}
                total={total}
                empty={t('assignment.empty')}
                to={(change) => href(view, tableViewParams(changedView(table, change), ASSIGNMENT_SORTS))}
                tableClassName="admin-table"
                select={{
                  name: 'caseId',
                  heading: t('assignment.select'),
                  label: (c) => t('assignment.select_case', { number: c.number }),
                  checked: (c) => ticked.has(c.id),
                }}
              />
              <ChoicePicker
                name="assigneeId"
                id="assign-assigneeId"
                label={t('assignment.assignee')}
                choices={assigneeChoices(t, locale, assignees)}
                defaultValue={failure?.values.assigneeId ?? ''}
                error={
                  failure?.errors.fields.assigneeId
                    ? t(failure.errors.fields.assigneeId, failure.errors.params)
                    : undefined
                }
              />
              {reasonField('conflictReason', t('casePage.conflict_reason'))}
              {reasonField('negativeListReason', t('casePage.negative_list_reason'))}
              <Button type="submit">{t('assignment.assign_selected')}</Button>
            </Form>
          )}
        </>
      )}
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
