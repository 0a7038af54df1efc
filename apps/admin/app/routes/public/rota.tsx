import { useLocale, useTranslate } from '@linju/ui';
import { Form } from 'react-router';
import { PublicTitle } from '../../components/public/public-title.tsx';
import { ThemedDayList } from '../../components/public/themed-day-list.tsx';
import { WeekRota } from '../../components/public/week-rota.tsx';
import { getAdminContext } from '../../context.ts';
import { load } from '../../lib/route-errors.ts';
import { tenantSlugFrom } from '../../lib/tenant-paths.ts';
import type { Route } from './+types/rota';

const UUID = /^[0-9a-f-]{36}$/i;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const slug = tenantSlugFrom(params);
  const point = new URL(request.url).searchParams.get('point') ?? '';
  const organisationId = UUID.test(point) ? point : null;
  return { slug, ...(await load(getAdminContext(context).caller.site.rota({ organisationId }))) };
}

/** 值班表: this week's duty at every service point, or at the one chosen, and this month's themed days. */
export default function PublicRota({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { slug, points, organisationId, week, themedDays, services } = loaderData;
  return (
    <>
      <PublicTitle title={t('publicSite.rota_title')} />
      <h1>{t('publicSite.rota_title')}</h1>
      <Form method="get" className="public-near">
        <label htmlFor="point">{t('publicSite.rota_point')}</label>
        <select id="point" name="point" defaultValue={organisationId ?? ''}>
          <option value="">{t('publicSite.rota_all_points')}</option>
          {points.map((p) => (
            <option key={p.id} value={p.id}>
              {locale === 'en' ? p.nameEn : p.nameZh}
            </option>
          ))}
        </select>
        <button type="submit" className="lj-button">
          {t('publicSite.rota_filter')}
        </button>
      </Form>
      <WeekRota slug={slug} week={week} services={services} points={points} headingLevel="h2" />
      <ThemedDayList slug={slug} themedDays={themedDays} />
    </>
  );
}
