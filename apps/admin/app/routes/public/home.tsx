import { formatDate } from '@linju/i18n';
import { useLocale, useTranslate } from '@linju/ui';
import { Link } from 'react-router';
import { EntryPointList, ServiceList } from '../../components/public/catalogue-lists.tsx';
import { PublicTitle } from '../../components/public/public-title.tsx';
import { ScreenOfferTile } from '../../components/public/screen-offer.tsx';
import { ThemedDayList } from '../../components/public/themed-day-list.tsx';
import { getAdminContext } from '../../context.ts';
import { publicOffers } from '../../lib/hosted-screens.ts';
import { publicSitePaths } from '../../lib/public-site-paths.ts';
import { tenantSlugFrom } from '../../lib/tenant-paths.ts';
import type { Route } from './+types/home';

/** What residents come for most: apply, book, follow, the nearest point, the rota, suggestions. */
const QUICK_LINKS = [
  { key: 'publicSite.nav_apply', to: publicSitePaths.apply },
  { key: 'publicSite.nav_book', to: publicSitePaths.book },
  { key: 'publicSite.nav_follow', to: publicSitePaths.follow },
  { key: 'publicSite.near_title', to: publicSitePaths.points },
  { key: 'publicSite.nav_rota', to: publicSitePaths.rota },
  { key: 'publicSite.nav_suggestions', to: publicSitePaths.suggestions },
] as const;

export async function loader({ params, context }: Route.LoaderArgs) {
  const slug = tenantSlugFrom(params);
  const { knowledgeServices, ...home } = await getAdminContext(context).caller.site.home();
  // The knowledge services' own pages (the assistant), where the district switched them on.
  const offers = publicOffers('home').filter((offer) => knowledgeServices.includes(offer.pluginId));
  return { slug, offers, ...home };
}

/** The district's public site: where a resident starts. */
export default function PublicHome({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { slug, offers, entryPoints, services, announcements, themedDays } = loaderData;
  return (
    <>
      <PublicTitle title={t('publicSite.home_title')} />
      <h1>{t('publicSite.home_title')}</h1>
      <p>{t('publicSite.home_intro')}</p>
      <EntryPointList slug={slug} entryPoints={entryPoints} />
      <section aria-labelledby="quick-links">
        <h2 id="quick-links">{t('publicSite.quick_links_title')}</h2>
        <ul className="public-tiles">
          {QUICK_LINKS.map(({ key, to }) => (
            <li key={key}>
              <Link className="public-tile" to={to(slug)}>
                {t(key)}
              </Link>
            </li>
          ))}
          {offers.map((offer) => (
            <li key={`${offer.pluginId}.${offer.screenId}`}>
              <ScreenOfferTile offer={offer} slug={slug} />
            </li>
          ))}
        </ul>
      </section>
      <ThemedDayList slug={slug} themedDays={themedDays} />
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
