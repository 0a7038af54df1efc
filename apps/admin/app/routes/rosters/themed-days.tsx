import { formatDate } from '@linju/i18n';
import { Button, type IntentFailure, SelectField, TextField, useLocale, useTranslate } from '@linju/ui';
import { Form, useLocation } from 'react-router';
import { CsrfField } from '../../components/csrf-field.tsx';
import { useFieldError } from '../../components/form-errors.tsx';
import { serviceName } from '../../lib/service-name.ts';
import type { Route } from '../+types/rosters';

type Roster = Route.ComponentProps['loaderData'];

/** A unit's themed days (主题活动日), and the form setting one. */
export function ThemedDays({
  unitId,
  themedDays,
  services,
  canManage,
  today,
  failure,
}: Pick<Roster, 'themedDays' | 'services' | 'canManage' | 'today'> & {
  unitId: string;
  failure: IntentFailure | undefined;
}) {
  const t = useTranslate();
  const locale = useLocale();
  const location = useLocation();
  const error = useFieldError(failure?.errors);
  const offered = services.filter((service) => service.enabled);
  return (
    <>
      <h2>{t('rosters.themed_heading')}</h2>
      {themedDays.length === 0 ? (
        <p>{t('rosters.no_themed')}</p>
      ) : (
        <ul className="admin-list">
          {themedDays.map((themed) => (
            <li key={themed.id}>
              <strong>{formatDate(locale, themed.day)}</strong> {themed.theme}
              {themed.serviceType ? (
                <span className="admin-muted"> · {serviceName(services, themed.serviceType, locale)}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <details key={`themed-${location.key}`} className="admin-disclosure" open={Boolean(failure)}>
          <summary>{t('rosters.themed_set_heading')}</summary>
          <Form method="post" className="lj-form" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="themed" />
            <input type="hidden" name="unitId" value={unitId} />
            <TextField
              id="themed-day"
              name="day"
              type="date"
              label={t('rosters.themed_day')}
              min={today}
              defaultValue={failure?.values.day ?? today}
              error={error('day')}
              className="admin-field--short"
              required
            />
            <TextField
              id="themed-theme"
              name="theme"
              label={t('rosters.theme')}
              hint={t('rosters.theme_hint')}
              defaultValue={failure?.values.theme}
              error={error('theme')}
              maxLength={80}
              required
            />
            <SelectField
              id="themed-serviceType"
              name="serviceType"
              label={t('rosters.service')}
              defaultValue={failure?.values.serviceType ?? ''}
            >
              <option value="">{t('rosters.any_service')}</option>
              {offered.map((service) => (
                <option key={service.id} value={service.id}>
                  {service.name[locale]}
                </option>
              ))}
            </SelectField>
            <Button type="submit">{t('rosters.themed_submit')}</Button>
          </Form>
        </details>
      ) : null}
    </>
  );
}
