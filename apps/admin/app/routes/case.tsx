import { channelLabel, formatDateTime, urgencyLabel } from '@linju/i18n';
import { useLocale, useTranslate } from '@linju/ui';
import { Link, NavLink, Outlet } from 'react-router';
import { Deadline, StatusBadge, UrgencyMark } from '../components/case-list.tsx';
import { useOrganisationName } from '../components/case-page.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { todayIn } from '../lib/advisers.ts';
import { CASE_PAGE_PARTS } from '../lib/case-page-parts.ts';
import { deadlineState } from '../lib/cases.ts';
import { allowsAnywhere } from '../lib/permissions.ts';
import { caseServiceLinks } from '../lib/plugin-screens.ts';
import { idParam, load } from '../lib/route-errors.ts';
import { categoryName, serviceName } from '../lib/service-name.ts';
import { signedInPerson, tenantHeader } from '../lib/session.ts';
import { megabytes } from '../lib/streamed-form.ts';
import { tenantPaths } from '../lib/tenant-paths.ts';
import type { Route } from './+types/case';

/**
 * The case page's layout: the header every part shows, the links to the parts (handling,
 * referrals, feedback and rating, documents, consent, the service's own pages) and the part. Its
 * loader is the page's one API call (`case.page`); the parts read it (`useCasePage`).
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { caller, uploadMaxBytes } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const caseId = idParam(params.id);
  const page = await load(caller.case.page({ caseId }));
  const { timeline, ...rest } = page.case;
  return {
    case: {
      ...rest,
      timeline: timeline.map(({ seq, at, kind, actorName, actorId, text, data }) => ({
        seq,
        at,
        kind,
        actorName,
        actorId,
        text,
        data,
      })),
    },
    people: { firstResponder: rest.names.firstResponder, assignee: rest.names.assignee },
    consents: page.consents,
    chain: page.chain,
    referrals: page.referrals,
    organisations: page.organisations,
    // Who can be assigned: the people working matters at the case's unit (no staff list needed, so a
    // desk officer can hand the case to the mediator); null for those who may not assign here.
    staff:
      page.assignees?.map(({ id, displayName, roles, providerRecords }) => ({
        id,
        displayName,
        roles,
        providerRecords,
      })) ?? null,
    // The service's own pages, as its plugin declares them (`adminRoutes`, placement case-service).
    serviceLinks: caseServiceLinks(tenantHeader(me).slug, caseId, grants, page.screens),
    // What triage may choose: the services on at the case's unit, with their categories.
    services: page.services,
    can: {
      manage: allowsAnywhere(grants, 'case.manage'),
      handle: allowsAnywhere(grants, 'case.handle'),
      refer: allowsAnywhere(grants, 'referral.send'),
    },
    today: todayIn(),
    uploadMax: megabytes(uploadMaxBytes),
  };
}

export default function CaseLayout({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant, services: installed } = useTenantShell();
  const orgName = useOrganisationName();
  const { case: c, people, serviceLinks, today } = loaderData;
  const here = tenantPaths.case(tenant.slug, c.id);
  return (
    <>
      <DocumentTitle title={t('casePage.title', { number: c.number })} tenant={tenant} />
      <h1 className="admin-case-title">
        <span className="admin-case-number">{c.number}</span> <StatusBadge status={c.status} />
        <UrgencyMark urgency={c.urgency} />
      </h1>
      <dl className="admin-details admin-case-header">
        <dt>{t('casePage.service')}</dt>
        <dd>
          {serviceName(installed, c.serviceType, locale)}
          {c.category ? ` · ${categoryName(installed, c.serviceType, c.category, locale)}` : ''}
        </dd>
        <dt>{t('casePage.urgency')}</dt>
        <dd>{urgencyLabel(locale, c.urgency)}</dd>
        <dt>{t('casePage.deadline')}</dt>
        <dd>
          <Deadline dueOn={c.dueOn} state={deadlineState(c, today)} waiting={c.waitingForResident} />
        </dd>
        <dt>{t('casePage.first_responder')}</dt>
        <dd>{people.firstResponder ?? '—'}</dd>
        <dt>{t('casePage.assignee')}</dt>
        <dd>{c.assigneeId ? (people.assignee ?? '—') : t('casePage.unassigned')}</dd>
        <dt>{t('casePage.unit')}</dt>
        <dd>{orgName(c.currentOrganisationId)}</dd>
        <dt>{t('casePage.channel')}</dt>
        <dd>{channelLabel(locale, c.channel)}</dd>
        <dt>{t('casePage.received')}</dt>
        <dd>{formatDateTime(locale, c.receivedAt)}</dd>
      </dl>
      <h2>{t('casePage.description')}</h2>
      <p className="admin-prewrap">{c.description}</p>
      <nav className="admin-case-parts" aria-label={t('casePage.sections')}>
        <ul>
          {CASE_PAGE_PARTS.map((part) => (
            <li key={part.path}>
              <NavLink to={part.path ? `${here}/${part.path}` : here} end>
                {t(part.label)}
              </NavLink>
            </li>
          ))}
          {/* A service's own work (mediation record, notary booking, legal-aid decision…) has its own pages. */}
          {serviceLinks.map((link) => (
            <li key={link.key}>
              <Link to={link.to}>{link.label[locale === 'en' ? 'en' : 'zh-CN']}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
