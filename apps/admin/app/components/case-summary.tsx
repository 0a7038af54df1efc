import { channelLabel, formatDateTime, urgencyLabel } from '@linju/i18n';
import { useLocale, useTranslate } from '@linju/ui';
import type { ReactNode } from 'react';
import { deadlineState } from '../lib/cases.ts';
import { categoryName, serviceName } from '../lib/service-name.ts';
import { Deadline, StatusBadge, UrgencyMark } from './case-list.tsx';
import { useCasePage, useOrganisationName } from './case-page.tsx';
import { useTenantShell } from './tenant-shell.ts';

/**
 * The top of the case page, what a desk officer looks at first: the number and status, then the
 * facts in a grid (service, category, deadline, who handles it where, how it came, its dates),
 * and on a phone a way straight to the next actions.
 */
export function CaseSummary() {
  const t = useTranslate();
  const locale = useLocale();
  const { services: installed } = useTenantShell();
  const orgName = useOrganisationName();
  const { case: c, people, today } = useCasePage();
  const facts: [string, ReactNode][] = [
    [t('casePage.service'), serviceName(installed, c.serviceType, locale)],
    [t('casePage.category'), c.category ? categoryName(installed, c.serviceType, c.category, locale) : '—'],
    [
      t('casePage.deadline'),
      <Deadline
        key="deadline"
        dueOn={c.dueOn}
        state={deadlineState(c, today)}
        waiting={c.waitingForResident}
      />,
    ],
    [t('casePage.assignee'), c.assigneeId ? (people.assignee ?? '—') : t('casePage.unassigned')],
    [t('casePage.unit'), orgName(c.currentOrganisationId)],
    [t('casePage.first_responder'), people.firstResponder ?? '—'],
    [t('casePage.channel'), channelLabel(locale, c.channel)],
    [t('casePage.urgency'), urgencyLabel(locale, c.urgency)],
    [t('casePage.received'), formatDateTime(locale, c.receivedAt)],
    ...(c.resolvedAt
      ? [[t('casePage.resolved_at'), formatDateTime(locale, c.resolvedAt)] as [string, ReactNode]]
      : []),
    ...(c.closedAt
      ? [[t('casePage.closed_at'), formatDateTime(locale, c.closedAt)] as [string, ReactNode]]
      : []),
  ];
  return (
    <section className="admin-case-summary" aria-label={t('casePage.summary')}>
      <div className="admin-case-summary__title">
        <h1 className="admin-case-title">
          <span className="admin-case-number">{c.number}</span> <StatusBadge status={c.status} />
          <UrgencyMark urgency={c.urgency} />
        </h1>
        <a className="admin-case-summary__jump" href="#actions">
          {t('casePage.go_to_actions')}
        </a>
      </div>
      <dl className="admin-case-facts">
        {facts.map(([term, value]) => (
          <div key={term} className="admin-case-facts__fact">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
