import { actorLabel, formatDateTime, type Locale, translate } from '@linju/i18n';
import type { DataColumn } from '@linju/ui';
import { Link } from 'react-router';
import { auditActionKey, auditObjectTypeKey, auditQueryParams, snapshotText } from '../lib/audit-log.ts';
import { tenantPaths } from '../lib/tenant-paths.ts';

/** An entry of `audit.getMany` as the log shows it. */
export interface AuditRowView {
  id: number;
  /** Null until the sealer chained it, moments after its commit. */
  seq: number | null;
  at: Date | string;
  actorName: string;
  action: string;
  objectType: string;
  objectId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** The log has one order: newest first (as written; the chain follows it). */
export const AUDIT_SORTS = ['newest'] as const;

/** An action or object type in words, or its code when this build does not know it (a plugin removed since). */
const actionText = (locale: Locale, action: string) => {
  const key = auditActionKey(action);
  return key ? translate(locale, key) : action;
};
export const objectTypeText = (locale: Locale, type: string, action?: string) => {
  const key = auditObjectTypeKey(type, action);
  return key ? translate(locale, key) : type;
};

/** The entry's place in the chain, or that it is being chained (written moments ago). */
const seqText = (locale: Locale, entry: AuditRowView) =>
  entry.seq === null ? translate(locale, 'audit.unsealed') : `#${entry.seq}`;

/** Where the recorded object has a page of its own (a unit, a person). */
const objectPage = (slug: string, entry: AuditRowView) =>
  entry.objectType === 'organisation'
    ? `${tenantPaths.organisations(slug)}?unit=${entry.objectId}#panel`
    : entry.objectType === 'staff_member'
      ? `${tenantPaths.staff(slug)}?person=${entry.objectId}#panel`
      : undefined;

/**
 * 审计日志's columns, once for the screen and its export: the export holds what each entry says
 * (the object's full id), not the before/after snapshots, which stay behind their disclosure.
 */
export function auditColumns({ locale, slug }: { locale: Locale; slug: string }): DataColumn<AuditRowView>[] {
  const label = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  return [
    {
      key: 'seq',
      label: label('audit.col_seq'),
      rowHeader: true,
      cell: (entry) => <span className="admin-audit__seq">{seqText(locale, entry)}</span>,
      text: (entry) => (entry.seq === null ? seqText(locale, entry) : String(entry.seq)),
    },
    {
      key: 'at',
      label: label('audit.col_at'),
      sort: { key: 'newest', direction: 'descending' },
      cell: (entry) => (
        <time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(locale, entry.at)}</time>
      ),
      text: (entry) => formatDateTime(locale, entry.at),
    },
    {
      key: 'action',
      label: label('audit.col_action'),
      cell: (entry) => <strong>{actionText(locale, entry.action)}</strong>,
      text: (entry) => actionText(locale, entry.action),
    },
    {
      key: 'actor',
      label: label('audit.col_actor'),
      cell: (entry) => actorLabel(locale, entry.actorName),
      text: (entry) => actorLabel(locale, entry.actorName),
    },
    {
      key: 'object',
      label: label('audit.col_object'),
      cell: (entry) => {
        const page = objectPage(slug, entry);
        const filter = `?${auditQueryParams({ before: undefined, objectType: entry.objectType, objectId: entry.objectId })}`;
        return (
          <>
            {objectTypeText(locale, entry.objectType, entry.action)}{' '}
            <Link to={filter} className="admin-audit__object">
              <code>{entry.objectId.slice(0, 8)}</code>
              <span className="lj-visually-hidden"> {label('audit.filter_this_object')}</span>
            </Link>
            {page ? (
              <>
                {' · '}
                <Link to={page}>{label('audit.open_object')}</Link>
              </>
            ) : null}
          </>
        );
      },
      text: (entry) => `${objectTypeText(locale, entry.objectType, entry.action)} ${entry.objectId}`,
    },
    {
      key: 'changes',
      label: label('audit.col_changes'),
      cell: (entry) => <AuditChanges entry={entry} locale={locale} />,
    },
  ];
}

/** The entry's before and after, behind a disclosure (they can be long). */
function AuditChanges({ entry, locale }: { entry: AuditRowView; locale: Locale }) {
  const before = snapshotText(entry.before);
  const after = snapshotText(entry.after);
  if (!before && !after) return null;
  return (
    <details className="admin-audit__details">
      <summary>{translate(locale, 'audit.show_changes')}</summary>
      <div className="admin-audit__snapshots">
        {before ? (
          <div>
            <h3 className="admin-audit__snapshot-title">{translate(locale, 'audit.before')}</h3>
            <pre>{before}</pre>
          </div>
        ) : null}
        {after ? (
          <div>
            <h3 className="admin-audit__snapshot-title">{translate(locale, 'audit.after')}</h3>
            <pre>{after}</pre>
          </div>
        ) : null}
      </div>
      {entry.requestId ? (
        <p className="admin-muted">{translate(locale, 'audit.request_id', { id: entry.requestId })}</p>
      ) : null}
    </details>
  );
}
