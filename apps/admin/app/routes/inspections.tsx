import { formatDate } from '@linju/i18n';
import { Button, SelectField, useLocale, useTranslate } from '@linju/ui';
import { Form, Link } from 'react-router';
import { OrganisationSelect } from '../components/organisation-select.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { usePeriodLabel } from '../components/period-select.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { todayIn } from '../lib/advisers.ts';
import { inspectionsPageHref, isQuarter, pageCursor, recentQuarters } from '../lib/inspections.ts';
import { organisationOptions } from '../lib/organisation-rules.ts';
import { isOpenNetworkUnit, organisationRow } from '../lib/organisation-tree.ts';
import { allowsAnywhere, allowsTenantWide, parentMap } from '../lib/permissions.ts';
import { load } from '../lib/route-errors.ts';
import { signedInPerson } from '../lib/session.ts';
import { tenantPaths } from '../lib/tenant-paths.ts';
import type { Route } from './+types/inspections';

/** 检查组评议: the inspections of the units one may read, by service point and quarter. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const search = new URL(request.url).searchParams;
  const organisations = await load(caller.organisation.getMany());
  const units = organisations.filter((row) => isOpenNetworkUnit(row));
  const org = units.find((row) => row.id === search.get('org'))?.id ?? null;
  const quarter = search.get('quarter');
  // A page's position as the API hands it out; anything else starts from the first page.
  const cursor = pageCursor(search.get('after'));
  const page = await load(
    caller.inspection.getMany({ organisationId: org, quarter: isQuarter(quarter) ? quarter : null, cursor }),
  );
  return {
    inspections: page.items,
    nextCursor: page.nextCursor,
    paged: cursor !== null,
    units: units.map(organisationRow),
    org,
    quarter: isQuarter(quarter) ? quarter : '',
    quarters: recentQuarters(todayIn()),
    canRecord: allowsAnywhere(grants, 'inspection.record'),
    canEditChecklist: allowsTenantWide(grants, 'inspection.checklist.manage', parentMap(organisations)),
  };
}

export default function Inspections({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const periodLabel = usePeriodLabel();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { inspections, nextCursor, paged, units, org, quarter, quarters, canRecord, canEditChecklist } =
    loaderData;
  const pageHref = (after: string | null) =>
    inspectionsPageHref(tenantPaths.inspections(tenant.slug), { org, quarter, after });
  return (
    <>
      <DocumentTitle title={t('inspections.title')} tenant={tenant} />
      <h1>{t('inspections.title')}</h1>
      <p className="admin-lead">{t('inspections.intro')}</p>
      <p>
        {canRecord ? (
          <Link className="lj-button" to={tenantPaths.inspectionNew(tenant.slug)}>
            {t('inspections.record')}
          </Link>
        ) : null}{' '}
        <Link className="lj-button lj-button--secondary" to={tenantPaths.inspectionChecklist(tenant.slug)}>
          {canEditChecklist ? t('inspections.edit_checklist') : t('inspections.view_checklist')}
        </Link>{' '}
        <Link className="lj-button lj-button--secondary" to={tenantPaths.scorecards(tenant.slug)}>
          {t('scorecards.title')}
        </Link>
      </p>
      <Form method="get" className="lj-form admin-filters">
        <OrganisationSelect
          id="inspections-org"
          name="org"
          label={t('inspections.unit')}
          placeholder={t('inspections.all_units')}
          options={organisationOptions(units, locale)}
          defaultValue={org ?? ''}
        />
        <SelectField
          id="inspections-quarter"
          name="quarter"
          label={t('inspections.quarter')}
          defaultValue={quarter}
        >
          <option value="">{t('inspections.all_quarters')}</option>
          {quarters.map((q) => (
            <option key={q} value={q}>
              {periodLabel(q)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">
          {t('inspections.show')}
        </Button>
      </Form>
      {inspections.length === 0 ? (
        <p>{t('inspections.none')}</p>
      ) : (
        <div className="admin-table-scroll">
          <table className="admin-table">
            <caption className="lj-visually-hidden">{t('inspections.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inspections.col_day')}</th>
                <th scope="col">{t('inspections.col_unit')}</th>
                <th scope="col">{t('inspections.quarter')}</th>
                <th scope="col">{t('inspections.col_score')}</th>
                <th scope="col">{t('inspections.col_open')}</th>
              </tr>
            </thead>
            <tbody>
              {inspections.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <Link to={tenantPaths.inspection(tenant.slug, row.id)}>
                      {formatDate(locale, row.inspectedOn)}
                    </Link>
                  </th>
                  <td>{locale === 'en' ? row.nameEn : row.nameZh}</td>
                  <td>{periodLabel(row.quarter)}</td>
                  <td>{t('inspections.score_of', { score: row.totalScore, max: row.maxScore })}</td>
                  <td>{row.openRectifications}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor || paged ? (
        <nav aria-label={t('inspections.pages')}>
          <p>
            {paged ? (
              <Link className="lj-button lj-button--secondary" to={pageHref(null)}>
                {t('inspections.first_page')}
              </Link>
            ) : null}{' '}
            {nextCursor ? (
              <Link className="lj-button lj-button--secondary" to={pageHref(nextCursor)} rel="next">
                {t('inspections.next_page')}
              </Link>
            ) : null}
          </p>
        </nav>
      ) : null}
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
