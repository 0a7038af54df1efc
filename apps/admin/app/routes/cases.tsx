import { CASE_STATUSES, caseStatusLabel, formatDateTime, formatNumber } from '@linju/i18n';
import { Button, SelectField, TextField, useLocale, useTranslate } from '@linju/ui';
import type { ReactNode } from 'react';
import { Form, Link, useActionData, useLoaderData } from 'react-router';
import { caseRowView, Deadline, StatusBadge, UrgencyMark } from '../components/case-list.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { todayIn } from '../lib/advisers.ts';
import { isTrpcError } from '../lib/api-errors.ts';
import {
  CASE_QUEUES,
  type CaseSearch,
  type CaseSort,
  caseQueryFor,
  caseSearchString,
  deadlineState,
  readCaseSearch,
} from '../lib/cases.ts';
import { allowsAnywhere } from '../lib/permissions.ts';
import { routeErrorFor } from '../lib/route-errors.ts';
import { serviceName } from '../lib/service-name.ts';
import { signedInPerson } from '../lib/session.ts';
import { tenantPaths } from '../lib/tenant-paths.ts';
import type { Route } from './+types/cases';

/** One page of the list for a search. */
async function casePage(context: Route.LoaderArgs['context'], search: CaseSearch) {
  const { caller } = getAdminContext(context);
  try {
    const page = await caller.case.getMany(caseQueryFor(search));
    return { search, cases: page.cases.map(caseRowView), nextCursor: page.nextCursor };
  } catch (error) {
    // A malformed phone or ID number in the box (or a stale cursor) is bad input: no results.
    if (!isTrpcError(error) || error.code !== 'BAD_REQUEST') throw routeErrorFor(error);
    return { search, cases: [], nextCursor: null };
  }
}

/** Filters and pages travel in the URL; a search term is posted (see `readCaseSearch`). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const me = signedInPerson(context);
  return {
    ...(await casePage(context, readCaseSearch(new URL(request.url).searchParams))),
    today: todayIn(),
    canIntake: allowsAnywhere(
      me.user.roles.map(({ role, organisationId }) => ({ role, organisationId })),
      'case.intake',
    ),
  };
}

/** A search with a term: its results are the answer to the post, never an address. */
export async function action({ request, context }: Route.ActionArgs) {
  return casePage(context, readCaseSearch(await request.formData()));
}

export default function Cases({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant, services } = useTenantShell();
  const { today, canIntake } = loaderData;
  const { search, cases, nextCursor } = actionData ?? loaderData;
  return (
    <>
      <DocumentTitle title={t('cases.title')} tenant={tenant} />
      <h1>{t('cases.title')}</h1>
      {canIntake ? (
        <p>
          <Link className="lj-button lj-button--primary" to={tenantPaths.newCase(tenant.slug)}>
            {t('cases.new')}
          </Link>
        </p>
      ) : null}
      <Form
        method="post"
        className="lj-form admin-filters"
        role="search"
        aria-label={t('cases.search_heading')}
      >
        <CsrfField />
        <TextField
          name="q"
          type="search"
          label={t('cases.search_label')}
          hint={t('cases.search_hint')}
          defaultValue={search.q}
        />
        <SelectField name="status" label={t('cases.status_filter')} defaultValue={search.status}>
          <option value="">{t('cases.any')}</option>
          {CASE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {caseStatusLabel(locale, status)}
            </option>
          ))}
        </SelectField>
        <SelectField name="queue" label={t('cases.queue_filter')} defaultValue={search.queue}>
          <option value="">{t('cases.any')}</option>
          {CASE_QUEUES.map((queue) => (
            <option key={queue} value={queue}>
              {t(`cases.queue.${queue}` as const)}
            </option>
          ))}
        </SelectField>
        <SelectField name="service" label={t('cases.service_filter')} defaultValue={search.service}>
          <option value="">{t('cases.any')}</option>
          {services.map(({ id: service }) => (
            <option key={service} value={service}>
              {serviceName(services, service, locale)}
            </option>
          ))}
        </SelectField>
        <SelectField name="sort" label={t('cases.sort')} defaultValue={search.sort}>
          <option value="">{t('cases.sort_received')}</option>
          <option value="due">{t('cases.sort_due')}</option>
        </SelectField>
        <Button type="submit" variant="secondary">
          {t('cases.search_submit')}
        </Button>
      </Form>

      {cases.length === 0 ? (
        <p>{t('cases.none')}</p>
      ) : (
        <div className="admin-table-scroll">
          <table className="admin-table">
            <caption>{t('cases.count', { count: formatNumber(locale, cases.length) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.col_number')}</th>
                <th scope="col">{t('cases.col_status')}</th>
                <th scope="col">{t('cases.col_resident')}</th>
                <th scope="col">{t('cases.col_service')}</th>
                <SortHeader sort="received" label={t('cases.col_received')} />
                <SortHeader sort="due" label={t('cases.col_due')} />
              </tr>
            </thead>
            <tbody>
              {cases.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <Link to={tenantPaths.case(tenant.slug, row.id)}>{row.number}</Link>
                  </th>
                  <td>
                    <StatusBadge status={row.status} />
                    <UrgencyMark urgency={row.urgency} />
                  </td>
                  <td>{row.residentName}</td>
                  <td>{serviceName(services, row.serviceType, locale)}</td>
                  <td>{formatDateTime(locale, row.receivedAt)}</td>
                  <td>
                    <Deadline
                      dueOn={row.dueOn}
                      state={deadlineState(row, today)}
                      waiting={row.waitingForResident}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="admin-pager">
        {search.cursor ? (
          <SearchLink search={{ ...search, cursor: '' }}>{t('cases.first_page')}</SearchLink>
        ) : null}{' '}
        {nextCursor ? (
          <SearchLink search={{ ...search, cursor: nextCursor }}>{t('cases.next_page')}</SearchLink>
        ) : null}
      </p>
    </>
  );
}

/**
 * The list for another search (a page, an order): a link while the search has no term, a post of
 * the search otherwise, so the term never enters an address. Both work without JavaScript.
 */
function SearchLink({ search, children }: { search: CaseSearch; children: ReactNode }) {
  const { tenant } = useTenantShell();
  if (!search.q)
    return (
      <Link className="admin-sort" to={`${tenantPaths.cases(tenant.slug)}${caseSearchString(search)}`}>
        {children}
      </Link>
    );
  return (
    <Form method="post" className="admin-inline-form">
      <CsrfField />
      {Object.entries(search).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="admin-sort admin-link-button">
        {children}
      </button>
    </Form>
  );
}

/** A column header that orders the list by it; the first page again. */
function SortHeader({ sort, label }: { sort: CaseSort; label: string }) {
  const loaderData = useLoaderData<typeof loader>();
  const { search } = useActionData<typeof action>() ?? loaderData;
  const active = (search.sort || 'received') === sort;
  return (
    <th scope="col" aria-sort={active ? (sort === 'due' ? 'ascending' : 'descending') : undefined}>
      <SearchLink search={{ ...search, sort: sort === 'received' ? '' : sort, cursor: '' }}>
        {label}
        {active ? (sort === 'due' ? ' ▲' : ' ▼') : ''}
      </SearchLink>
    </th>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
