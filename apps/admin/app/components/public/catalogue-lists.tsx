import type { Locale } from '@linju/i18n';
import { useLocale, useTranslate } from '@linju/ui';
import { Link } from 'react-router';
import { publicSitePaths } from '../../lib/public-site-paths.ts';

type Localized = Readonly<Record<Locale, string>>;

/** The seven plain-language entry points (合同签订来坐坐 …), each leading to the service answering it. */
export function EntryPointList({
  slug,
  entryPoints,
}: {
  slug: string;
  entryPoints: readonly { id: string; zh: string; en: string; pluginId: string }[];
}) {
  const t = useTranslate();
  const locale = useLocale();
  return (
    <section aria-labelledby="entry-points">
      <h2 id="entry-points">{t('publicSite.entry_points_title')}</h2>
      <ul className="public-tiles">
        {entryPoints.map((entry) => (
          <li key={entry.id}>
            <Link className="public-tile" to={publicSitePaths.service(slug, entry.pluginId)}>
              {locale === 'en' ? entry.en : entry.zh}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The services switched on in the district, each with what it is, leading to its page. */
export function ServiceList({
  slug,
  services,
}: {
  slug: string;
  services: readonly { id: string; name: Localized; description: Localized }[];
}) {
  const t = useTranslate();
  const locale = useLocale();
  return (
    <section aria-labelledby="services">
      <h2 id="services">{t('publicSite.services_title')}</h2>
      <ul className="public-list">
        {services.map((service) => (
          <li key={service.id}>
            <Link to={publicSitePaths.service(slug, service.id)}>{service.name[locale]}</Link>
            <p>{service.description[locale]}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
