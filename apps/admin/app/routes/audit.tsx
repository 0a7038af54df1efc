import { formatNumber, type MessageKey } from '@linju/i18n';
import {
  Alert,
  Button,
  changedView,
  DataTable,
  pageCount,
  readTableView,
  SelectField,
  type TableChange,
  TextField,
  tableViewParams,
  useLocale,
  useTranslate,
} from '@linju/ui';
import { Form, Link } from 'react-router';
import { AUDIT_SORTS, auditColumns, objectTypeText } from '../components/audit-columns.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { isTrpcError } from '../lib/api-errors.ts';
import { AUDIT_OBJECT_TYPES, auditQueryParams, parseAuditQuery } from '../lib/audit-log.ts';
import { formText } from '../lib/form-data.ts';
import { routeErrorFor } from '../lib/route-errors.ts';
import { rejectIntentApiError } from '../lib/submission.ts';
import { tenantPaths } from '../lib/tenant-paths.ts';
import type { Route } from './+types/audit';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const search = new URL(request.url).searchParams;
  const query = parseAuditQuery(search);
  const view = readTableView(search, AUDIT_SORTS);
  try {
    const page = await caller.audit.getMany({
      limit: view.size,
      ...(view.page > 1 ? { page: view.page } : {}),
      ...(query.before ? { before: query.before } : {}),
      ...(query.objectType ? { objectType: query.objectType } : {}),
      ...(query.objectId ? { objectId: query.objectId } : {}),
    });
    return { query, view, ...page, outOfReach: false };
  } catch (error) {
    // A page number past the count's reach, typed into the address: said, with no entries.
    if (!isTrpcError(error) || error.code !== 'BAD_REQUEST') throw routeErrorFor(error);
    return {
      query,
      view,
      entries: [],
      nextBefore: null,
      total: { count: 0, capped: false },
      outOfReach: true,
    };
  }
}

/** "Verify the chain" is a button: it reads the whole log, so it runs only when asked. */
export async function action({ request, context }: Route.ActionArgs) {
  const { caller } = getAdminContext(context);
  const intent = formText(await request.formData(), 'intent');
  try {
    const report = await caller.audit.verify();
    return { intent, report, checkedAt: new Date() };
  } catch (error) {
    return rejectIntentApiError(intent, error, { fields: [] });
  }
}

const REASONS: Readonly<Record<'edited' | 'missing' | 'relinked', MessageKey>> = {
  edited: 'audit.reason_edited',
  missing: 'audit.reason_missing',
  relinked: 'audit.reason_relinked',
};

