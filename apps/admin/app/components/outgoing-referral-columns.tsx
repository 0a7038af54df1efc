import {
  formatDate,
  formatDateTime,
  type Locale,
  referralKindLabel,
  referralStatusLabel,
  translate,
} from '@linju/i18n';
import type { DataColumn } from '@linju/ui';
import { Link } from 'react-router';
import { organisationName } from '../lib/organisation-tree.ts';
import { tenantPaths } from '../lib/tenant-paths.ts';

/** The states in which a referral's deadline no longer runs (nothing more is asked of the partner). */
export const TERMINAL_REFERRAL_STATUSES: readonly string[] = ['rejected', 'completed', 'failed', 'cancelled'];

/** A referral still running past its deadline at `now`. */
export const isOverdue = (due: Date | string, status: string, now: string) =>
  !TERMINAL_REFERRAL_STATUSES.includes(status) && new Date(due).toISOString() < now;

/** A sent referral as the list shows it: the partner named, the subject as sent. */
export interface OutgoingReferralRowView {
  id: string;
  kind: string;
  status: string;
  /** The partner unit of the district; null for a referral to another deployment. */
  to: { nameZh: string; nameEn: string } | null;
  subjectName: string;
  outcomeText: string | null;
  sentAt: string;
  dueBy: string;
  caseId: string | null;
}

/** A row of `referral.getMany` as the list shows it, its partner found among the district's units. */
export const outgoingReferralRowView = (
  r: {
    id: string;
    kind: string;
    status: string;
    toOrganisationId: string | null;
    subjectName: string;
    outcomeText: string | null;
    createdAt: Date | string;
    dueBy: Date | string;
    caseId: string | null;
  },
  organisations: readonly { id: string; nameZh: string; nameEn: string }[],
): OutgoingReferralRowView => {
  const to = organisations.find((o) => o.id === r.toOrganisationId);
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    to: to ? { nameZh: to.nameZh, nameEn: to.nameEn } : null,
    subjectName: r.subjectName,
    outcomeText: r.outcomeText,
    sentAt: new Date(r.createdAt).toISOString(),
    dueBy: new Date(r.dueBy).toISOString(),
    caseId: r.caseId,
  };
};

/** The list's orders: newest sent first (the default), or soonest due first. */
export const OUTGOING_REFERRAL_SORTS = ['sent', 'due'] as const;

/** The sent referrals of a view, in its order (ties: newest sent first). */
export function sortedOutgoingReferrals<R extends OutgoingReferralRowView>(rows: readonly R[], sort: string) {
  const newest = (a: R, b: R) => b.sentAt.localeCompare(a.sentAt) || b.id.localeCompare(a.id);
  return [...rows].sort(sort === 'due' ? (a, b) => a.dueBy.localeCompare(b.dueBy) || newest(a, b) : newest);
}

/** 发出的转介's columns, once for the screen and its export (the subject as the screen names it). */
export function outgoingReferralColumns({
  locale,
  now,
  tenantSlug,
}: {
  locale: Locale;
  now: string;
  tenantSlug: string;
}): DataColumn<OutgoingReferralRowView>[] {
  const label = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const status = (row: OutgoingReferralRowView) =>
    `${referralStatusLabel(locale, row.status)}${row.outcomeText ? ` · ${row.outcomeText}` : ''}`;
  const overdue = (row: OutgoingReferralRowView) => isOverdue(row.dueBy, row.status, now);
  return [
    {
      key: 'kind',
      label: label('referrals.col_kind'),
      cell: (row) => referralKindLabel(locale, row.kind),
      text: (row) => referralKindLabel(locale, row.kind),
    },
    {
      key: 'to',
      label: label('referrals.col_to'),
      cell: (row) => (row.to ? organisationName(row.to, locale) : '—'),
      text: (row) => (row.to ? organisationName(row.to, locale) : '—'),
    },
    {
      key: 'subject',
      label: label('referrals.col_subject'),
      cell: (row) => row.subjectName,
      text: (row) => row.subjectName,
    },
    {
      key: 'status',
      label: label('referrals.col_status'),
      cell: (row) => (
        <>
          <span className="admin-status">{referralStatusLabel(locale, row.status)}</span>
          {row.outcomeText ? ` · ${row.outcomeText}` : ''}
        </>
      ),
      text: status,
    },
    {
      key: 'sent',
      label: label('referrals.col_sent'),
      sort: { key: 'sent', direction: 'descending' },
      cell: (row) => formatDateTime(locale, row.sentAt),
      text: (row) => formatDateTime(locale, row.sentAt),
    },
    {
      key: 'due',
      label: label('referrals.col_due'),
      sort: { key: 'due', direction: 'ascending' },
      cell: (row) => (
        <>
          {formatDate(locale, row.dueBy)}
          {overdue(row) ? (
            <strong className="admin-deadline--overdue"> · {label('referrals.overdue')}</strong>
          ) : null}
        </>
      ),
      text: (row) =>
        `${formatDate(locale, row.dueBy)}${overdue(row) ? ` · ${label('referrals.overdue')}` : ''}`,
    },
    {
      key: 'case',
      label: label('referrals.col_case'),
      cell: (row) =>
        row.caseId ? (
          <Link to={tenantPaths.case(tenantSlug, row.caseId)}>{label('referrals.col_case')}</Link>
        ) : (
          '—'
        ),
    },
  ];
}
