import { formatNumber } from '@linju/i18n';
import { Button, TextField, useLocale, useTranslate } from '@linju/ui';
import { Form } from 'react-router';
import { DistrictMap } from '../components/district-map.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { load } from '../lib/route-errors.ts';
import { serviceCategoryName } from '../lib/service-name.ts';
import type { Route } from './+types/statistics-hotspots';

/** Last month in Shanghai time, as `YYYY-MM`: the month the 18th's sweep looks at. */
function lastMonth(now: Date) {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  const first = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 1, 1));
  return first.toISOString().slice(0, 7);
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const asked = new URL(request.url).searchParams.get('month') ?? '';
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : lastMonth(new Date());
  return { month, hotspots: await load(caller.statistics.hotspots({ month })) };
}

type Finding = Route.ComponentProps['loaderData']['hotspots']['categories'][number];

/** How many labels the map carries: the units where matters grew most. */
const LABELLED = 8;

export default function Hotspots({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant, services } = useTenantShell();
  const { month, hotspots: h } = loaderData;
  const category = (key: string) => serviceCategoryName(services, key, '/', locale);
  const signed = (n: number) => (n > 0 ? `+${formatNumber(locale, n)}` : formatNumber(locale, n));
  const ranking = (caption: string, rows: Finding[], name: (key: string) => string) =>
    rows.length === 0 ? null : (
      <table className="admin-statistics-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('hotspots.what')}</th>
            <th scope="col">{t('hotspots.current')}</th>
            <th scope="col">{t('hotspots.previous')}</th>
            <th scope="col">{t('hotspots.change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 10).map((f) => (
            <tr key={f.key}>
              <th scope="row">{name(f.key)}</th>
              <td>{formatNumber(locale, f.current)}</td>
              <td>{formatNumber(locale, f.previous)}</td>
              <td>{signed(f.change)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  const placeName = new Map(h.places.map((p) => [p.key, locale === 'en' ? p.nameEn : p.nameZh]));
  const labelled = new Set(
    [...h.map.points]
      .filter((p) => p.change > 0)
      .sort((a, b) => b.change - a.change)
      .slice(0, LABELLED)
      .map((p) => p.id),
  );
  return (
    <>
      <DocumentTitle title={t('hotspots.title')} tenant={tenant} />
      <h1>{t('hotspots.title')}</h1>
      <Form method="get" className="admin-filters">
        <TextField label={t('hotspots.month')} name="month" type="month" defaultValue={month} />
        <Button type="submit">{t('statistics.show')}</Button>
      </Form>
      <p>
        {t('hotspots.intro', {
          month: h.month,
          previous: h.previousMonth,
          current: h.totals.cases.current,
          before: h.totals.cases.previous,
        })}
      </p>
      {h.map.points.length > 0 ? (
        <DistrictMap
          width={h.map.width}
          height={h.map.height}
          boundary={h.map.boundary}
          label={t('hotspots.map_label')}
          legend={t('hotspots.map_legend')}
        >
          {h.map.points.map((p) => (
            <g key={p.id}>
              <circle
                cx={p.x}
                cy={p.y}
                r={p.r}
                fill={p.fill}
                fillOpacity={0.85}
                stroke="#374151"
                strokeWidth={0.5}
              >
                <title>
                  {`${locale === 'en' ? p.nameEn : p.nameZh}: ${formatNumber(locale, p.current)} (${signed(p.change)})`}
                </title>
              </circle>
              {labelled.has(p.id) ? (
                <text x={p.x + p.r + 3} y={p.y + 4} fontSize={11} fill="#111827">
                  {`${locale === 'en' ? p.nameEn : p.nameZh} ${signed(p.change)}`}
                </text>
              ) : null}
            </g>
          ))}
        </DistrictMap>
      ) : (
        <p className="admin-muted">{t('hotspots.no_coordinates')}</p>
      )}
      {h.unplaced > 0 ? <p className="admin-muted">{t('hotspots.unplaced', { count: h.unplaced })}</p> : null}
      {ranking(t('hotspots.places'), h.places, (key) => placeName.get(key) ?? key)}
      {ranking(t('hotspots.categories'), h.categories, category)}
      {ranking(t('hotspots.hotline_categories'), h.hotlineCategories, category)}
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
