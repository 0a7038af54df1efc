import { formatDate } from '@linju/i18n';
import { useLocale, useTranslate } from '@linju/ui';
import { Link } from 'react-router';
import { EntryPointList, ServiceList } from '../../components/public/catalogue-lists.tsx';
import { PublicTitle } from '../../components/public/public-title.tsx';
import { getAdminContext } from '../../context.ts';
import { publicSitePaths } from '../../lib/public-site-paths.ts';
import { tenantSlugFrom } from '../../lib/tenant-paths.ts';
import type { Route } from './+types/home';

export async function loader({ params, context }: Route.LoaderArgs) {
  const slug = tenantSlugFrom(params);
  return { slug, ...(await getAdminContext(context).caller.site.home()) };
}

/** The district's public site: where a resident starts. */
export default function PublicHome({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { slug, entryPoints, services, announcements, themedDays } = loaderData;
  return (
    <>
      <PublicTitle title={t('publicSite.home_title')} />
      <h1>{t('publicSite.home_title')}</h1>
      <p>{t('publicSite.home_intro')}</p>
      <EntryPointList slug={slug} entryPoints={entryPoints} />
      <section aria-labelledby="quick-links">
        <h2 id="quick-links">{t('publicSite.quick_links_title')}</h2>
        <ul className="public-tiles">
          <li>
            <Link className="public-tile" to={publicSitePaths.apply(slug)}>
              {t('publicSite.nav_apply')}
            </Link>
          </li>
          <li>
            <Link className="public-tile" to={publicSitePaths.book(slug)}>
              {t('publicSite.nav_book')}
            </Link>
          </li>
          <li>
            <Link className="public-tile" to={publicSitePaths.follow(slug)}>
              {t('publicSite.nav_follow')}
            </Link>
          </li>
          <li>
            <Link className="public-tile" to={publicSitePaths.points(slug)}>
              {t('publicSite.near_title')}
            </Link>
          </li>
          <li>
            <Link className="public-tile" to={publicSitePaths.rota(slug)}>
              {t('publicSite.nav_rota')}
            </Link>
          </li>
          <li>
            <Link className="public-tile" to={publicSitePaths.suggestions(slug)}>
              {t('publicSite.nav_suggestions')}
            </Link>
          </li>
        </ul>
      </section>
      <section aria-labelledby="themed-days">
        <h2 id="themed-days">{t('publicSite.themed_days_title')}</h2>
        {themedDays.length === 0 ? (
          <p>{t('publicSite.themed_days_none')}</p>
        ) : (
          <ul className="public-list">
            {themedDays.map((day) => (
              <li key={day.id}>
                <strong>{day.day}</strong> {day.theme} ·{' '}
                <Link to={publicSitePaths.point(slug, day.organisationId)}>
                  {locale === 'en' ? day.pointEn : day.pointZh}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="announcements">
        <h2 id="announcements">{t('publicSite.announcements_title')}</h2>
        {announcements.length === 0 ? (
          <p>{t('publicSite.announcements_none')}</p>
        ) : (
          <ul className="public-list">
            {announcements.map((announcement) => (
              <li key={announcement.id}>
                <strong>{announcement.title}</strong>
                {announcement.publishedAt ? (
                  <span className="public-muted"> · {formatDate(locale, announcement.publishedAt)}</span>
                ) : null}
                <p>{announcement.body}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ServiceList slug={slug} services={services} />
    </>
  );
}
