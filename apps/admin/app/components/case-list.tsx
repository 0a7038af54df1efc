import { caseStatusLabel, channelLabel, formatDate, type Locale, translate, urgencyLabel } from '@linju/i18n';
import { useLocale } from '@linju/ui';
import { Link } from 'react-router';
import { type DeadlineState, deadlineState } from '../lib/cases.ts';
import { serviceName } from '../lib/service-name.ts';
import { tenantPaths } from '../lib/tenant-paths.ts';
import { useTenantShell } from './tenant-shell.ts';

/** A case as lists show it (case.getMany's rows, trimmed to what the page needs). */
export interface CaseRowView {
  id: string;
  number: string;
  status: string;
  urgency: string;
  channel: string;
  serviceType: string;
  residentName: string;
  receivedAt: Date | string;
  dueOn: string | null;
  waitingForResident: boolean;
}

export const caseRowView = (row: CaseRowView): CaseRowView => ({
  id: row.id,
  number: row.number,
  status: row.status,
  urgency: row.urgency,
  channel: row.channel,
  serviceType: row.serviceType,
  residentName: row.residentName,
  receivedAt: row.receivedAt,
  dueOn: row.dueOn,
  waitingForResident: row.waitingForResident,
});

export function StatusBadge({ status }: { status: string }) {
  const locale = useLocale();
  return (
    <span className={`admin-status admin-status--case-${status}`}>{caseStatusLabel(locale, status)}</span>
  );
}

/** 紧急 or 特急 beside a case's status wherever it is listed or shown; nothing for an ordinary one. */
export function UrgencyMark({ urgency }: { urgency: string }) {
  const locale = useLocale();
  if (urgency === 'normal') return null;
  return (
    <>
      {' '}
      <span className={`admin-status admin-status--urgency-${urgency}`}>{urgencyLabel(locale, urgency)}</span>
    </>
  );
}

/** 网上 beside a case a resident sent from the public site: nobody at a desk took it in, so somebody must pick it up. */
export function OnlineMark({ channel }: { channel: string }) {
  const locale = useLocale();
  if (channel !== 'online') return null;
  return (
    <>
      {' '}
      <span className="admin-status admin-status--channel-online">{channelLabel(locale, channel)}</span>
    </>
  );
}

/** The deadline as words: its date and marking (overdue, due soon, waiting for the resident). */
export function deadlineText(
  locale: Locale,
  { dueOn, state, waiting }: { dueOn: string | null; state: DeadlineState; waiting: boolean },
): string {
  if (!dueOn) return translate(locale, 'casePage.no_deadline');
  const marking =
    state === 'overdue'
      ? ` · ${translate(locale, 'cases.overdue')}`
      : state === 'due-soon'
        ? ` · ${translate(locale, 'cases.due_soon')}`
        : '';
  return `${formatDate(locale, dueOn)}${marking}${waiting ? ` · ${translate(locale, 'cases.waiting')}` : ''}`;
}

/** The deadline with its marking; words, not colour alone. */
export function Deadline({
  dueOn,
  state,
  waiting,
}: {
  dueOn: string | null;
  state: DeadlineState;
  waiting: boolean;
}) {
  const locale = useLocale();
  const text = deadlineText(locale, { dueOn, state, waiting });
  if (!dueOn) return <span className="admin-muted">{text}</span>;
  return <span className={state ? `admin-deadline admin-deadline--${state}` : 'admin-deadline'}>{text}</span>;
}

/** A compact list of cases, each linking to its page: number, status, resident, service, deadline. */
export function CaseList({
  rows,
  today,
  empty,
}: {
  rows: readonly CaseRowView[];
  today: string;
  empty: string;
}) {
  const locale = useLocale();
  const { tenant, services } = useTenantShell();
  if (rows.length === 0) return <p className="admin-muted">{empty}</p>;
  return (
    <ul className="admin-case-list">
      {rows.map((row) => (
        <li key={row.id}>
          <Link to={tenantPaths.case(tenant.slug, row.id)} className="admin-case-list__number">
            {row.number}
          </Link>{' '}
          <StatusBadge status={row.status} />
          <UrgencyMark urgency={row.urgency} />
          <OnlineMark channel={row.channel} />
          <span className="admin-case-list__meta">
            {row.residentName} · {serviceName(services, row.serviceType, locale)} ·{' '}
            <Deadline dueOn={row.dueOn} state={deadlineState(row, today)} waiting={row.waitingForResident} />
          </span>
        </li>
      ))}
    </ul>
  );
}
