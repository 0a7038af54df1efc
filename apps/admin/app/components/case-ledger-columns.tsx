import { caseStatusLabel, formatDateTime, type Locale, translate, urgencyLabel } from '@linju/i18n';
import type { DataColumn } from '@linju/ui';
import { Link } from 'react-router';
import { deadlineState } from '../lib/cases.ts';
import { type NamedService, serviceName } from '../lib/service-name.ts';
import { tenantPaths } from '../lib/tenant-paths.ts';
import { type CaseRowView, Deadline, deadlineText, StatusBadge, UrgencyMark } from './case-list.tsx';

/**
 * 案件台账's columns, once for the screen and its export: each cell as shown and as the words the
 * spreadsheet holds (the resident's name as on the screen, nothing more).
 */
export function caseLedgerColumns({
  locale,
  services,
  today,
  tenantSlug,
}: {
  locale: Locale;
  services: readonly NamedService[];
  today: string;
  tenantSlug: string;
}): DataColumn<CaseRowView>[] {
  const label = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const deadline = (row: CaseRowView) => ({
    dueOn: row.dueOn,
    state: deadlineState(row, today),
    waiting: row.waitingForResident,
  });
  return [
    {
      key: 'number',
      label: label('cases.col_number'),
      rowHeader: true,
      cell: (row) => <Link to={tenantPaths.case(tenantSlug, row.id)}>{row.number}</Link>,
      text: (row) => row.number,
    },
    {
      key: 'status',
      label: label('cases.col_status'),
      cell: (row) => (
        <>
          <StatusBadge status={row.status} />
          <UrgencyMark urgency={row.urgency} />
        </>
      ),
      text: (row) =>
        row.urgency === 'normal'
          ? caseStatusLabel(locale, row.status)
          : `${caseStatusLabel(locale, row.status)} ${urgencyLabel(locale, row.urgency)}`,
    },
    {
      key: 'resident',
      label: label('cases.col_resident'),
      cell: (row) => row.residentName,
      text: (row) => row.residentName,
    },
    {
      key: 'service',
      label: label('cases.col_service'),
      cell: (row) => serviceName(services, row.serviceType, locale),
      text: (row) => serviceName(services, row.serviceType, locale),
    },
    {
      key: 'received',
      label: label('cases.col_received'),
      sort: { key: 'received', direction: 'descending' },
      cell: (row) => formatDateTime(locale, row.receivedAt),
      text: (row) => formatDateTime(locale, row.receivedAt),
    },
    {
      key: 'due',
      label: label('cases.col_due'),
      sort: { key: 'due', direction: 'ascending' },
      cell: (row) => <Deadline {...deadline(row)} />,
      text: (row) => deadlineText(locale, deadline(row)),
    },
  ];
}
