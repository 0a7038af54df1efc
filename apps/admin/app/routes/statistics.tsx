import {
  channelLabel,
  formatDateTime,
  formatNumber,
  isMessageKey,
  keyGroupLabel,
  type Locale,
  type MessageKey,
  organisationKindLabel,
  translate,
} from '@linju/i18n';
import { Alert, Button, SelectField, useLocale, useTranslate } from '@linju/ui';
import { useEffect } from 'react';
import { Form, Link, redirect, useRevalidator } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { OrganisationSelect } from '../components/organisation-select.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { PeriodSelect, usePeriodLabel } from '../components/period-select.tsx';
import { StatisticsChart } from '../components/statistics-chart.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { type Caller, getAdminContext } from '../context.ts';
import { renderChartSvg } from '../lib/chart-svg.server.ts';
import { formText } from '../lib/form-data.ts';
import { organisationOptions } from '../lib/organisation-rules.ts';
import { allowsTenantWide, parentMap, roleAllows } from '../lib/permissions.ts';
import { requestLocale } from '../lib/request-locale.ts';
import { load } from '../lib/route-errors.ts';
import { serviceCategoryName, serviceName } from '../lib/service-name.ts';
import { signedInPerson } from '../lib/session.ts';
import { parseStatisticsFilters, periodOptions, statisticsSearch } from '../lib/statistics-filters.ts';
import { failureOf, rejectIntentApiError } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/statistics';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const organisations = await load(caller.organisation.getMany());
  const parents = parentMap(organisations);
  const districtWide = allowsTenantWide(me.user.roles, 'statistics.read', parents);
  // Without the district, a person starts at the first unit their statistics right covers.
  const ownUnit = me.user.roles.find((g) => roleAllows(g.role, 'statistics.read'))?.organisationId ?? '';
  const periods = periodOptions(new Date());
  const filters = parseStatisticsFilters(new URL(request.url).searchParams, {
    period: periods.months[0] as string,
    organisationId: districtWide ? '' : ownUnit,
    serviceType: '',
  });
  const [stats, reports] = await Promise.all([
    load(
      caller.statistics.get({
        period: filters.period,
        organisationId: filters.organisationId || null,
        serviceType: filters.serviceType || null,
      }),
    ),
    load(caller.statistics.report.getMany()),
  ]);
  // A city bureau also sees its districts' monthly messages side by side (none for a district).
  const districts =
    districtWide && /^\d{4}-\d{2}$/.test(filters.period)
      ? await load(caller.statistics.city({ month: filters.period }))
      : [];
  const locale = requestLocale(request, context);
  return {
    slug,
    filters,
    periods,
    districtWide,
    organisations,
    stats,
    reports,
    districts,
    charts: statisticsCharts(stats, locale),
  };
}

/** The month's short name on a chart's axis and in the by-month table (`3月`, `3`). */
const monthName = (locale: Locale, month: string) =>
  `${Number(month.slice(5, 7))}${locale === 'en' ? '' : '月'}`;

/** The trend over the period's months and the comparison of units, drawn on the server. */
function statisticsCharts(stats: Awaited<ReturnType<Caller['statistics']['get']>>, locale: Locale) {
  const t = (key: MessageKey) => translate(locale, key);
  const trend =
    stats.byMonth.length > 1
      ? renderChartSvg({
          categories: stats.byMonth.map((m) => monthName(locale, m.month)),
          series: [
            { name: t('statistics.received'), kind: 'bar', values: stats.byMonth.map((m) => m.received) },
            { name: t('statistics.resolved'), kind: 'bar', values: stats.byMonth.map((m) => m.resolved) },
            {
              name: t('statistics.on_time_rate'),
              kind: 'line',
              rate: true,
              values: stats.byMonth.map((m) =>
                m.onTimeRate === null ? null : Math.round(m.onTimeRate * 1000) / 10,
              ),
            },
          ],
        })
      : null;
  const units =
    stats.byOrganisation.length > 0
      ? renderChartSvg({
          horizontal: true,
          categories: stats.byOrganisation.map((u) => (locale === 'en' ? u.nameEn : u.nameZh)),
          series: [
            {
              name: t('statistics.received'),
              kind: 'bar',
              values: stats.byOrganisation.map((u) => u.received),
            },
            {
              name: t('statistics.resolved'),
              kind: 'bar',
              values: stats.byOrganisation.map((u) => u.resolved),
            },
          ],
        })
      : null;
  return { trend, units };
}

