import { formatDateTime, formatNumber, type Locale } from '@linju/i18n';
import { Alert, Button, useLocale, useTranslate } from '@linju/ui';
import { Form, Link } from 'react-router';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { PeriodSelect, usePeriodLabel } from '../components/period-select.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { load } from '../lib/route-errors.ts';
import { parseStatisticsFilters, periodOptions } from '../lib/statistics-filters.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/statistics-districts';

/**
 * 市局首页: the districts side by side for a month, quarter or year, the city's total, who has
 * not reported, and the table as XLSX. It opens on last month, the newest a district can send.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const periods = periodOptions(new Date());
  const { period } = parseStatisticsFilters(new URL(request.url).searchParams, {
    period: periods.months[1] as string,
    organisationId: '',
    serviceType: '',
  });
  const overview = await load(caller.statistics.cityOverview.get({ period }));
  return { slug: tenantSlugFrom(params), period, periods, overview };
}

type Overview = Route.ComponentProps['loaderData']['overview'];
type Row = Overview['districts'][number];

const percent = (locale: Locale, value: number | null) =>
  value === null ? '—' : formatNumber(locale, value, { style: 'percent', maximumFractionDigits: 1 });

export default function StatisticsDistricts({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { slug, period, periods, overview } = loaderData;
  const periodLabel = usePeriodLabel();
  const count = (value: number | null | undefined) =>
    value === null || value === undefined ? t('statistics.not_reported') : formatNumber(locale, value);
  // The figures of a row, in the order of the headings (and of the XLSX).
  const cells = (f: Row['figures'], a: Row['activity']) => [
    formatNumber(locale, f.received),
    formatNumber(locale, f.resolved),
    percent(locale, f.onTimeRate),
    percent(locale, f.satisfactionRate),
    formatNumber(locale, f.rated),
    count(a?.referralsCompleted),
    count(a?.consultations),
    count(a?.hotlineMinutes),
    count(a?.educationEvents),
    count(a?.educationAttendance),
  ];
  const headings = [
    t('statistics.received'),
    t('statistics.resolved'),
    t('statistics.on_time_rate'),
    t('statistics.satisfaction_rate'),
    t('statistics.rated'),
    t('statistics.referrals_completed'),
    t('statistics.consultations'),
    t('statistics.hotline_minutes'),
    t('statistics.education_events'),
    t('statistics.education_attendance'),
  ];
  const single = overview.period.months.length === 1;
  return (
    <>
      <DocumentTitle title={t('city_districts.title')} tenant={tenant} />
      <h1>{t('city_districts.title')}</h1>
      {overview.cityBureau ? null : <Alert tone="info">{t('city_districts.not_a_city')}</Alert>}
      <Form method="get" className="admin-filters">
        <PeriodSelect periods={periods} defaultValue={period} />
        <Button type="submit">{t('statistics.show')}</Button>
      </Form>

      <h2>{periodLabel(overview.period.key)}</h2>
      <p>
        {t('city_districts.reporting', {
          reporting: String(overview.totals.districtsReporting),
          expected: String(overview.districts.length),
        })}{' '}
        <a href={tenantPaths.cityDistrictsXlsx(slug, overview.period.key)} download>
          {t('statistics.download_xlsx')}
        </a>
      </p>
      {overview.districts.length === 0 ? (
        <p className="admin-muted">{t('city_districts.none')}</p>
      ) : (
        <table className="admin-statistics-table">
          <caption>{t('city_districts.caption', { period: periodLabel(overview.period.key) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statistics.district')}</th>
              {headings.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
              <th scope="col">{t('city_districts.received_at')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.districts.map((d) => (
              <tr key={d.divisionCode}>
                <th scope="row">{`${d.districtName} (${d.divisionCode})`}</th>
                {d.reportedMonths.length === 0 ? (
                  <td colSpan={headings.length + 1}>{t('statistics.not_reported')}</td>
                ) : (
                  <>
                    {cells(d.figures, d.activity).map((value, i) => (
                      <td key={headings[i]}>{value}</td>
                    ))}
                    <td>
                      {d.lastReceivedAt ? formatDateTime(locale, d.lastReceivedAt) : '—'}
                      {d.revision && d.revision > 0
                        ? ` · ${t('statistics.city_revision_of', { revision: String(d.revision) })}`
                        : ''}
                      {single
                        ? ''
                        : ` · ${t('city_districts.months_reported', {
                            reported: String(d.reportedMonths.length),
                            months: String(overview.period.months.length),
                          })}`}
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('city_districts.total')}</th>
              {cells(overview.totals.figures, overview.totals.activity).map((value, i) => (
                <td key={headings[i]}>{value}</td>
              ))}
              <td />
            </tr>
          </tfoot>
        </table>
      )}
      <p className="admin-muted">{t('city_districts.total_note')}</p>

      <section aria-labelledby="not-reported-heading">
        <h2 id="not-reported-heading">{t('statistics.not_reported')}</h2>
        {overview.notReported.length === 0 ? (
          <p>{t('city_districts.all_reported')}</p>
        ) : (
          <ul>
            {overview.notReported.map((d) => (
              <li key={d.divisionCode}>
                {`${d.districtName} (${d.divisionCode})`}
                {single
                  ? ''
                  : ` · ${d.missingMonths
                      .map((m) =>
                        t('statistics.month', { year: m.slice(0, 4), month: String(Number(m.slice(5))) }),
                      )
                      .join('、')}`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p>
        <Link to={tenantPaths.statistics(slug)}>{t('city_districts.own_figures')}</Link>
      </p>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
