import { useLocale, useTranslate } from '@linju/ui';
import { organisationName } from '../../lib/organisation-tree.ts';
import { serviceName } from '../../lib/service-name.ts';
import type { Route } from '../+types/rosters';

type Roster = Route.ComponentProps['loaderData'];

/** 今日预约: the residents booked at the unit today, by time, phones masked; cancelled ones marked. */
export function AppointmentsOfDay({
  unit,
  today,
  appointments,
  services,
}: Pick<Roster, 'unit' | 'today' | 'appointments' | 'services'>) {
  const t = useTranslate();
  const locale = useLocale();
  return (
    <>
      <h2>{t('rosters.appointments_heading', { unit: organisationName(unit, locale), day: today })}</h2>
      {appointments.length === 0 ? (
        <p>{t('rosters.no_appointments')}</p>
      ) : (
        <div className="admin-table-scroll">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('rosters.col_hours')}</th>
                <th scope="col">{t('rosters.col_service')}</th>
                <th scope="col">{t('rosters.col_person')}</th>
                <th scope="col">{t('rosters.col_resident_phone')}</th>
              </tr>
            </thead>
            <tbody>
              {appointments.map((a) => (
                <tr key={a.id}>
                  <td>{`${a.startsAt}–${a.endsAt}`}</td>
                  <td>{serviceName(services, a.serviceType, locale)}</td>
                  <td>{a.personName}</td>
                  <td>
                    {a.phoneMasked}
                    {a.cancelled ? ` · ${t('rosters.appointment_cancelled')}` : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
