import { FormLanding, useLocale, useTranslate } from '@linju/ui';
import { Link, NavLink, Outlet } from 'react-router';
import { CaseMatter, type RevealedField } from '../components/case-matter.tsx';
import { CaseSummary } from '../components/case-summary.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { todayIn } from '../lib/advisers.ts';
import { CASE_LANDING, CASE_PAGE_PARTS } from '../lib/case-page-parts.ts';
import { formText } from '../lib/form-data.ts';
import { intent, intentAction } from '../lib/intent-action.ts';
import { allowsAnywhere } from '../lib/permissions.ts';
import { caseServiceLinks, type PluginLink } from '../lib/plugin-screens.ts';
import { idParam, load } from '../lib/route-errors.ts';
import { signedInPerson, tenantHeader } from '../lib/session.ts';
import { megabytes } from '../lib/streamed-form.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import { timelineStepTitle } from '../lib/timeline-titles.server.ts';
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
        step: timelineStepTitle(kind, data),
      })),
    },
    people: { firstResponder: rest.names.firstResponder, assignee: rest.names.assignee },
    consents: page.consents,
    chain: page.chain,
    referrals: page.referrals,
    organisations: page.organisations,
    timelineOrganisations: page.timelineOrganisations,
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
    // The knowledge services' tools switched on at the case's unit (placement case-tools).
    toolLinks: caseServiceLinks(tenantHeader(me).slug, caseId, grants, page.tools),
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

/** The layout's own form: showing the resident's phone or ID number in full, from the left column. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const caseId = params.id;
  const { caller } = getAdminContext(context);
  return intentAction(
    request,
    {
      reveal: intent({
        run: async (_values, { form }) => {
          const field: RevealedField['field'] = formText(form, 'field') === 'idNumber' ? 'idNumber' : 'phone';
          const { value } = await caller.case.revealResident({ caseId, field });
          // Shown in this response only; nothing keeps it.
          return { intent: 'reveal', revealed: { field, value: value ?? '—' } };
        },
      }),
    },
    { done: () => `${tenantPaths.case(tenantSlugFrom(params), caseId)}#resident` },
  );
}

/**
 * The summary header over two columns (from 1024 px): the matter, the resident, the parties and
 * the documents on the left; the part — its next actions and, on handling, the timeline — on the
 * right. One column on a phone, with the header's link straight to the actions. The parts' forms
 * land on their outcome (`FormLanding`), so a confirmation is on screen however long the page.
 */
export default function CaseLayout({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const { tenant } = useTenantShell();
  const { case: c, serviceLinks, toolLinks } = loaderData;
  const here = tenantPaths.case(tenant.slug, c.id);
  const revealed = actionData && 'revealed' in actionData ? actionData.revealed : undefined;
  return (
    <>
      <DocumentTitle title={t('casePage.title', { number: c.number })} tenant={tenant} />
      <CaseSummary />
      <div className="admin-case-columns">
        <div className="admin-case-matter">
          <CaseMatter revealed={revealed} />
          {toolLinks.length > 0 ? (
            <section className="admin-panel admin-case-tools" aria-labelledby="case-tools-heading">
              <h2 id="case-tools-heading">{t('casePage.knowledge_tools')}</h2>
              <ul>
                <PluginLinkItems links={toolLinks} />
              </ul>
            </section>
          ) : null}
        </div>
        <div className="admin-case-work">
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
              <PluginLinkItems links={serviceLinks} />
            </ul>
          </nav>
          <FormLanding.Provider value={CASE_LANDING}>
            <Outlet />
          </FormLanding.Provider>
        </div>
      </div>
    </>
  );
}

/** Links to plugins' screens of the case, as list items, labelled in the page's language. */
function PluginLinkItems({ links }: { links: readonly PluginLink[] }) {
  const locale = useLocale();
  return links.map((link) => (
    <li key={link.key}>
      <Link to={link.to}>{link.label[locale === 'en' ? 'en' : 'zh-CN']}</Link>
    </li>
  ));
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
