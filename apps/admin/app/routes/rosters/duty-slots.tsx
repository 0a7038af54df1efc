import type { MessageKey } from '@linju/i18n';
import { Button, type IntentFailure, SelectField, TextField, useLocale, useTranslate } from '@linju/ui';
import { Form, Link, useLocation } from 'react-router';
import { CsrfField } from '../../components/csrf-field.tsx';
import { useFieldError } from '../../components/form-errors.tsx';
import { useTenantShell } from '../../components/tenant-shell.ts';
import { organisationName } from '../../lib/organisation-tree.ts';
import { WEEKDAYS } from '../../lib/rosters.ts';
import { serviceName } from '../../lib/service-name.ts';
import { tenantPaths } from '../../lib/tenant-paths.ts';
import type { Route } from '../+types/rosters';

type Roster = Route.ComponentProps['loaderData'];

/** A unit's weekly duty slots, each removable by its manager, and the form adding one. */
export function DutySlots({
  unit,
  slots,
  services,
  staff,
  canManage,
  failure,
}: Pick<Roster, 'unit' | 'slots' | 'services' | 'staff' | 'canManage'> & {
  failure: IntentFailure | undefined;
}) {
  const t = useTranslate();
  const locale = useLocale();
  const location = useLocation();
  const { tenant } = useTenantShell();
  const error = useFieldError(failure?.errors);
  const offered = services.filter((service) => service.enabled);
  return (
    <>
      <h2>{t('rosters.week_heading', { unit: organisationName(unit, locale) })}</h2>
      <p>
        <Link
          className="lj-button lj-button--secondary"
          to={`${tenantPaths.rota(tenant.slug)}?org=${unit.id}`}
        >
          {t('rosters.print')}
        </Link>
      </p>
      {slots.length === 0 ? (
        <p>{t('rosters.no_slots')}</p>
      ) : (
        <div className="admin-table-scroll">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('rosters.col_day')}</th>
                <th scope="col">{t('rosters.col_hours')}</th>
                <th scope="col">{t('rosters.col_service')}</th>
                <th scope="col">{t('rosters.col_person')}</th>
                {canManage ? <th scope="col">{t('rosters.col_actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {slots.map((slot) => {
                const day = t(`weekday.${slot.weekday}` as MessageKey);
                const hours = `${slot.startsAt}–${slot.endsAt}`;
                return (
                  <tr key={slot.id}>
                    <th scope="row">{day}</th>
                    <td className="admin-nowrap">{hours}</td>
                    <td>{serviceName(services, slot.serviceType, locale)}</td>
                    <td>{slot.personName}</td>
                    {canManage ? (
                      <td>
                        <Form method="post" className="admin-inline-form">
                          <CsrfField />
                          <input type="hidden" name="intent" value="remove" />
                          <input type="hidden" name="unitId" value={unit.id} />
                          <input type="hidden" name="id" value={slot.id} />
                          <Button
                            type="submit"
                            variant="secondary"
                            className="admin-button--small"
                            aria-label={t('rosters.remove_named', { day, hours })}
                          >
                            {t('rosters.remove')}
                          </Button>
                        </Form>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {canManage ? (
        <details key={`slot-${location.key}`} className="admin-disclosure" open={Boolean(failure)}>
          <summary>{t('rosters.add_heading')}</summary>
          <Form method="post" className="lj-form" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="slot" />
            <input type="hidden" name="unitId" value={unit.id} />
            <div className="admin-field-row">
              <SelectField
                id="slot-weekday"
                name="weekday"
                label={t('rosters.weekday')}
                defaultValue={failure?.values.weekday ?? '1'}
                error={error('weekday')}
              >
                {WEEKDAYS.map((weekday) => (
                  <option key={weekday} value={weekday}>
                    {t(`weekday.${weekday}` as MessageKey)}
                  </option>
                ))}
              </SelectField>
              <TextField
                id="slot-startsAt"
                name="startsAt"
                type="time"
                label={t('rosters.starts_at')}
                defaultValue={failure?.values.startsAt ?? '09:00'}
                error={error('startsAt')}
                required
              />
              <TextField
                id="slot-endsAt"
                name="endsAt"
                type="time"
                label={t('rosters.ends_at')}
                defaultValue={failure?.values.endsAt ?? '11:30'}
                error={error('endsAt')}
                required
              />
            </div>
            <SelectField
              id="slot-serviceType"
              name="serviceType"
              label={t('rosters.service')}
              defaultValue={failure?.values.serviceType}
              error={error('serviceType')}
            >
              {offered.map((service) => (
                <option key={service.id} value={service.id}>
                  {service.name[locale]}
                </option>
              ))}
            </SelectField>
            {staff.length > 0 ? (
              <SelectField
                id="slot-staffMemberId"
                name="staffMemberId"
                label={t('rosters.staff')}
                defaultValue={failure?.values.staffMemberId ?? ''}
                error={error('staffMemberId')}
              >
                <option value="">{t('rosters.no_staff')}</option>
                {staff.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.displayName}
                  </option>
                ))}
              </SelectField>
            ) : null}
            <TextField
              id="slot-personName"
              name="personName"
              label={t('rosters.person_name')}
              hint={t('rosters.person_name_hint')}
              defaultValue={failure?.values.personName}
              error={error('personName')}
              autoComplete="off"
            />
            <TextField
              id="slot-capacity"
              name="capacity"
              type="number"
              inputMode="numeric"
              min={1}
              max={50}
              label={t('rosters.capacity')}
              hint={t('rosters.capacity_hint')}
              defaultValue={failure?.values.capacity ?? '4'}
              error={error('capacity')}
            />
            <Button type="submit">{t('rosters.add_submit')}</Button>
          </Form>
        </details>
      ) : null}
    </>
  );
}
