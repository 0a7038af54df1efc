import { useLocale, useTranslate } from '@linju/ui';
import { Link, useRouteError } from 'react-router';
import { PageError } from '../../components/page-error.tsx';
import { PointFacts } from '../../components/public/point-card.tsx';
import { PublicTitle } from '../../components/public/public-title.tsx';
import { WeekRota } from '../../components/public/week-rota.tsx';
import { getAdminContext } from '../../context.ts';
import { publicSitePaths } from '../../lib/public-site-paths.ts';
import { idParam, load } from '../../lib/route-errors.ts';
import { tenantSlugFrom } from '../../lib/tenant-paths.ts';
import type { Route } from './+types/point';

export async function loader({ params, context }: Route.LoaderArgs) {
  const slug = tenantSlugFrom(params);
  const organisationId = idParam(params.organisationId);
  return { slug, ...(await load(getAdminContext(context).caller.site.point({ organisationId }))) };
}

/**
 * A service point's public notice board (公示栏): where and when, the services there, its
 * community lawyer adviser, this week's duty and this month's themed day.
 */
export default function PublicPoint({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { slug, point, services, adviser, week, themedDay, announcements } = loaderData;
  const name = locale === 'en' ? point.nameEn : point.nameZh;
  return (
    <>
      <PublicTitle title={name} />
      <h1>{name}</h1>
      <PointFacts point={point} unknown={t('publicSite.point_unknown')} />
      <section aria-labelledby="adviser" className="public-card">
        <h2 id="adviser">{t('publicSite.point_adviser')}</h2>
        {adviser ? (
          <>
            <dl className="public-facts">
              <dt>{t('publicSite.point_adviser_lawyer')}</dt>
              <dd>{adviser.lawyerName}</dd>
              <dt>{t('publicSite.point_adviser_firm')}</dt>
              <dd>{adviser.lawFirm}</dd>
            </dl>
            <p>{t('publicSite.point_adviser_contact')}</p>
          </>
        ) : (
          <p>{t('publicSite.point_adviser_none')}</p>
        )}
      </section>
      <section aria-labelledby="services-here">
        <h2 id="services-here">{t('publicSite.point_services')}</h2>
        {services.length === 0 ? (
          <p>{t('publicSite.point_services_none')}</p>
        ) : (
          <ul className="public-tiles">
            {services.map((service) => (
              <li key={service.id}>
                <Link className="public-tile" to={publicSitePaths.service(slug, service.id)}>
                  {service.name[locale]}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="themed-day">
        <h2 id="themed-day">{t('publicSite.point_themed_day')}</h2>
        <p>{themedDay ? `${themedDay.day} ${themedDay.theme}` : t('publicSite.themed_days_none')}</p>
      </section>
      <section aria-labelledby="rota">
        <h2 id="rota">{t('publicSite.point_rota')}</h2>
        <WeekRota slug={slug} week={week} services={services} headingLevel="h3" />
      </section>
      {announcements.length > 0 ? (
        <section aria-labelledby="announcements">
          <h2 id="announcements">{t('publicSite.announcements_title')}</h2>
          <ul className="public-list">
            {announcements.map((announcement) => (
              <li key={announcement.id}>
                <strong>{announcement.title}</strong>
                <p>{announcement.body}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <PageError error={useRouteError()} />;
}
