import { useLocale, useTranslate } from '@linju/ui';
import { Link } from 'react-router';
import { publicSitePaths } from '../../lib/public-site-paths.ts';
import { type NamedService, serviceName } from '../../lib/service-name.ts';

type Day = {
  weekday: number;
  date: string;
  slots: readonly {
    id: string;
    organisationId: string;
    startsAt: string;
    endsAt: string;
    serviceType: string;
    personName: string;
  }[];
};

/**
 * A week of duty (轮班值守), a day at a time: the hours, who is on duty for which service and,
 * when several points are shown, where.
 */
export function WeekRota({
  slug,
  week,
  services,
  points,
  headingLevel,
}: {
  slug: string;
  week: readonly Day[];
  services: readonly NamedService[];
  /** The points' names, when the rota spans more than one point. */
  points?: readonly { id: string; nameZh: string; nameEn: string }[] | undefined;
  headingLevel: 'h2' | 'h3';
}) {
  const t = useTranslate();
  const locale = useLocale();
  const Heading = headingLevel;
  return (
    <div className="public-rota">
      {week.map((day) => (
        <section
          key={day.weekday}
          aria-label={`${t(`publicSite.weekday_${day.weekday}` as 'publicSite.weekday_1')} ${day.date}`}
        >
          <Heading>
            {t(`publicSite.weekday_${day.weekday}` as 'publicSite.weekday_1')}{' '}
            <span className="public-muted">{day.date}</span>
          </Heading>
          {day.slots.length === 0 ? (
            <p className="public-muted">{t('publicSite.rota_none')}</p>
          ) : (
            <ul className="public-list">
              {day.slots.map((slot) => {
                const point = points?.find((p) => p.id === slot.organisationId);
                return (
                  <li key={slot.id}>
                    <strong>
                      {slot.startsAt}–{slot.endsAt}
                    </strong>{' '}
                    {t('publicSite.rota_on_duty', {
                      person: slot.personName,
                      service: serviceName(services, slot.serviceType, locale),
                    })}
                    {point ? (
                      <>
                        {' · '}
                        <Link to={publicSitePaths.point(slug, point.id)}>
                          {locale === 'en' ? point.nameEn : point.nameZh}
                        </Link>
                      </>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
