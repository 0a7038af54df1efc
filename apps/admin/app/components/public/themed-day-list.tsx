import { useLocale, useTranslate } from '@linju/ui';
import { Link } from 'react-router';
import { publicSitePaths } from '../../lib/public-site-paths.ts';

/** This month's themed activity days (主题活动日), each with the point holding it. */
export function ThemedDayList({
  slug,
  themedDays,
}: {
  slug: string;
  themedDays: readonly {
    id: string;
    day: string;
    theme: string;
    organisationId: string;
    pointZh: string;
    pointEn: string;
  }[];
}) {
  const t = useTranslate();
  const locale = useLocale();
  return (
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
  );
}
