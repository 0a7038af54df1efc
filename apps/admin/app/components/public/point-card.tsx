import { useLocale, useTranslate } from '@linju/ui';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { publicSitePaths } from '../../lib/public-site-paths.ts';

/** A service point as its public notice lists it: name (a link to its page), address, hours and phone. */
export function PointCard({
  slug,
  point,
  children,
}: {
  slug: string;
  point: {
    id: string;
    nameZh: string;
    nameEn: string;
    address: string | null;
    openingHours: string | null;
    phone: string | null;
  };
  children?: ReactNode;
}) {
  const t = useTranslate();
  const locale = useLocale();
  const unknown = t('publicSite.point_unknown');
  return (
    <article className="public-card">
      <h3>
        <Link to={publicSitePaths.point(slug, point.id)}>
          {locale === 'en' ? point.nameEn : point.nameZh}
        </Link>
      </h3>
      {children}
      <PointFacts point={point} unknown={unknown} />
    </article>
  );
}

/** Address, opening hours and phone, the phone dialable from a phone. */
export function PointFacts({
  point,
  unknown,
}: {
  point: { address: string | null; openingHours: string | null; phone: string | null };
  unknown: string;
}) {
  const t = useTranslate();
  return (
    <dl className="public-facts">
      <dt>{t('publicSite.point_address')}</dt>
      <dd>{point.address ?? unknown}</dd>
      <dt>{t('publicSite.point_hours')}</dt>
      <dd>{point.openingHours ?? unknown}</dd>
      <dt>{t('publicSite.point_phone')}</dt>
      <dd>{point.phone ? <a href={`tel:${point.phone}`}>{point.phone}</a> : unknown}</dd>
    </dl>
  );
}