export default function Audit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { query, view, entries, nextBefore, total, outOfReach } = loaderData;
  const filtered = Boolean(query.objectType || query.objectId);
  const olderParams = nextBefore ? auditQueryParams({ ...query, before: nextBefore }).toString() : undefined;
  const newestParams = auditQueryParams({ ...query, before: undefined }).toString();
  const listed = (change: TableChange) =>
    `?${new URLSearchParams({
      ...Object.fromEntries(auditQueryParams(query)),
      ...tableViewParams(changedView(view, change), AUDIT_SORTS),
    })}`;
  const report = actionData && 'report' in actionData ? actionData.report : undefined;
  const failure = actionData && 'errors' in actionData ? actionData.errors : undefined;

  return (
    <>
      <DocumentTitle title={t('audit.title')} tenant={tenant} />
      <h1>{t('audit.title')}</h1>
      <p className="admin-lead">{t('audit.intro')}</p>

      <section className="admin-panel admin-panel--quiet" aria-labelledby="verify-heading">
        <h2 id="verify-heading" className="admin-panel__title">
          {t('audit.verify_heading')}
        </h2>
        <p>{t('audit.verify_intro')}</p>
        <Form method="post" className="admin-inline-form">
          <CsrfField />
          <input type="hidden" name="intent" value="verify" />
          <Button type="submit" variant="secondary">
            {t('audit.verify_submit')}
          </Button>
        </Form>
        <div aria-live="polite">
          {report ? (
            report.ok ? (
              <Alert tone="success" title={t('audit.verify_ok_title')}>
                <p>{t('audit.verify_ok', { count: formatNumber(locale, report.entries) })}</p>
                {report.unsealed > 0 ? (
                  <p>{t('audit.verify_unsealed', { count: formatNumber(locale, report.unsealed) })}</p>
                ) : null}
              </Alert>
            ) : report.reason === 'forged' ? (
              <Alert tone="error" title={t('audit.verify_broken_title')}>
                <p>
                  {t('audit.verify_forged', {
                    id: formatNumber(locale, report.brokenAt),
                    count: formatNumber(locale, report.entries),
                  })}
                </p>
                <p>{t('audit.verify_broken_next')}</p>
              </Alert>
            ) : (
              <Alert tone="error" title={t('audit.verify_broken_title')}>
                <p>
                  {t('audit.verify_broken', {
                    seq: formatNumber(locale, report.brokenAt),
                    reason: t(REASONS[report.reason]),
                    count: formatNumber(locale, report.entries),
                  })}
                </p>
                <p>{t('audit.verify_broken_next')}</p>
              </Alert>
            )
          ) : null}
          {failure ? (
            <Alert tone="error">
              <p>{failure.form.map((key) => t(key, failure.params)).join(' ')}</p>
            </Alert>
          ) : null}
        </div>
      </section>

      <h2>{t('audit.entries_heading')}</h2>
      <Form method="get" className="admin-filters" role="search" aria-label={t('audit.filter_label')}>
        <SelectField
          id="filter-objectType"
          name="objectType"
          label={t('audit.object_type')}
          defaultValue={query.objectType ?? ''}
        >
          <option value="">{t('audit.any_object_type')}</option>
          {[...new Set([...AUDIT_OBJECT_TYPES, ...(query.objectType ? [query.objectType] : [])])].map(
            (type) => (
              <option key={type} value={type}>
                {objectTypeText(locale, type)}
              </option>
            ),
          )}
        </SelectField>
        <TextField
          id="filter-objectId"
          name="objectId"
          label={t('audit.object_id')}
          hint={t('audit.object_id_hint')}
          defaultValue={query.objectId ?? ''}
          autoComplete="off"
          spellCheck={false}
        />
        {/* A new filter keeps the page size, from its first page. */}
        <input type="hidden" name="size" value={view.size} />
        <div className="admin-filters__actions">
          <Button type="submit" variant="secondary">
            {t('audit.apply_filter')}
          </Button>
          {filtered ? <Link to="?">{t('audit.clear_filter')}</Link> : null}
        </div>
      </Form>

      {query.before ? (
        <p>
          {t('audit.older_page')} <Link to={`?${newestParams}`}>{t('audit.newest')}</Link>
        </p>
      ) : null}

      {outOfReach ? (
        <Alert tone="error">
          <p>{t('audit.page_out_of_reach')}</p>
        </Alert>
      ) : null}
      <DataTable
        columns={auditColumns({ locale, slug: tenant.slug })}
        rows={entries}
        rowKey={(entry) => String(entry.id)}
        view={view}
        total={total}
        empty={filtered ? t('audit.none_match') : t('audit.empty')}
        to={listed}
        tableClassName="admin-table admin-audit"
        actions={
          <a
            className="lj-button lj-button--secondary"
            href={`${tenantPaths.auditXlsx(tenant.slug)}?${auditQueryParams(query)}`}
          >
            {t('table.export')}
          </a>
        }
      />
      {/* Past the count's reach the cursor goes on: the pages start again from there. */}
      {total.capped && olderParams && view.page === pageCount(total.count, view.size) ? (
        <p>
          <Link to={`?${olderParams}`} rel="next">
            {t('audit.older')}
          </Link>
        </p>
      ) : null}
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