/** "Make a report" of the period and unit on screen: queued, then made in the background. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const form = await request.formData();
  const filters = {
    period: formText(form, 'period'),
    organisationId: formText(form, 'organisationId'),
    serviceType: '',
  };
  try {
    await caller.statistics.report.create({
      period: filters.period,
      organisationId: filters.organisationId || null,
    });
  } catch (error) {
    return rejectIntentApiError('report', error, { fields: [] });
  }
  return redirect(`${tenantPaths.statistics(slug)}${statisticsSearch(filters)}#reports`);
}

type Data = Route.ComponentProps['loaderData'];
type Figures = Data['stats']['totals'];

const percent = (locale: Locale, value: number | null) =>
  value === null ? '—' : formatNumber(locale, value, { style: 'percent', maximumFractionDigits: 1 });
const decimal = (locale: Locale, value: number | null) =>
  value === null ? '—' : formatNumber(locale, value, { maximumFractionDigits: 1 });

/** One breakdown as a table: the accessible form of every figure, and the page without JavaScript. */
function FiguresTable({
  caption,
  rows,
  nameHeading,
}: {
  caption: string;
  rows: { key: string; name: React.ReactNode; figures: Figures }[];
  nameHeading: string;
}) {
  const t = useTranslate();
  const locale = useLocale();
  if (rows.length === 0) return null;
  return (
    <table className="admin-statistics-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{nameHeading}</th>
          <th scope="col">{t('statistics.received')}</th>
          <th scope="col">{t('statistics.resolved')}</th>
          <th scope="col">{t('statistics.on_time_rate')}</th>
          <th scope="col">{t('statistics.average_days')}</th>
          <th scope="col">{t('statistics.closed')}</th>
          <th scope="col">{t('statistics.ended')}</th>
          <th scope="col">{t('statistics.rated')}</th>
          <th scope="col">{t('statistics.average_score')}</th>
          <th scope="col">{t('statistics.satisfaction_rate')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, name, figures: f }) => (
          <tr key={key}>
            <th scope="row">{name}</th>
            <td>{formatNumber(locale, f.received)}</td>
            <td>{formatNumber(locale, f.resolved)}</td>
            <td>{percent(locale, f.onTimeRate)}</td>
            <td>{decimal(locale, f.averageResolutionDays)}</td>
            <td>{formatNumber(locale, f.closed)}</td>
            <td>{formatNumber(locale, f.ended)}</td>
            <td>{formatNumber(locale, f.rated)}</td>
            <td>{decimal(locale, f.averageScore)}</td>
            <td>{percent(locale, f.satisfactionRate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The districts' activity figures side by side (message version 2); a district still sending
 * version 1 shows "not reported" rather than zeros.
 */
function DistrictActivityTable({ districts }: { districts: Data['districts'] }) {
  const t = useTranslate();
  const locale = useLocale();
  const cell = (value: number | null | undefined) =>
    value === null || value === undefined ? t('statistics.not_reported') : formatNumber(locale, value);
  return (
    <table className="admin-statistics-table">
      <caption>{t('statistics.by_district_activity')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('statistics.district')}</th>
          <th scope="col">{t('statistics.education_events')}</th>
          <th scope="col">{t('statistics.education_attendance')}</th>
          <th scope="col">{t('statistics.consultations')}</th>
          <th scope="col">{t('statistics.consultation_minutes')}</th>
          <th scope="col">{t('statistics.hotline_minutes')}</th>
          <th scope="col">{t('statistics.referrals_completed')}</th>
          <th scope="col">{t('statistics.referral_turnaround')}</th>
        </tr>
      </thead>
      <tbody>
        {districts.map((d) => {
          const a = d.activity;
          return (
            <tr key={d.divisionCode}>
              <th scope="row">
                {`${d.districtName} (${d.divisionCode})`}
                {d.revision > 1
                  ? ` · ${t('statistics.city_revision_of', { revision: String(d.revision) })}`
                  : ''}
              </th>
              <td>{cell(a?.educationEvents)}</td>
              <td>{cell(a?.educationAttendance)}</td>
              <td>{cell(a?.consultations)}</td>
              <td>{cell(a?.consultationMinutes)}</td>
              <td>{cell(a?.hotlineMinutes)}</td>
              <td>{cell(a?.referralsCompleted)}</td>
              <td>
                {a
                  ? decimal(
                      locale,
                      a.referralsCompleted > 0
                        ? a.referralTurnaroundSeconds / (a.referralsCompleted * 86_400)
                        : null,
                    )
                  : t('statistics.not_reported')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export default function Statistics({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant, sections, services } = useTenantShell();
  const { slug, filters, periods, districtWide, organisations, stats, reports, districts, charts } =
    loaderData;
  const reportFailure = failureOf(actionData, 'report');
  // While a report is being made, the page reloads its list every two seconds (with JavaScript;
  // without it, the "refresh" link beside the progress bar does the same).
  const revalidator = useRevalidator();
  const unfinished = reports.some((r) => r.status === 'queued' || r.status === 'running');
  useEffect(() => {
    if (!unfinished) return;
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate();
    }, 2000);
    return () => clearInterval(timer);
  }, [unfinished, revalidator]);
  const totals = stats.totals;
  const periodLabel = usePeriodLabel();
  const headline: [string, string][] = [
    [t('statistics.received'), formatNumber(locale, totals.received)],
    [t('statistics.resolved'), formatNumber(locale, totals.resolved)],
    [t('statistics.on_time_rate'), percent(locale, totals.onTimeRate)],
    [t('statistics.average_days'), decimal(locale, totals.averageResolutionDays)],
    [t('statistics.feedback'), formatNumber(locale, totals.feedback)],
    [t('statistics.average_score'), decimal(locale, totals.averageScore)],
    [t('statistics.satisfaction_rate'), percent(locale, totals.satisfactionRate)],
  ];
  return (
    <>
      <DocumentTitle title={t('statistics.title')} tenant={tenant} />
      <h1>{t('statistics.title')}</h1>
      {sections.includes('cityDistricts') ? (
        // A city bureau's figures are its districts': their table is a page of its own.
        <Alert tone="info">
          <Link to={tenantPaths.cityDistricts(slug)}>{t('city_districts.title')}</Link>
        </Alert>
      ) : null}
      {districtWide ? (
        <p>
          <Link to={tenantPaths.coverage(slug)}>{t('coverage.title')}</Link>{' '}
          <Link to={tenantPaths.hotspots(slug)}>{t('hotspots.title')}</Link>
          <Link to={tenantPaths.citySending(slug)}>{t('statistics.city_sending_link')}</Link>
        </p>
      ) : null}
      <Form method="get" className="admin-filters">
        <PeriodSelect periods={periods} defaultValue={filters.period} />
        <OrganisationSelect
          label={t('statistics.organisation')}
          name="organisationId"
          options={{ network: organisationOptions(organisations, locale).network, partners: [] }}
          defaultValue={filters.organisationId}
          {...(districtWide ? { placeholder: t('statistics.whole_district') } : {})}
        />
        <SelectField label={t('statistics.service')} name="serviceType" defaultValue={filters.serviceType}>
          <option value="">{t('statistics.every_service')}</option>
          {services
            // A knowledge service has no cases to count.
            .filter((service) => service.kind !== 'knowledge')
            .map(({ id: s }) => (
              <option key={s} value={s}>
                {serviceName(services, s, locale)}
              </option>
            ))}
        </SelectField>
        <Button type="submit">{t('statistics.show')}</Button>
      </Form>

      <h2>{periodLabel(stats.period.key)}</h2>
      <dl className="admin-figures">
        {headline.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="admin-muted">{t('statistics.explain', { from: String(stats.satisfiedFrom) })}</p>

      {charts.trend ? <StatisticsChart label={t('statistics.chart_trend')} svg={charts.trend} /> : null}
      {charts.units ? <StatisticsChart label={t('statistics.chart_units')} svg={charts.units} /> : null}

      <FiguresTable
        caption={t('statistics.by_unit')}
        nameHeading={t('statistics.organisation')}
        rows={stats.byOrganisation.map((u) => ({
          key: u.organisationId,
          name: u.own ? (
            `${locale === 'en' ? u.nameEn : u.nameZh} ${t('statistics.own_level')}`
          ) : (
            <Link
              to={`${tenantPaths.statistics(slug)}${statisticsSearch({ ...filters, organisationId: u.organisationId })}`}
            >
              {locale === 'en' ? u.nameEn : u.nameZh}
            </Link>
          ),
          figures: u,
        }))}
      />
      {stats.byMonth.length > 1 ? (
        <FiguresTable
          caption={t('statistics.by_month')}
          nameHeading={t('statistics.period')}
          rows={stats.byMonth.map((m) => ({ key: m.month, name: monthName(locale, m.month), figures: m }))}
        />
      ) : null}
      <FiguresTable
        caption={t('statistics.by_service')}
        nameHeading={t('statistics.service')}
        rows={stats.byService.map((s) => ({
          key: s.key,
          name: serviceName(services, s.key, locale),
          figures: s,
        }))}
      />
      <FiguresTable
        caption={t('statistics.by_channel')}
        nameHeading={t('statistics.channel')}
        rows={stats.byChannel.map((s) => ({ key: s.key, name: channelLabel(locale, s.key), figures: s }))}
      />
      <FiguresTable
        caption={t('statistics.by_category')}
        nameHeading={t('statistics.category')}
        rows={stats.byCategory.map((s) => ({
          key: s.key,
          name: serviceCategoryName(services, s.key, ':', locale),
          figures: s,
        }))}
      />
      <FiguresTable
        caption={t('statistics.by_key_group')}
        nameHeading={t('statistics.key_group')}
        rows={stats.byKeyGroup.map((s) => ({ key: s.key, name: keyGroupLabel(locale, s.key), figures: s }))}
      />
      {stats.byKeyGroup.length > 0 ? <p className="admin-muted">{t('statistics.key_group_note')}</p> : null}

      {stats.activity ? (
        <section aria-labelledby="activity-heading">
          <h2 id="activity-heading">{t('statistics.activity')}</h2>
          <dl className="admin-figures">
            {(
              [
                ['statistics.referrals_completed', formatNumber(locale, stats.activity.referrals.completed)],
                [
                  'statistics.referral_turnaround',
                  decimal(locale, stats.activity.referrals.averageTurnaroundDays),
                ],
                ['statistics.consultations', formatNumber(locale, stats.activity.consultations.count)],
                [
                  'statistics.consultation_minutes',
                  formatNumber(locale, stats.activity.consultations.minutes),
                ],
                [
                  'statistics.hotline_minutes',
                  formatNumber(locale, stats.activity.consultations.hotlineMinutes),
                ],
                ['statistics.education_events', formatNumber(locale, stats.activity.education.events)],
                [
                  'statistics.education_attendance',
                  formatNumber(locale, stats.activity.education.attendance),
                ],
              ] as const
            ).map(([key, value]) => (
              <div key={key}>
                <dt>{t(key)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {stats.activity.referrals.byPartnerKind.length > 0 ? (
            <table className="admin-statistics-table">
              <caption>{t('statistics.by_partner_kind')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('statistics.partner_kind')}</th>
                  <th scope="col">{t('statistics.referrals_completed')}</th>
                  <th scope="col">{t('statistics.referral_turnaround')}</th>
                </tr>
              </thead>
              <tbody>
                {stats.activity.referrals.byPartnerKind.map((p) => (
                  <tr key={p.key}>
                    <th scope="row">{organisationKindLabel(locale, p.key)}</th>
                    <td>{formatNumber(locale, p.completed)}</td>
                    <td>{decimal(locale, p.averageTurnaroundDays)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ) : null}

      {districts.length > 0 ? (
        <FiguresTable
          caption={t('statistics.by_district')}
          nameHeading={t('statistics.district')}
          rows={districts.map((d) => ({
            key: d.divisionCode,
            name: `${d.districtName} (${d.divisionCode})`,
            figures: d.figures,
          }))}
        />
      ) : null}
      {districts.length > 0 ? <DistrictActivityTable districts={districts} /> : null}

      <section id="reports" aria-labelledby="reports-heading">
        <h2 id="reports-heading">{t('statistics.reports')}</h2>
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="period" value={filters.period} />
          <input type="hidden" name="organisationId" value={filters.organisationId} />
          {reportFailure?.errors.form[0] && isMessageKey(reportFailure.errors.form[0]) ? (
            <Alert tone="error">{t(reportFailure.errors.form[0])}</Alert>
          ) : null}
          <Button type="submit">
            {t('statistics.make_report', { period: periodLabel(filters.period) })}
          </Button>
        </Form>
        {reports.length === 0 ? (
          <p className="admin-muted">{t('statistics.no_reports')}</p>
        ) : (
          <table>
            <caption>{t('statistics.my_reports')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('statistics.period')}</th>
                <th scope="col">{t('statistics.requested_at')}</th>
                <th scope="col">{t('statistics.report_status')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.fileName ?? `${r.period} ${r.startsOn}`}</th>
                  <td>{formatDateTime(locale, r.requestedAt)}</td>
                  <td>
                    {r.status === 'done' ? (
                      <>
                        <a href={tenantPaths.statisticsReport(slug, r.id)} download>
                          {t('statistics.download_xlsx')}
                        </a>{' '}
                        <a href={tenantPaths.statisticsReport(slug, r.id, 'pdf')} download>
                          {t('statistics.download_pdf')}
                        </a>
                      </>
                    ) : r.status === 'failed' ? (
                      t('statistics.report_failed')
                    ) : (
                      <>
                        <progress max={100} value={r.progress} aria-label={t('statistics.report_progress')} />{' '}
                        {t(r.status === 'queued' ? 'statistics.report_queued' : 'statistics.report_running')}{' '}
                        <Link to={`${tenantPaths.statistics(slug)}${statisticsSearch(filters)}#reports`}>
                          {t('statistics.report_refresh')}
                        </Link>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
