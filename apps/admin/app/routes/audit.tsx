import { actorLabel, formatDateTime, formatNumber, type MessageKey } from '@linju/i18n';
import { Alert, Button, SelectField, TextField, useLocale, useTranslate } from '@linju/ui';
import { Form, Link } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import {
  AUDIT_OBJECT_TYPES,
  AUDIT_PAGE_SIZE,
  auditActionKey,
  auditObjectTypeKey,
  auditQueryParams,
  parseAuditQuery,
  snapshotText,
} from '../lib/audit-log.ts';
import { formText } from '../lib/form-data.ts';
import { load } from '../lib/route-errors.ts';
import { rejectIntentApiError } from '../lib/submission.ts';
import { tenantPaths } from '../lib/tenant-paths.ts';
import type { Route } from './+types/audit';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const query = parseAuditQuery(new URL(request.url).searchParams);
  const page = await load(
    caller.audit.getMany({
      limit: AUDIT_PAGE_SIZE,
      ...(query.before ? { before: query.before } : {}),
      ...(query.objectType ? { objectType: query.objectType } : {}),
      ...(query.objectId ? { objectId: query.objectId } : {}),
    }),
  );
  return { query, entries: page.entries, nextBefore: page.nextBefore };
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

type Entry = Route.ComponentProps['loaderData']['entries'][number];

export default function Audit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { query, entries, nextBefore } = loaderData;
  const filtered = Boolean(query.objectType || query.objectId);
  const olderParams = nextBefore ? auditQueryParams({ ...query, before: nextBefore }).toString() : undefined;
  const newestParams = auditQueryParams({ ...query, before: undefined }).toString();
  const objectTypeLabel = (type: string, action?: string) => {
    const key = auditObjectTypeKey(type, action);
    return key ? t(key) : type;
  };
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
                {objectTypeLabel(type)}
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
        <div className="admin-filters__actions">
          <Button type="submit" variant="secondary">
            {t('audit.apply_filter')}
          </Button>
          {filtered ? <Link to="?">{t('audit.clear_filter')}</Link> : null}
        </div>
      </Form>

      {query.before ? (
        <p>
          {t('audit.older_page', { seq: formatNumber(locale, query.before) })}{' '}
          <Link to={`?${newestParams}`}>{t('audit.newest')}</Link>
        </p>
      ) : null}

      {entries.length === 0 ? (
        <p>{filtered ? t('audit.none_match') : t('audit.empty')}</p>
      ) : (
        <ol className="admin-audit" aria-label={t('audit.entries_heading')}>
          {entries.map((entry) => (
            <AuditEntry key={entry.seq} entry={entry} objectTypeLabel={objectTypeLabel} slug={tenant.slug} />
          ))}
        </ol>
      )}

      <nav className="admin-pager" aria-label={t('audit.pages_label')}>
        {query.before ? <Link to={`?${newestParams}`}>{t('audit.newest')}</Link> : null}
        {olderParams ? (
          <Link to={`?${olderParams}`} rel="next">
            {t('audit.older')}
          </Link>
        ) : entries.length > 0 ? (
          <span className="admin-muted">{t('audit.no_older')}</span>
        ) : null}
      </nav>
    </>
  );
}

function AuditEntry({
  entry,
  objectTypeLabel,
  slug,
}: {
  entry: Entry;
  objectTypeLabel: (type: string, action?: string) => string;
  slug: string;
}) {
  const t = useTranslate();
  const locale = useLocale();
  const actionKey = auditActionKey(entry.action);
  const before = snapshotText(entry.before);
  const after = snapshotText(entry.after);
  const objectLink =
    entry.objectType === 'organisation'
      ? `${tenantPaths.organisations(slug)}?unit=${entry.objectId}#panel`
      : entry.objectType === 'staff_member'
        ? `${tenantPaths.staff(slug)}?person=${entry.objectId}#panel`
        : undefined;
  const filterLink = `?${auditQueryParams({ before: undefined, objectType: entry.objectType, objectId: entry.objectId })}`;
  return (
    <li className="admin-audit__entry">
      <div className="admin-audit__head">
        <span className="admin-audit__seq">#{entry.seq}</span>
        <strong>{actionKey ? t(actionKey) : entry.action}</strong>
        <time dateTime={new Date(entry.at).toISOString()} className="admin-muted">
          {formatDateTime(locale, entry.at)}
        </time>
      </div>
      <p className="admin-audit__meta">
        {t('audit.by', { actor: actorLabel(locale, entry.actorName) })} ·{' '}
        {objectTypeLabel(entry.objectType, entry.action)}{' '}
        <Link to={filterLink} className="admin-audit__object">
          <code>{entry.objectId.slice(0, 8)}</code>
          <span className="lj-visually-hidden"> {t('audit.filter_this_object')}</span>
        </Link>
        {objectLink ? (
          <>
            {' · '}
            <Link to={objectLink}>{t('audit.open_object')}</Link>
          </>
        ) : null}
      </p>
      {before || after ? (
        <details className="admin-audit__details">
          <summary>{t('audit.show_changes')}</summary>
          <div className="admin-audit__snapshots">
            {before ? (
              <div>
                <h3 className="admin-audit__snapshot-title">{t('audit.before')}</h3>
                <pre>{before}</pre>
              </div>
            ) : null}
            {after ? (
              <div>
                <h3 className="admin-audit__snapshot-title">{t('audit.after')}</h3>
                <pre>{after}</pre>
              </div>
            ) : null}
          </div>
          {entry.requestId ? (
            <p className="admin-muted">{t('audit.request_id', { id: entry.requestId })}</p>
          ) : null}
        </details>
      ) : null}
    </li>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
