import { formatNumber, referralStatusLabel } from '@linju/i18n';
import { useLocale, useTranslate } from '@linju/ui';
import { Link } from 'react-router';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { usePeriodLabel } from '../components/period-select.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { UnitFilter } from '../components/unit-filter.tsx';
import { getAdminContext } from '../context.ts';
import { allowsTenantWide, parentMap } from '../lib/permissions.ts';
import { load } from '../lib/route-errors.ts';
import { serviceName } from '../lib/service-name.ts';
import { signedInPerson } from '../lib/session.ts';
import { tenantPaths } from '../lib/tenant-paths.ts';
import { unitsAllowing } from '../lib/units-allowing.ts';
import type { Route } from './+types/dashboard';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * 总览: the director's first look — the district for whoever reads its statistics district-wide,
 * else the person's own unit; another unit of their scope by `?unit=`.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const organisations = await load(caller.organisation.getMany());
  const districtWide = allowsTenantWide(me.user.roles, 'statistics.read', parentMap(organisations));
  const units = unitsAllowing(organisations, grants, 'statistics.read');
  const asked = new URL(request.url).searchParams.get('unit') ?? '';
  const unit =
    UUID.test(asked) && units.some((u) => u.id === asked)
      ? asked
      : districtWide
        ? ''
        : (units.find((u) => grants.some((g) => g.organisationId === u.id))?.id ?? units[0]?.id ?? '');
  const dashboard = await load(caller.statistics.dashboard({ organisationId: unit || null }));
  return { districtWide, units, unit, dashboard };
}

export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant, services } = useTenantShell();
  const { districtWide, units, unit, dashboard: d } = loaderData;
  const periodLabel = usePeriodLabel();
  const n = (value: number) => formatNumber(locale, value);
  const percent = (value: number) =>
    formatNumber(locale, value, { style: 'percent', maximumFractionDigits: 1 });
  const unitLabel = (u: (typeof d.byUnit)[number]) => {
    const name = locale === 'en' ? u.nameEn : u.nameZh;
    return u.own ? t('dashboard.unit_own', { name }) : name;
  };
  const figures = [
    { key: 'intake', label: t('dashboard.intake_today'), value: d.intakeToday },
    { key: 'open', label: t('dashboard.open'), value: d.open },
    { key: 'overdue', label: t('dashboard.overdue'), value: d.overdue },
    { key: 'referrals', label: t('dashboard.referrals_awaiting'), value: d.referralsAwaiting.total },
  ];
  return (
    <>
      <DocumentTitle title={t('dashboard.title')} tenant={tenant} />
      <h1>{t('dashboard.title')}</h1>
      {units.length > 1 || districtWide ? (
        <UnitFilter
          units={units}
          value={unit}
          label={t('dashboard.scope')}
          submit={t('dashboard.show')}
          whole={districtWide ? t('dashboard.scope_district') : undefined}
        />
      ) : null}
      <dl className="admin-figures">
        {figures.map((f) => (
          <div key={f.key}>
            <dt>{f.label}</dt>
            <dd>{n(f.value)}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="dashboard-satisfaction">
        <h2 id="dashboard-satisfaction">
          {t('dashboard.satisfaction', { month: periodLabel(d.satisfaction.month) })}
        </h2>
        {d.satisfaction.rated === 0 ? (
          <p className="admin-muted">{t('dashboard.no_ratings')}</p>
        ) : (
          <dl className="admin-figures">
            <div>
              <dt>{t('dashboard.satisfaction_rate')}</dt>
              <dd>{percent(d.satisfaction.satisfactionRate ?? 0)}</dd>
            </div>
            <div>
              <dt>{t('dashboard.average_score')}</dt>
              <dd>{formatNumber(locale, d.satisfaction.averageScore ?? 0, { maximumFractionDigits: 2 })}</dd>
            </div>
            <div>
              <dt>{t('dashboard.rated')}</dt>
              <dd>{n(d.satisfaction.rated)}</dd>
            </div>
          </dl>
        )}
      </section>
      <section aria-labelledby="dashboard-units">
        <h2 id="dashboard-units">{t('dashboard.by_unit')}</h2>
        <CountTable
          rows={d.byUnit.map((u) => ({ key: u.organisationId, label: unitLabel(u), ...u }))}
          heading={t('dashboard.unit')}
        />
      </section>
      <section aria-labelledby="dashboard-services">
        <h2 id="dashboard-services">{t('dashboard.by_service')}</h2>
        <CountTable
          rows={d.byService.map((s) => ({
            key: s.serviceType,
            label: serviceName(services, s.serviceType, locale),
            ...s,
          }))}
          heading={t('dashboard.service')}
        />
      </section>
      <section aria-labelledby="dashboard-referrals">
        <h2 id="dashboard-referrals">{t('dashboard.referrals_awaiting')}</h2>
        {d.referralsAwaiting.total === 0 ? (
          <p className="admin-muted">{t('dashboard.none')}</p>
        ) : (
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('dashboard.referral_status')}</th>
                <th scope="col">{t('dashboard.count')}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(d.referralsAwaiting.byStatus).map(([status, count]) => (
                <tr key={status}>
                  <td>{referralStatusLabel(locale, status)}</td>
                  <td>{n(count ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <p>
        <Link to={tenantPaths.statistics(tenant.slug)}>{t('dashboard.statistics_link')}</Link>
      </p>
    </>
  );
}

/** Open and overdue cases per line (a unit or a service), most overdue first. */
function CountTable({
  rows,
  heading,
}: {
  rows: { key: string; label: string; open: number; overdue: number }[];
  heading: string;
}) {
  const t = useTranslate();
  const locale = useLocale();
  if (rows.length === 0) return <p className="admin-muted">{t('dashboard.none')}</p>;
  return (
    <table className="admin-table">
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">{t('dashboard.open')}</th>
          <th scope="col">{t('dashboard.overdue')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td>{formatNumber(locale, row.open)}</td>
            <td>{formatNumber(locale, row.overdue)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
