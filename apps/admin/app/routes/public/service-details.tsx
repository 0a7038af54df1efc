import { useLocale, useTranslate } from '@linju/ui';
import { Link, useRouteError } from 'react-router';
import { PageError } from '../../components/page-error.tsx';
import { PointCard } from '../../components/public/point-card.tsx';
import { PublicTitle } from '../../components/public/public-title.tsx';
import { getAdminContext } from '../../context.ts';
import { publicSitePaths } from '../../lib/public-site-paths.ts';
import { load } from '../../lib/route-errors.ts';
import { tenantSlugFrom } from '../../lib/tenant-paths.ts';
import type { Route } from './+types/service-details';

export async function loader({ params, context }: Route.LoaderArgs) {
  const slug = tenantSlugFrom(params);
  const found = await load(getAdminContext(context).caller.site.service({ serviceId: params.serviceId }));
  return { slug, ...found };
}

/**
 * One service as a resident reads it: what it is, who can use it, what to bring, how long it
 * takes, where, and the way to apply or book.
 */
export default function PublicServiceDetails({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { slug, service, points } = loaderData;
  const documents = service.items.flatMap((item) => item.requiredDocuments);
  return (
    <>
      <PublicTitle title={service.name[locale]} />
      <h1>{service.name[locale]}</h1>
      <section aria-labelledby="what">
        <h2 id="what">{t('publicSite.service_what')}</h2>
        <p>{service.description[locale]}</p>
        {service.items.length > 1 ? (
          <ul className="public-list">
            {service.items.map((item) => (
              <li key={item.id}>
                <strong>{item.name[locale]}</strong>
                <p>{item.description[locale]}</p>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section aria-labelledby="who">
        <h2 id="who">{t('publicSite.service_who')}</h2>
        <p>{t('publicSite.service_who_text')}</p>
      </section>
      <section aria-labelledby="bring">
        <h2 id="bring">{t('publicSite.service_bring')}</h2>
        {documents.length === 0 ? (
          <p>{t('publicSite.service_bring_none')}</p>
        ) : (
          <ul>
            {documents.map((document) => (
              <li key={document.id}>
                {document.name[locale]}
                {document.optional ? ` ${t('publicSite.service_optional')}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="time">
        <h2 id="time">{t('publicSite.service_time')}</h2>
        <p>{t('publicSite.service_working_days', { days: service.workingDays })}</p>
      </section>
      <p className="public-actions">
        <Link
          className="lj-button"
          to={`${publicSitePaths.apply(slug)}?service=${encodeURIComponent(service.id)}`}
        >
          {t('publicSite.service_apply')}
        </Link>
        <Link className="lj-button lj-button--quiet" to={publicSitePaths.book(slug)}>
          {t('publicSite.service_book')}
        </Link>
      </p>
      <section aria-labelledby="where">
        <h2 id="where">{t('publicSite.service_where')}</h2>
        {points.length === 0 ? <p>{t('publicSite.service_where_none')}</p> : null}
        {points.map((point) => (
          <PointCard key={point.id} slug={slug} point={point} />
        ))}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <PageError error={useRouteError()} />;
}
