import { CASE_STATUSES, caseStatusLabel } from '@linju/i18n';
import {
  Button,
  changedView,
  DataTable,
  SelectField,
  type TableChange,
  TextField,
  useLocale,
  useTranslate,
  type ViewLink,
} from '@linju/ui';
import type { ReactNode } from 'react';
import { Form, Link } from 'react-router';
import { caseLedgerColumns } from '../components/case-ledger-columns.tsx';
import { caseRowView } from '../components/case-list.tsx';
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
  caseQueryFor,
  caseSearchString,
  readCaseSearch,
} from '../lib/cases.ts';
import { allowsAnywhere } from '../lib/permissions.ts';
import { routeErrorFor } from '../lib/route-errors.ts';
import { serviceName } from '../lib/service-name.ts';
import { signedInPerson } from '../lib/session.ts';
import { tenantPaths } from '../lib/tenant-paths.ts';
import type { Route } from './+types/cases';

/** One page of the ledger for a search, and how many the search finds (exact up to the API's bound). */
async function casePage(context: Route.LoaderArgs['context'], search: CaseSearch) {
  const { caller } = getAdminContext(context);
  const query = caseQueryFor(search);
  try {
    const [page, total] = await Promise.all([
      caller.case.getMany(query),
      caller.case.count({ ...query, page: undefined }),
    ]);
    return { search, cases: page.cases.map(caseRowView), total };
  } catch (error) {
    // A malformed phone or ID number in the box (or a page past the count's reach) is bad input: no results.
    if (!isTrpcError(error) || error.code !== 'BAD_REQUEST') throw routeErrorFor(error);
    return { search, cases: [], total: { count: 0, capped: false } };
  }
}

/** Filters and the view travel in the URL; a search term is posted (see `readCaseSearch`). */
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
  const { search, cases, total } = actionData ?? loaderData;
  const to = (change: TableChange) =>
    `${tenantPaths.cases(tenant.slug)}${caseSearchString(changedView(search, change))}`;
  // With a term, another view is posted again with it, so the term never enters an address.
  const viewLink: ViewLink | undefined = search.q
    ? ({ change, className, children }) => (
        <SearchPost search={changedView(search, change)} className={className}>
          {children}
        </SearchPost>
      )
    : undefined;
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
        {/* A new search keeps the order and page size, from its first page. */}
        <input type="hidden" name="sort" value={search.sort} />
        <input type="hidden" name="size" value={search.size} />
        <Button type="submit" variant="secondary">
          {t('cases.search_submit')}
        </Button>
      </Form>
      <DataTable
        columns={caseLedgerColumns({ locale, services, today, tenantSlug: tenant.slug })}
        rows={cases}
        rowKey={(row) => row.id}
        view={search}
        total={total}
        empty={t('cases.none')}
        to={to}
        viewLink={viewLink}
        actions={<LedgerExport search={search} />}
        tableClassName="admin-table"
      />
    </>
  );
}

/** The search's fields as hidden inputs: a form posting the search again (with its term). */
function SearchFields({ search }: { search: CaseSearch }) {
  return (
    <>
      <CsrfField />
      {Object.entries(search).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/** Another view of a search with a term: a post of it, never an address. Works without JavaScript. */
function SearchPost({
  search,
  className,
  children,
}: {
  search: CaseSearch;
  className: string;
  children: ReactNode;
}) {
  return (
    <Form method="post" className="lj-data-table__post">
      <SearchFields search={search} />
      <button type="submit" className={className}>
        {children}
      </button>
    </Form>
  );
}

/**
 * 导出 Excel of the whole search: a download link while it has no term, a post of the search
 * otherwise (a plain form: the answer is a file, not a page).
 */
function LedgerExport({ search }: { search: CaseSearch }) {
  const t = useTranslate();
  const { tenant } = useTenantShell();
  const href = tenantPaths.caseLedgerXlsx(tenant.slug);
  if (!search.q)
    return (
      <a
        className="lj-button lj-button--secondary"
        href={`${href}${caseSearchString({ ...search, page: 1 })}`}
      >
        {t('table.export')}
      </a>
    );
  return (
    <form method="post" action={href} className="admin-inline-form">
      <SearchFields search={{ ...search, page: 1 }} />
      <Button type="submit" variant="secondary">
        {t('table.export')}
      </Button>
    </form>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
